package io.github.connectedcar.usage;

import java.time.Instant;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * Where an account's recent use is kept and counted, so that the request budget
 * ({@link io.github.connectedcar.protection.QuotaOptions}) and the status-refresh interval
 * ({@link io.github.connectedcar.command.CommandOptions#minStatusRefreshInterval()}) hold for everything that uses the
 * account: every client of a process, every process that shares the store, and processes started again and again (a
 * command line run by cron must not get the account disabled). It holds instants and VINs only, never tokens.
 *
 * <p>The store decides: {@link #acquireRequest} and {@link #acquireStatusRefresh} check the limits and count the
 * request in one atomic step, so that clients sharing a store together never exceed them, however they race. A store
 * shared by processes must make that step atomic across them (the file store locks the file; a server store runs it
 * as one script). An instant later than {@code now} (a clock set back since it was recorded) counts as {@code now}.
 *
 * <p>Every method is lazy (nothing happens until subscription) and must not block the subscribing thread: move file or
 * network work to a scheduler meant for it. Implementations must be thread-safe. A store that cannot be read or
 * written fails the request with a {@link UsageStoreException}: without the count, the account is not protected.
 *
 * @see InMemoryUsageStore the default: kept in this process only
 * @see FileUsageStore a JSON file that processes on one machine share
 */
public interface UsageStore {

    /**
     * The recorded use of an account. Lazy.
     *
     * @param account the account, as the token store names it
     * @return the usage; {@link RecordedUsage#none()} when nothing was recorded for the account
     * @throws UsageStoreException (as an error signal) when the store cannot be read
     */
    Mono<RecordedUsage> load(String account);

    /**
     * The account's authentication failures in a row and its lockout, read before every request by the lockout
     * guard. Lazy. The default reads the whole usage; a store where that costs more (a server) reads the lockout
     * alone.
     *
     * @param account the account, as the token store names it
     * @return the lockout; {@link AccountLockout#NONE} when nothing was recorded
     * @throws UsageStoreException (as an error signal) when the store cannot be read
     */
    default Mono<AccountLockout> lockout(String account) {
        return load(account).map(RecordedUsage::lockout);
    }

    /**
     * Counts a request about to be sent at {@code now} when it fits in the limits, in one atomic step, and forgets
     * requests that have left the window. Lazy.
     *
     * @param account the account, as the token store names it
     * @param now     when the request is about to be sent
     * @param limits  the budget
     * @return the permit: counted, or refused with the limit and when to try again
     * @throws UsageStoreException (as an error signal) when the store cannot be read or written
     */
    Mono<RequestPermit> acquireRequest(String account, Instant now, RequestLimits limits);

    /**
     * Takes back a request counted at exactly {@code at} that never left this machine (the connection was refused),
     * so it costs nothing. Lazy; completes also when there is no such entry.
     *
     * @param account the account, as the token store names it
     * @param at      the instant the request was counted at
     * @return completion once it is taken back
     * @throws UsageStoreException (as an error signal) when the store cannot be read or written
     */
    Mono<Void> releaseRequest(String account, Instant at);

    /**
     * Counts a status refresh of a vehicle at {@code now} when the vehicle's last one was at least
     * {@code minInterval} ago, in one atomic step, and forgets this account's refreshes (of any vehicle) before
     * {@code keepSince}. Lazy.
     *
     * @param account     the account, as the token store names it
     * @param vin         the vehicle
     * @param now         when the refresh is about to be sent
     * @param minInterval the shortest interval between two refreshes of the vehicle
     * @param keepSince   refreshes before this instant are forgotten
     * @return the permit: counted, or refused with when the next is allowed
     * @throws UsageStoreException (as an error signal) when the store cannot be read or written
     */
    Mono<RefreshPermit> acquireStatusRefresh(String account, String vin, Instant now, Duration minInterval,
                                             Instant keepSince);

    /**
     * Removes a status refresh counted at exactly {@code at}, because it certainly never reached Ford. Lazy;
     * completes also when there is no such entry.
     *
     * @param account the account, as the token store names it
     * @param vin     the vehicle
     * @param at      the instant the refresh was counted at
     * @return completion once it is removed
     * @throws UsageStoreException (as an error signal) when the store cannot be read or written
     */
    Mono<Void> forgetStatusRefresh(String account, String vin, Instant at);

    /**
     * Records whether a request that carried a credential was refused as unauthenticated ({@code failed}) or went
     * through: a failure adds to the account's failures in a row and, from the {@code failuresToOpen}th on, stops
     * calls until {@code coolDown} after {@code at}; a success (or a new login) clears both. Atomic, like the counts.
     * Lazy.
     *
     * @param account        the account, as the token store names it
     * @param at             when the answer came
     * @param failed         whether the request was refused as unauthenticated
     * @param failuresToOpen how many failures in a row stop the calls
     * @param coolDown       how long they stay stopped
     * @return the account's lockout after it
     * @throws UsageStoreException (as an error signal) when the store cannot be read or written
     */
    Mono<AccountLockout> recordAuthentication(String account, Instant at, boolean failed, int failuresToOpen,
                                              Duration coolDown);
}
