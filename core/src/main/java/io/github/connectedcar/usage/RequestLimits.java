package io.github.connectedcar.usage;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits a request must fit in to be allowed: at most {@code perWindow} requests in any rolling {@code window},
 * and at most {@code perBurst} in any rolling {@code burstPeriod}.
 */
public record RequestLimits(int perWindow, Duration window, int perBurst, Duration burstPeriod) {
    /**
     * Checks the limits.
     *
     * @param perWindow   the most requests in any rolling {@code window}
     * @param window      the long window (a day, by default)
     * @param perBurst    the most requests in any rolling {@code burstPeriod}
     * @param burstPeriod the short window (a minute, by default)
     * @throws IllegalArgumentException when a limit is below 1 or a window under 1 ms
     */
    public RequestLimits {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(burstPeriod, "burstPeriod");
        if (perWindow < 1 || perBurst < 1) {
            throw new IllegalArgumentException("Limits must be at least 1, were " + perWindow + " and " + perBurst);
        }
    }
}
