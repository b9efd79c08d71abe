package io.github.connectedcar.simulator.internal.vehicle;

/** Arithmetic the vehicle parts share. */
final class Numbers {

    private Numbers() {
    }

    static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    /** The value rounded to {@code decimals} places, as the car reports it. */
    static double round(double value, int decimals) {
        double factor = Math.pow(10, decimals);
        return Math.round(value * factor) / factor;
    }
}
