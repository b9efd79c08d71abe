package io.github.connectedcar.model;

import java.util.Objects;

/**
 * One seat belt, from an entry of the {@code seatBeltStatus[]} metric. A locator Ford left out is {@code "UNKNOWN"}.
 *
 * @param occupantRole {@code DRIVER}, {@code PASSENGER} or {@code UNKNOWN} ({@code vehicleOccupantRole})
 * @param seatRow      the row, such as {@code FIRST}, or {@code UNKNOWN} ({@code vehicleSeatRow})
 * @param state        the state as Ford sent it, such as {@code BUCKLED} or {@code UNBUCKLED}
 */
public record SeatBeltStatus(String occupantRole, String seatRow, String state) {
    public SeatBeltStatus {
        Objects.requireNonNull(occupantRole, "occupantRole");
        Objects.requireNonNull(seatRow, "seatRow");
        Objects.requireNonNull(state, "state");
    }

    /** Whether the state is {@code BUCKLED}. */
    public boolean isBuckled() {
        return OpenValues.fold(state).equals("BUCKLED");
    }
}
