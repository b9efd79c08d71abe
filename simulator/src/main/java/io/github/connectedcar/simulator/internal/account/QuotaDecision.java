package io.github.connectedcar.simulator.internal.account;

/**
 * What the quota says about one request.
 *
 * @param outcome           allowed, throttled or refused
 * @param retryAfterSeconds for {@link Outcome#RATE_LIMITED}: the {@code Retry-After} to send
 */
public record QuotaDecision(Outcome outcome, long retryAfterSeconds) {

    /** The three possible outcomes. */
    public enum Outcome {
        ALLOWED,
        /** Over the quota: 429. */
        RATE_LIMITED,
        /** The account is disabled: 403. */
        DISABLED
    }

    static final QuotaDecision ALLOWED = new QuotaDecision(Outcome.ALLOWED, 0);
    static final QuotaDecision DISABLED = new QuotaDecision(Outcome.DISABLED, 0);

    static QuotaDecision rateLimited(long retryAfterSeconds) {
        return new QuotaDecision(Outcome.RATE_LIMITED, retryAfterSeconds);
    }
}
