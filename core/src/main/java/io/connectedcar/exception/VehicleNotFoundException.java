package io.connectedcar.exception;

/** The account holds no vehicle with this VIN. */
public class VehicleNotFoundException extends ConnectedCarException {
    private final String vin;

    public VehicleNotFoundException(String vin, String message) {
        super(message);
        this.vin = vin;
    }

    public String getVin() {
        return vin;
    }
}
