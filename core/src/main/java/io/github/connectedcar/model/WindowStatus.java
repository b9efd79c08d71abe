package io.github.connectedcar.model;

import java.util.Objects;

/**
 * How far one window is open, from an entry of the {@code windowStatus[]} metric. Ford reports a range of percent
 * open ({@code value.doubleRange}): {@code 0–0} is fully closed, {@code 0–10} open 10 % at most, {@code 100–100}
 * fully open. A locator Ford left out is {@code "UNKNOWN"}.
 *
 * @param window       which window, such as {@code UNSPECIFIED_FRONT} or {@code UNSPECIFIED_REAR}
 *                     ({@code vehicleWindow})
 * @param side         {@code DRIVER}, {@code PASSENGER} or {@code UNKNOWN} ({@code vehicleSide})
 * @param occupantRole {@code DRIVER}, {@code PASSENGER} or {@code UNKNOWN} ({@code vehicleOccupantRole})
 * @param openAtLeast  the lower bound of the range, percent open
 * @param openAtMost   the upper bound of the range, percent open
 */
public record WindowStatus(String window, String side, String occupantRole, double openAtLeast, double openAtMost) {
    public WindowStatus {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(occupantRole, "occupantRole");
    }

    /** Whether the window is fully closed (the range is {@code 0–0}). */
    public boolean isFullyClosed() {
        return openAtMost <= 0;
    }

    /** Such as {@code UNSPECIFIED_FRONT/DRIVER=0.0–10.0%}. */
    @Override
    public String toString() {
        return window + "/" + side + "=" + openAtLeast + "–" + openAtMost + "%";
    }
}
