package io.connectedcar.implementation;

import io.connectedcar.exception.RefreshTooSoonException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Allows at most one status refresh per vehicle per interval, by the client's clock: each refresh wakes the car's
 * modem and drains its 12 V battery. A refresh is counted when it is about to be sent, and forgotten again when it
 * certainly never reached Ford. Thread-safe.
 */
public final class StatusRefreshGuard {
    /** Undoes a reservation whose refresh certainly never reached Ford. */
    @FunctionalInterface
    public interface Reservation {
        void release();
    }

    private final Clock clock;
    private final ConcurrentHashMap<String, Instant> lastRefresh = new ConcurrentHashMap<>();

    public StatusRefreshGuard(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Counts a refresh of this vehicle now.
     *
     * @param minInterval the least time between two refreshes; zero allows every one
     * @throws RefreshTooSoonException when the last refresh was less than {@code minInterval} ago
     */
    public Reservation reserve(String vin, Duration minInterval) {
        Instant now = clock.instant();
        Instant[] previous = new Instant[1];
        Instant[] refusedUntil = new Instant[1];
        lastRefresh.compute(vin, (key, last) -> {
            if (last != null && !minInterval.isZero() && now.isBefore(last.plus(minInterval))) {
                refusedUntil[0] = last.plus(minInterval);
                return last;
            }
            previous[0] = last;
            return now;
        });
        if (refusedUntil[0] != null) {
            Duration wait = Duration.between(now, refusedUntil[0]);
            throw new RefreshTooSoonException("Refused a status refresh of " + vin + ": the last one was sent at "
                + refusedUntil[0].minus(minInterval) + ", and one is allowed every " + minInterval.toMinutes()
                + " min because each wakes the car's modem and drains its 12 V battery. The next is allowed at "
                + refusedUntil[0] + " (in " + Math.max(1, (wait.toSeconds() + 59) / 60) + " min). Nothing was sent; "
                + "status() reads the last reported status without waking the car.", vin, refusedUntil[0], wait);
        }
        return () -> {
            if (previous[0] == null) {
                lastRefresh.remove(vin, now);
            } else {
                lastRefresh.replace(vin, now, previous[0]);
            }
        };
    }

    /** When this vehicle was last refreshed through this client, if ever. */
    public java.util.Optional<Instant> lastRefresh(String vin) {
        return java.util.Optional.ofNullable(lastRefresh.get(vin));
    }
}
