package io.connectedcar;

import io.connectedcar.protection.LockoutOptions;
import io.connectedcar.protection.LockoutState;
import io.connectedcar.protection.QuotaOptions;
import io.connectedcar.protection.internal.LockoutPolicy;
import io.connectedcar.protection.internal.QuotaPolicy;
import io.github.resilience4j.retry.Retry;
import java.time.Instant;
import java.util.Optional;

/**
 * A snapshot of one client's counters, taken by {@link ConnectedCarAsyncClient#metrics()}. Immutable.
 *
 * @param quota            the account's request budget
 * @param lockout          the lockout guard
 * @param catRefreshes     times this client renewed Ford's CAT with the refresh token
 * @param tmcExchanges     TMC tokens this client obtained from Autonomic
 * @param commandsSent     commands Ford accepted
 * @param commandsFollowed commands whose following ended (final state, timeout, error or cancel)
 * @param commandChecks    telemetry calls made to follow commands
 * @param readRetries      Resilience4j's counts of reads and their retries
 * @param writeRetries     Resilience4j's counts of non-idempotent requests (commands) and their retries, which
 *                         happen only when a request certainly never left
 */
public record ClientMetrics(Quota quota, Lockout lockout, long catRefreshes, long tmcExchanges, long commandsSent,
                            long commandsFollowed, long commandChecks, RetryCounts readRetries,
                            RetryCounts writeRetries) {

    static ClientMetrics of(ClientContext context) {
        var commands = context.commands().engine().metrics();
        var tokens = context.auth().tokens();
        return new ClientMetrics(Quota.of(context.budget()), Lockout.of(context.lockout()), tokens.catRefreshCount(),
            tokens.tmcExchangeCount(), commands.commandsSent(), commands.commandsFollowed(), commands.checks(),
            RetryCounts.of(context.retry().reads()), RetryCounts.of(context.retry().writes()));
    }

    /** Telemetry checks per followed command; zero before any command was followed. */
    public double checksPerCommand() {
        return commandsFollowed == 0 ? 0 : (double) commandChecks / commandsFollowed;
    }

    /**
     * The account's request budget ({@link QuotaOptions}), as the usage store counted it at this client's last
     * request: the requests of every client and process that shares the store.
     *
     * @param dailyLimit            requests allowed per rolling window ({@link Integer#MAX_VALUE} when unlimited)
     * @param usedInWindow          requests counted in the current window
     * @param remaining             requests left in the current window
     * @param nextSlotFreesAt       when the oldest counted request leaves the window; empty when none is counted
     * @param burstPermitsAvailable requests left in the current burst period
     */
    public record Quota(int dailyLimit, int usedInWindow, int remaining, Optional<Instant> nextSlotFreesAt,
                        int burstPermitsAvailable) {

        static Quota of(QuotaPolicy policy) {
            QuotaPolicy.Budget budget = policy.budget();
            return new Quota(budget.dailyLimit(), budget.usedInWindow(), budget.remaining(),
                budget.nextSlotFreesAt(), budget.burstPermitsAvailable());
        }
    }

    /**
     * The lockout guard ({@link LockoutOptions}), as the usage store held it at this client's last request.
     *
     * @param state          closed (calls flow), open (calls stopped), half-open (the next call is a trial) or
     *                       disabled
     * @param recentFailures authentication failures in a row
     * @param retryAt        when an open guard lets trial calls through; empty unless open
     */
    public record Lockout(LockoutState state, int recentFailures, Optional<Instant> retryAt) {

        static Lockout of(LockoutPolicy policy) {
            return new Lockout(policy.state(), policy.recentFailures(), Optional.ofNullable(policy.retryAt()));
        }
    }

    /**
     * Resilience4j's counts of one kind of request.
     *
     * @param succeededWithoutRetry calls that succeeded at the first attempt
     * @param succeededWithRetry    calls that succeeded after retrying
     * @param failedWithoutRetry    calls that failed without a retry (the failure was not retryable)
     * @param failedWithRetry       calls that failed after all their retries
     */
    public record RetryCounts(long succeededWithoutRetry, long succeededWithRetry, long failedWithoutRetry,
                              long failedWithRetry) {

        /** Every call counted, however it ended. */
        public long total() {
            return succeededWithoutRetry + succeededWithRetry + failedWithoutRetry + failedWithRetry;
        }

        static RetryCounts of(Retry retry) {
            Retry.Metrics metrics = retry.getMetrics();
            return new RetryCounts(metrics.getNumberOfSuccessfulCallsWithoutRetryAttempt(),
                metrics.getNumberOfSuccessfulCallsWithRetryAttempt(), metrics.getNumberOfFailedCallsWithoutRetryAttempt(),
                metrics.getNumberOfFailedCallsWithRetryAttempt());
        }
    }
}
