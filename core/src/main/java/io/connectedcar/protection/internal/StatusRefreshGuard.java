package io.connectedcar.protection.internal;

import io.connectedcar.exception.RefreshTooSoonException;
import io.connectedcar.usage.RecordedUsage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * Allows at most one status refresh per vehicle per interval, by the client's clock: each refresh wakes the car's
 * modem and drains its 12 V battery. A refresh is counted when it is about to be sent, and forgotten again when it
 * certainly never reached Ford. Thread-safe.
 *
 * <p>Refreshes are recorded in the account's {@link UsageLedger}, which the request budget shares; its recorded
 * refreshes count from the first reservation on, so that refreshes sent by earlier processes count too. A reservation
 * waits for its refresh to be written; a failed read or write is logged by the ledger and never refuses or holds back
 * a refresh. After a failed read this guard counts its own refreshes only.
 */
public final class StatusRefreshGuard {
    /** How long recorded refreshes are kept, unless the interval is longer. */
    static final Duration RETENTION = Duration.ofHours(24);

    /** Undoes a reservation whose refresh certainly never reached Ford. */
    @FunctionalInterface
    public interface Reservation {
        /** Forgets the refresh here at once, and in the store in the background (a failure there is logged). */
        void release();
    }

    private final Clock clock;
    private final UsageLedger ledger;
    private final ConcurrentHashMap<String, Instant> lastRefresh = new ConcurrentHashMap<>();
    /** Takes in the ledger's recorded refreshes, once, at the first reservation. */
    private final Mono<Void> loaded;

    /** A guard that also counts the refreshes recorded in the ledger. Reads nothing yet. */
    public StatusRefreshGuard(Clock clock, UsageLedger ledger) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.loaded = ledger.recorded().doOnNext(this::absorb).then().cache();
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
     * Counts a refresh of this vehicle now. Lazy: the first subscription takes in the ledger's recorded refreshes
     * (the ledger reads the store unless the budget had it read already); each successful one records the refresh
     * and emits once it is written (or writing failed, which is logged).
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
            Duration keep = minInterval.compareTo(RETENTION) > 0 ? minInterval : RETENTION;
            return ledger.recordStatusRefresh(vin, now, now.minus(keep)).thenReturn(reservation);
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
            ledger.forgetStatusRefresh(vin, now);
        };
    }

    /** When this vehicle was last refreshed, as far as this guard knows, if ever. */
    public Optional<Instant> lastRefresh(String vin) {
        return Optional.ofNullable(lastRefresh.get(vin));
    }
}
