package io.github.connectedcar.model;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The pressure of one tyre, from an entry of the {@code tirePressure[]} metric. Pressures are in kilopascals
 * ({@link Unit#KILOPASCALS}). A wheel Ford left out is {@code "UNKNOWN"}.
 *
 * @param wheel       which wheel, such as {@code FRONT_LEFT} or {@code REAR_RIGHT} ({@code vehicleWheel})
 * @param pressure    the measured pressure, kPa
 * @param recommended the placard pressure for this axle ({@code wheelPlacardFront} / {@code wheelPlacardRear}), kPa;
 *                    empty when not reported
 */
public record TirePressure(String wheel, double pressure, OptionalDouble recommended) {
    public TirePressure {
        Objects.requireNonNull(wheel, "wheel");
        Objects.requireNonNull(recommended, "recommended");
    }

    /** Such as {@code FRONT_LEFT=270.0 kPa}. */
    @Override
    public String toString() {
        return wheel + "=" + pressure + " kPa";
    }
}
