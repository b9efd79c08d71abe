package io.github.connectedcar.model;

import java.util.Objects;

/**
 * Whether one door (or all of them) is locked, from an entry of the {@code doorLockStatus[]} metric. The entry for
 * {@code ALL_DOORS} is the one the FordPass app shows. A locator Ford left out is {@code "UNKNOWN"}.
 *
 * @param door         which door, such as {@code ALL_DOORS} or {@code UNSPECIFIED_FRONT} ({@code vehicleDoor})
 * @param side         {@code DRIVER}, {@code PASSENGER} or {@code UNKNOWN} ({@code vehicleSide})
 * @param occupantRole {@code DRIVER}, {@code PASSENGER} or {@code UNKNOWN} ({@code vehicleOccupantRole})
 * @param state        the state as Ford sent it, such as {@code LOCKED}, {@code DOUBLE_LOCKED} or {@code UNLOCKED}
 */
public record DoorLockStatus(String door, String side, String occupantRole, String state) {
    /** The {@code vehicleDoor} value of the entry that covers every door. */
    public static final String ALL_DOORS = "ALL_DOORS";

    public DoorLockStatus {
        Objects.requireNonNull(door, "door");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(occupantRole, "occupantRole");
        Objects.requireNonNull(state, "state");
    }

    /** Whether the state is {@code LOCKED} or {@code DOUBLE_LOCKED}. */
    public boolean isLocked() {
        return lockState().isLocked();
    }

    /** The state as an open value: {@link LockState#LOCKED}, {@link LockState#DOUBLE_LOCKED}, ... or Ford's own. */
    public LockState lockState() {
        return LockState.of(state);
    }

    /** Whether this entry covers every door ({@link #ALL_DOORS}). */
    public boolean isAllDoors() {
        return OpenValues.fold(door).equals(OpenValues.fold(ALL_DOORS));
    }

    /** Such as {@code ALL_DOORS=LOCKED}. */
    @Override
    public String toString() {
        return door + "=" + state;
    }
}
