package io.github.connectedcar.model;

import java.util.Objects;

/**
 * The tyre pressure warning state of one wheel, from the {@code tirePressureStatus} metric (a list per wheel, or a
 * single value for the whole vehicle, whose wheel is then {@code "UNKNOWN"}).
 *
 * @param wheel which wheel, such as {@code FRONT_LEFT} ({@code vehicleWheel}), or {@code UNKNOWN}
 * @param state the state as Ford sent it, such as {@code NORMAL} or {@code LOW}
 */
public record TireStatus(String wheel, String state) {
    public TireStatus {
        Objects.requireNonNull(wheel, "wheel");
        Objects.requireNonNull(state, "state");
    }

    /** Whether the state is {@code NORMAL}; anything else deserves a look. */
    public boolean isNormal() {
        return OpenValues.fold(state).equals("NORMAL");
    }

    /** Such as {@code FRONT_LEFT=NORMAL}. */
    @Override
    public String toString() {
        return wheel + "=" + state;
    }
}
