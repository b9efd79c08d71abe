package io.github.connectedcar.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Which way the vehicle points, from the {@code heading} metric.
 *
 * @param degrees       degrees clockwise from north
 * @param uncertainty   the uncertainty in degrees; empty when not reported
 * @param detectionType how it was found, such as {@code HEADING_RAW_GNSS}; empty when not reported
 */
public record Heading(double degrees, OptionalDouble uncertainty, Optional<String> detectionType) {
    public Heading {
        Objects.requireNonNull(uncertainty, "uncertainty");
        Objects.requireNonNull(detectionType, "detectionType");
    }

    @Override
    public String toString() {
        return degrees + "°";
    }
}
