package io.github.connectedcar.exception;

/** The account holds no vehicle with this VIN. */
public class VehicleNotFoundException extends ConnectedCarException {
    /** See {@link #getVin()}. */
    private final String vin;

    /**
     * @param vin     the car
     * @param message what went wrong and what to do about it (never a secret)
     */
    public VehicleNotFoundException(String vin, String message) {
        super(message);
        this.vin = vin;
    }

    /** {@return the car} */
    public String getVin() {
        return vin;
    }
}
