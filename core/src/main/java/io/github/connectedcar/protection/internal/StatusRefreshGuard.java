package io.github.connectedcar.protection.internal;

import io.github.connectedcar.exception.RefreshTooSoonException;
import io.github.connectedcar.usage.RefreshPermit;
import io.github.connectedcar.usage.UsageStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Allows at most one status refresh per vehicle per interval, by the client's clock: each refresh wakes the car's
 * modem and drains its 12 V battery. A refresh is counted when it is about to be sent, and forgotten again when it
 * certainly never reached Ford.
 *
 * <p>The {@link UsageStore} counts, in one atomic step per refresh, so every client and process that shares the store
 * shares the allowance. A store that cannot count refuses the refresh with its error.
 */
public final class StatusRefreshGuard {
    /** How long recorded refreshes are kept, unless the interval is longer. */
    static final Duration RETENTION = Duration.ofHours(24);

    private static final Logger LOG = LoggerFactory.getLogger(StatusRefreshGuard.class);

    /** Undoes a reservation whose refresh certainly never reached Ford. */
    @FunctionalInterface
    public interface Reservation {
        /** Forgets the refresh in the store, in the background (a failure there is logged). */
        void release();
    }

    private final Clock clock;
    private final UsageStore store;
    private final String account;

    /**
     * @param store   counts the account's refreshes (shared with other clients and processes or not)
     * @param account the account name the refreshes are counted under
     */
    public StatusRefreshGuard(Clock clock, UsageStore store, String account) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.store = Objects.requireNonNull(store, "store");
        this.account = Objects.requireNonNull(account, "account");
    }

    /**
     * Counts a refresh of this vehicle now. Lazy.
     *
     * @param minInterval the least time between two refreshes; zero allows every one
     * @return the reservation, to release if the refresh certainly never reached Ford
     * @throws RefreshTooSoonException (as an error signal) when the last refresh, of this or another process, was
     *                                 less than {@code minInterval} ago
     */
    public Mono<Reservation> reserve(String vin, Duration minInterval) {
        Objects.requireNonNull(vin, "vin");
        Objects.requireNonNull(minInterval, "minInterval");
        return Mono.defer(() -> {
            Instant now = clock.instant();
            Duration keep = minInterval.compareTo(RETENTION) > 0 ? minInterval : RETENTION;
            return store.acquireStatusRefresh(account, vin, now, minInterval, now.minus(keep))
                .map(permit -> {
                    if (!permit.isGranted()) {
                        throw tooSoon(vin, minInterval, permit, now);
                    }
                    return () -> store.forgetStatusRefresh(account, vin, now).subscribe(null, error -> LOG.warn(
                        "Could not remove the unsent status refresh of {} from {}: {}", vin, store,
                        error.getMessage()));
                });
        });
    }

    private static RefreshTooSoonException tooSoon(String vin, Duration minInterval, RefreshPermit permit,
                                                   Instant now) {
        Duration wait = Duration.between(now, permit.retryAt());
        return new RefreshTooSoonException("Refused a status refresh of " + vin + ": the last one was sent at "
            + permit.lastRefresh() + ", and one is allowed every " + minInterval.toMinutes() + " min because each "
            + "wakes the car's modem and drains its 12 V battery. The next is allowed at " + permit.retryAt()
            + " (in " + Math.max(1, (wait.toSeconds() + 59) / 60) + " min). Nothing was sent; status() reads the "
            + "last reported status without waking the car.", vin, permit.retryAt(), wait);
    }
}
