package io.github.connectedcar.exception;

import java.time.Duration;
import java.time.Instant;

/**
 * The SDK's own account budget refused the call, so it was not sent: Ford disables accounts that make more than a
 * few hundred calls a day. {@link #getNextAllowedAt()} says when the next call is allowed.
 */
public class QuotaExceededException extends RateLimitedException {

    /** Which budget ran out. */
    public enum Limit {
        /** The rolling daily budget (default 250 calls per 24 hours). */
        DAILY,
        /** The short-term burst limit (default 20 calls per minute). */
        BURST
    }

    /** See {@link #getLimit()}. */
    private final Limit limit;
    /** See {@link #getNextAllowedAt()}. */
    private final Instant nextAllowedAt;

    /**
     * @param message       what went wrong and what to do about it (never a secret)
     * @param limit         which budget ran out
     * @param nextAllowedAt the first instant the next call is allowed
     * @param retryAfter    how long to wait, or {@code null} when nobody said
     */
    public QuotaExceededException(String message, Limit limit, Instant nextAllowedAt, Duration retryAfter) {
        super(message, retryAfter);
        this.limit = limit;
        this.nextAllowedAt = nextAllowedAt;
    }

    /** {@return which budget ran out} */
    public Limit getLimit() {
        return limit;
    }

    /** {@return the first instant the next call is allowed} */
    public Instant getNextAllowedAt() {
        return nextAllowedAt;
    }
}
