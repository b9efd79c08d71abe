package io.github.connectedcar.simulator.vehicle;

/** A wheel as located in {@code tirePressure[]} and {@code tirePressureStatus[]} ({@code vehicleWheel}). */
public enum Wheel {
    FRONT_LEFT(true),
    FRONT_RIGHT(true),
    REAR_LEFT(false),
    REAR_RIGHT(false);

    private final boolean front;

    Wheel(boolean front) {
        this.front = front;
    }

    /** Front wheels carry {@code wheelPlacardFront}, rear ones {@code wheelPlacardRear}. */
    public boolean isFront() {
        return front;
    }
}
