package io.github.connectedcar.status;

import java.time.Duration;
import java.util.Objects;

/**
 * How a fleet stream opens its cars' streams: spread in time, and a bounded number at once, so that following a
 * large fleet never sends Ford a burst of snapshot reads and websocket upgrades. Immutable; every default is a named
 * constant.
 *
 * <p>Timeline with the defaults: the first car opens at once, then one more every {@link #openInterval()} (50 ms:
 * 20 cars a second, 1,000 cars in 50 s), and never more than {@link #maxOpening()} (16) are opening at a time (a car
 * is "opening" from its stream's subscription to its first status or error).
 *
 * @param maxOpening   how many cars may be opening at the same time
 * @param openInterval the least time between starting to open two cars; {@link Duration#ZERO} for none
 */
public record FleetOptions(int maxOpening, Duration openInterval) {

    public static final int DEFAULT_MAX_OPENING = 16;
    public static final Duration DEFAULT_OPEN_INTERVAL = Duration.ofMillis(50);

    public FleetOptions {
        if (maxOpening < 1) {
            throw new IllegalArgumentException("maxOpening must be at least 1, was " + maxOpening);
        }
        Objects.requireNonNull(openInterval, "openInterval");
        if (openInterval.isNegative()) {
            throw new IllegalArgumentException("openInterval must not be negative, was " + openInterval);
        }
    }

    public static FleetOptions defaults() {
        return new FleetOptions(DEFAULT_MAX_OPENING, DEFAULT_OPEN_INTERVAL);
    }

    public FleetOptions withMaxOpening(int value) {
        return new FleetOptions(value, openInterval);
    }

    public FleetOptions withOpenInterval(Duration value) {
        return new FleetOptions(maxOpening, value);
    }
}
