package io.github.connectedcar.simulator.vehicle;

/**
 * A door as Ford's telemetry locates it in {@code doorStatus[]} and {@code doorLockStatus[]}: a
 * {@code vehicleDoor} plus, where Ford sends them, {@code vehicleOccupantRole} and {@code vehicleSide}.
 */
public enum Door {
    DRIVER_FRONT("UNSPECIFIED_FRONT", "DRIVER", "DRIVER"),
    PASSENGER_FRONT("UNSPECIFIED_FRONT", "PASSENGER", "PASSENGER"),
    REAR_LEFT("REAR_LEFT", "PASSENGER", "UNKNOWN"),
    REAR_RIGHT("REAR_RIGHT", "PASSENGER", "UNKNOWN"),
    TAILGATE("TAILGATE", "PASSENGER", null),
    INNER_TAILGATE("INNER_TAILGATE", "PASSENGER", null);

    private final String vehicleDoor;
    private final String occupantRole;
    private final String side;

    Door(String vehicleDoor, String occupantRole, String side) {
        this.vehicleDoor = vehicleDoor;
        this.occupantRole = occupantRole;
        this.side = side;
    }

    public String vehicleDoor() {
        return vehicleDoor;
    }

    public String occupantRole() {
        return occupantRole;
    }

    /** The {@code vehicleSide}, or null where Ford leaves it out. */
    public String side() {
        return side;
    }
}
