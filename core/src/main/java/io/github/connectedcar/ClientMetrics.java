package io.github.connectedcar;

import io.github.connectedcar.protection.LockoutOptions;
import io.github.connectedcar.protection.LockoutState;
import io.github.connectedcar.protection.QuotaOptions;
import io.github.connectedcar.protection.internal.LockoutPolicy;
import io.github.connectedcar.protection.internal.QuotaPolicy;
import io.github.connectedcar.status.internal.StatusMetrics;
import io.github.resilience4j.retry.Retry;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
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
 * @param requestsSent     requests this client sent to Ford (each attempt, token calls and websocket upgrades too;
 *                         not one that certainly never left)
 * @param commandOutcomes  how the commands of this client ended, per command type
 * @param statusStreams    the status streams of this client
 */
public record ClientMetrics(Quota quota, Lockout lockout, long catRefreshes, long tmcExchanges, long commandsSent,
                            long commandsFollowed, long commandChecks, RetryCounts readRetries,
                            RetryCounts writeRetries, long requestsSent, List<CommandOutcome> commandOutcomes,
                            StatusStreamCounts statusStreams) {

    public ClientMetrics {
        commandOutcomes = List.copyOf(commandOutcomes);
    }

    static ClientMetrics of(ClientContext context) {
        var commands = context.commands().engine().metrics();
        var tokens = context.auth().tokens();
        List<CommandOutcome> outcomes = commands.outcomes().entrySet().stream()
            .map(entry -> new CommandOutcome(entry.getKey().commandType(), entry.getKey().result(), entry.getValue()))
            .sorted(Comparator.comparing(CommandOutcome::commandType).thenComparing(CommandOutcome::result))
            .toList();
        return new ClientMetrics(Quota.of(context.budget()), Lockout.of(context.lockout()), tokens.catRefreshCount(),
            tokens.tmcExchangeCount(), commands.commandsSent(), commands.commandsFollowed(), commands.checks(),
            RetryCounts.of(context.retry().reads()), RetryCounts.of(context.retry().writes()),
            context.budget().requestsSent(), outcomes, StatusStreamCounts.of(context.statusStreams().metrics()));
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
     * How many commands of one type ended one way.
     *
     * @param commandType Ford's command type, such as {@code remoteStart}
     * @param result      the final state ({@code SUCCEEDED}, {@code FAILED}, {@code EXPIRED}, {@code TIMED_OUT}),
     *                    {@code REFUSED} (Ford refused it or it never left: nothing was done) or
     *                    {@code OUTCOME_UNKNOWN} (it may have reached Ford; its fate is unknown)
     * @param count       how many
     */
    public record CommandOutcome(String commandType, String result, long count) {
    }

    /**
     * The status streams of this client.
     *
     * @param open            streams with at least one subscriber (a websocket or a poll each)
     * @param pushesDelivered pushed changes handed to subscribers
     * @param totalPushLag    from the time Ford stamped each push to its hand-over, added up
     * @param maxPushLag      the longest such lag
     */
    public record StatusStreamCounts(long open, long pushesDelivered, Duration totalPushLag, Duration maxPushLag) {

        static StatusStreamCounts of(StatusMetrics metrics) {
            return new StatusStreamCounts(metrics.openStreams(), metrics.pushesDelivered(), metrics.totalPushLag(),
                metrics.maxPushLag());
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
