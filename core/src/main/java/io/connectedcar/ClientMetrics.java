package io.connectedcar;

import io.github.resilience4j.retry.Retry;

/**
 * A snapshot of one client's counters, taken by {@link ConnectedCarAsyncClient#metrics()}. Immutable.
 *
 * @param commandsSent     commands Ford accepted
 * @param commandsFollowed commands whose following ended (final state, timeout, error or cancel)
 * @param commandChecks    telemetry calls made to follow commands
 * @param readRetries      Resilience4j's counts of reads and their retries
 * @param writeRetries     Resilience4j's counts of non-idempotent requests (commands) and their retries, which
 *                         happen only when a request certainly never left
 */
public record ClientMetrics(long commandsSent, long commandsFollowed, long commandChecks, RetryCounts readRetries,
                            RetryCounts writeRetries) {

    /** Telemetry checks per followed command; zero before any command was followed. */
    public double checksPerCommand() {
        return commandsFollowed == 0 ? 0 : (double) commandChecks / commandsFollowed;
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

        static RetryCounts of(Retry retry) {
            Retry.Metrics metrics = retry.getMetrics();
            return new RetryCounts(metrics.getNumberOfSuccessfulCallsWithoutRetryAttempt(),
                metrics.getNumberOfSuccessfulCallsWithRetryAttempt(), metrics.getNumberOfFailedCallsWithoutRetryAttempt(),
                metrics.getNumberOfFailedCallsWithRetryAttempt());
        }
    }
}
