package io.github.connectedcar.simulator.vehicle;

/** A window as located in {@code windowStatus[]}: {@code vehicleWindow}, occupant role and side. */
public enum Window {
    DRIVER_FRONT("UNSPECIFIED_FRONT", "DRIVER", "DRIVER"),
    PASSENGER_FRONT("UNSPECIFIED_FRONT", "PASSENGER", "PASSENGER"),
    DRIVER_REAR("UNSPECIFIED_REAR", "PASSENGER", "DRIVER"),
    PASSENGER_REAR("UNSPECIFIED_REAR", "PASSENGER", "PASSENGER");

    private final String vehicleWindow;
    private final String occupantRole;
    private final String side;

    Window(String vehicleWindow, String occupantRole, String side) {
        this.vehicleWindow = vehicleWindow;
        this.occupantRole = occupantRole;
        this.side = side;
    }

    public String vehicleWindow() {
        return vehicleWindow;
    }

    public String occupantRole() {
        return occupantRole;
    }

    public String side() {
        return side;
    }
}
