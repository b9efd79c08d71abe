package io.connectedcar.simulator.internal.vehicle;

/** Arithmetic the vehicle parts share. */
final class Numbers {

    private Numbers() {
    }

    static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
