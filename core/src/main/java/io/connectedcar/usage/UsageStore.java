package io.connectedcar.usage;

import java.time.Instant;
import java.util.Collection;
import reactor.core.publisher.Mono;

/**
 * Where an account's recent use is kept, so that the request budget ({@link io.connectedcar.protection.QuotaOptions}) and the
 * status-refresh interval ({@link io.connectedcar.command.CommandOptions#minStatusRefreshInterval()}) also count what
 * earlier processes sent: a command line started 400 times a day by cron must not get the account disabled. It holds
 * instants and VINs only, never tokens.
 *
 * <p>Every method is lazy (nothing happens until subscription) and must not block the subscribing thread: move file or
 * network work to a scheduler meant for it. A client loads the usage once, on its first request or refresh; what other
 * processes record after that is not seen by it. Implementations must be thread-safe.
 *
 * @see InMemoryUsageStore the default: kept in this process only
 * @see FileUsageStore a JSON file that survives restarts
 */
public interface UsageStore {

    /**
     * The recorded use of an account. Lazy.
     *
     * @return the usage; {@link RecordedUsage#none()} when nothing was recorded for the account
     * @throws UsageStoreException (as an error signal) when the store cannot be read; the client then counts only its
     *                             own use and logs a warning
     */
    Mono<RecordedUsage> load(String account);

    /**
     * Adds requests sent to Ford and forgets this account's requests sent before {@code keepSince}. Lazy.
     *
     * @param sentAt    when each request was sent
     * @param keepSince requests before this instant are dropped (the start of the rolling window)
     * @throws UsageStoreException (as an error signal) when the store cannot be read or written; the request goes
     *                             ahead and a warning is logged
     */
    Mono<Void> recordRequests(String account, Collection<Instant> sentAt, Instant keepSince);

    /**
     * Adds a status refresh of a vehicle and forgets this account's refreshes (of any vehicle) before
     * {@code keepSince}. Lazy.
     *
     * @throws UsageStoreException (as an error signal) when the store cannot be read or written; the refresh goes
     *                             ahead and a warning is logged
     */
    Mono<Void> recordStatusRefresh(String account, String vin, Instant at, Instant keepSince);

    /**
     * Removes a status refresh recorded at exactly {@code at}, because it certainly never reached Ford. Lazy;
     * completes also when there is no such entry.
     *
     * @throws UsageStoreException (as an error signal) when the store cannot be read or written
     */
    Mono<Void> forgetStatusRefresh(String account, String vin, Instant at);
}
