package io.github.connectedcar.model;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Where the vehicle is, from the {@code position} metric.
 *
 * @param latitude     degrees north (WGS 84)
 * @param longitude    degrees east (WGS 84)
 * @param altitude     metres above sea level; empty when not reported
 * @param gpsDimension the fix quality as Ford names it, such as {@code DIM_3D} or {@code 3D_FIX}; empty when not
 *                     reported
 */
public record Position(double latitude, double longitude, OptionalDouble altitude, Optional<String> gpsDimension) {
    public Position {
        Objects.requireNonNull(altitude, "altitude");
        Objects.requireNonNull(gpsDimension, "gpsDimension");
    }

    /** Such as {@code 42.314743,-83.210492}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.6f,%.6f", latitude, longitude);
    }
}
