package io.connectedcar.protection.internal;

import io.connectedcar.internal.CoalescingWriter;
import io.connectedcar.usage.RecordedUsage;
import io.connectedcar.usage.UsageStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * One account's use as kept in its {@link UsageStore}, shared by a client's request budget ({@link QuotaPolicy}) and
 * status-refresh guard ({@link StatusRefreshGuard}): the store is read once between them, lazily, at the first request
 * or refresh (never in the constructor), and both record through here. Use recorded by other processes after that read
 * is not seen. Thread-safe.
 *
 * <p>A failed read or write is logged as a warning on the {@code io.connectedcar.usage} logger and never fails or holds
 * back a request. After a failed read nothing is recorded, so a broken file is left as it is, and the budget and the
 * guard count this client's own use only.
 */
public final class UsageLedger {
    private static final Logger USAGE_LOG = LoggerFactory.getLogger(UsageStore.class.getPackageName());

    private final UsageStore store;
    private final String account;
    /** The store's usage, read at the first subscription and kept. */
    private final Mono<RecordedUsage> recorded;
    private final CoalescingWriter<Instant> requests;
    /** False after the store could not be read: nothing is written then. */
    private volatile boolean recording = true;

    /**
     * Reads nothing yet.
     *
     * @param store         where the use is recorded and, at the first request or refresh, read from
     * @param account       the account name the use is recorded under
     * @param requestWindow the budget's rolling window: older requests are dropped from the store on each write
     */
    public UsageLedger(UsageStore store, String account, Clock clock, Duration requestWindow) {
        this.store = Objects.requireNonNull(store, "store");
        this.account = Objects.requireNonNull(account, "account");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(requestWindow, "requestWindow");
        this.recorded = Mono.defer(() -> store.load(account))
            .defaultIfEmpty(RecordedUsage.none())
            .onErrorResume(error -> {
                recording = false;
                USAGE_LOG.warn("Could not read the recorded requests and status refreshes of account '{}' from {}: "
                    + "{} The request budget and the refresh interval count only this client's use, and nothing is "
                    + "recorded.", account, store, error.getMessage());
                return Mono.just(RecordedUsage.none());
            })
            .cache();
        this.requests = new CoalescingWriter<>(
            batch -> store.recordRequests(account, batch, clock.instant().minus(requestWindow)),
            error -> USAGE_LOG.warn("Could not record requests of account '{}' in {}: {} They were sent all the "
                + "same; a later process may not count them.", account, store, error.getMessage()));
    }

    /**
     * The use the store held at the first subscription, read then and kept for every later one;
     * {@link RecordedUsage#none()} when it could not be read (logged). Never fails.
     */
    public Mono<RecordedUsage> recorded() {
        return recorded;
    }

    /**
     * Records a request sent at {@code sentAt}; requests arriving while a write runs share the next one. Lazy;
     * completes (never fails) when its write has finished or failed (logged), at once when nothing is recorded.
     */
    public Mono<Void> recordRequest(Instant sentAt) {
        Objects.requireNonNull(sentAt, "sentAt");
        return Mono.defer(() -> recording ? requests.add(sentAt) : Mono.empty());
    }

    /**
     * Records a status refresh of a vehicle, dropping the account's refreshes before {@code keepSince}. Lazy;
     * completes (never fails) when written or when writing failed (logged), at once when nothing is recorded.
     */
    public Mono<Void> recordStatusRefresh(String vin, Instant at, Instant keepSince) {
        Objects.requireNonNull(vin, "vin");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(keepSince, "keepSince");
        return Mono.defer(() -> !recording ? Mono.empty() : store.recordStatusRefresh(account, vin, at, keepSince)
            .onErrorResume(error -> {
                USAGE_LOG.warn("Could not record the status refresh of {} in {}: {} It is sent all the same; a "
                    + "later process may not count it.", vin, store, error.getMessage());
                return Mono.empty();
            }));
    }

    /** Forgets a status refresh recorded at exactly {@code at}, in the background (a failure is logged). */
    public void forgetStatusRefresh(String vin, Instant at) {
        Objects.requireNonNull(vin, "vin");
        Objects.requireNonNull(at, "at");
        if (recording) {
            store.forgetStatusRefresh(account, vin, at).subscribe(null, error -> USAGE_LOG.warn(
                "Could not remove the unsent status refresh of {} from {}: {}", vin, store, error.getMessage()));
        }
    }
}
