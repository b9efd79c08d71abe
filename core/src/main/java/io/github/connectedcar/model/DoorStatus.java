package io.github.connectedcar.model;

import java.util.Objects;

/**
 * Whether one door is open, from an entry of the {@code doorStatus[]} metric. A locator Ford left out is
 * {@code "UNKNOWN"}, the value Ford itself sends for it.
 *
 * @param door         which door, such as {@code UNSPECIFIED_FRONT}, {@code REAR_LEFT}, {@code TAILGATE},
 *                     {@code INNER_TAILGATE} or {@code HOOD} ({@code vehicleDoor})
 * @param side         {@code DRIVER}, {@code PASSENGER} or {@code UNKNOWN} ({@code vehicleSide})
 * @param occupantRole {@code DRIVER}, {@code PASSENGER} or {@code UNKNOWN} ({@code vehicleOccupantRole})
 * @param state        the state as Ford sent it, such as {@code CLOSED} or {@code AJAR}
 */
public record DoorStatus(String door, String side, String occupantRole, String state) {
    public DoorStatus {
        Objects.requireNonNull(door, "door");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(occupantRole, "occupantRole");
        Objects.requireNonNull(state, "state");
    }

    /** Whether the door is reported {@code CLOSED}. */
    public boolean isClosed() {
        return OpenValues.fold(state).equals("CLOSED");
    }

    /** Whether the door is reported {@code OPEN} or {@code AJAR}; an unknown state is neither open nor closed. */
    public boolean isOpen() {
        String folded = OpenValues.fold(state);
        return folded.equals("OPEN") || folded.equals("AJAR");
    }

    /** Such as {@code REAR_LEFT/UNKNOWN=CLOSED}. */
    @Override
    public String toString() {
        return door + "/" + side + "=" + state;
    }
}
