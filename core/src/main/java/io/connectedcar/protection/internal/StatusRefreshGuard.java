package io.connectedcar.protection.internal;

import io.connectedcar.exception.RefreshTooSoonException;
import io.connectedcar.usage.InMemoryUsageStore;
import io.connectedcar.usage.RecordedUsage;
import io.connectedcar.usage.UsageStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Allows at most one status refresh per vehicle per interval, by the client's clock: each refresh wakes the car's
 * modem and drains its 12 V battery. A refresh is counted when it is about to be sent, and forgotten again when it
 * certainly never reached Ford. Thread-safe.
 *
 * <p>Refreshes are recorded in a {@link UsageStore} (default in memory), read once, lazily, at the first reservation,
 * so that refreshes sent by earlier processes count too. A reservation waits for its refresh to be written; a failed
 * read or write is logged as a warning on the {@code io.connectedcar.usage} logger and never refuses or holds back a
 * refresh. After a failed read this guard counts its own refreshes only and writes nothing.
 */
public final class StatusRefreshGuard {
    /** How long recorded refreshes are kept, unless the interval is longer. */
    static final Duration RETENTION = Duration.ofHours(24);

    private static final Logger USAGE_LOG = LoggerFactory.getLogger(UsageStore.class.getPackageName());

    /** Undoes a reservation whose refresh certainly never reached Ford. */
    @FunctionalInterface
    public interface Reservation {
        /** Forgets the refresh here at once, and in the store in the background (a failure there is logged). */
        void release();
    }

    private final Clock clock;
    private final UsageStore store;
    private final String account;
    private final ConcurrentHashMap<String, Instant> lastRefresh = new ConcurrentHashMap<>();
    private final Mono<Void> loaded;
    /** False after the store could not be read: nothing is written then. */
    private volatile boolean recording = true;

    /** A guard whose refreshes are kept in memory only. */
    public StatusRefreshGuard(Clock clock) {
        this(clock, new InMemoryUsageStore(), "default");
    }

    /** A guard that also counts the refreshes recorded in {@code store} for {@code account}. Reads nothing yet. */
    public StatusRefreshGuard(Clock clock, UsageStore store, String account) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.store = Objects.requireNonNull(store, "store");
        this.account = Objects.requireNonNull(account, "account");
        this.loaded = Mono.defer(() -> store.load(account))
            .doOnNext(this::absorb)
            .then()
            .onErrorResume(error -> {
                recording = false;
                USAGE_LOG.warn("Could not read the recorded status refreshes of account '{}' from {}: {} Only this "
                    + "client's refreshes are counted, and none are recorded.", account, store, error.getMessage());
                return Mono.empty();
            })
            .cache();
    }

    /** Takes the latest recorded refresh of each car; one recorded in the future counts as sent now. */
    private void absorb(RecordedUsage usage) {
        Instant now = clock.instant();
        for (String vin : usage.statusRefreshes().keySet()) {
            usage.lastStatusRefresh(vin).ifPresent(at -> lastRefresh.merge(vin, at.isAfter(now) ? now : at,
                (mine, recorded) -> mine.isAfter(recorded) ? mine : recorded));
        }
    }

    /**
     * Counts a refresh of this vehicle now. Lazy: the first subscription reads the store; each successful one
     * records the refresh and emits once it is written (or writing failed, which is logged).
     *
     * @param minInterval the least time between two refreshes; zero allows every one
     * @return the reservation, to release if the refresh certainly never reached Ford
     * @throws RefreshTooSoonException (as an error signal) when the last refresh, of this or an earlier process, was
     *                                 less than {@code minInterval} ago
     */
    public Mono<Reservation> reserve(String vin, Duration minInterval) {
        Objects.requireNonNull(vin, "vin");
        Objects.requireNonNull(minInterval, "minInterval");
        return loaded.then(Mono.defer(() -> {
            Instant now = clock.instant();
            Reservation reservation = reserveNow(vin, minInterval, now);
            if (!recording) {
                return Mono.just(reservation);
            }
            Duration keep = minInterval.compareTo(RETENTION) > 0 ? minInterval : RETENTION;
            return store.recordStatusRefresh(account, vin, now, now.minus(keep))
                .onErrorResume(error -> {
                    USAGE_LOG.warn("Could not record the status refresh of {} in {}: {} It is sent all the same; a "
                        + "later process may not count it.", vin, store, error.getMessage());
                    return Mono.empty();
                })
                .thenReturn(reservation);
        }));
    }

    private Reservation reserveNow(String vin, Duration minInterval, Instant now) {
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
            if (recording) {
                store.forgetStatusRefresh(account, vin, now).subscribe(null, error -> USAGE_LOG.warn(
                    "Could not remove the unsent status refresh of {} from {}: {}", vin, store, error.getMessage()));
            }
        };
    }

    /** When this vehicle was last refreshed, as far as this guard knows, if ever. */
    public Optional<Instant> lastRefresh(String vin) {
        return Optional.ofNullable(lastRefresh.get(vin));
    }
}
