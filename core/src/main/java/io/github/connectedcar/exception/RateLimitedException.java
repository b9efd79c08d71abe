package io.github.connectedcar.exception;

import java.time.Duration;

/**
 * Ford throttled the account (HTTP 429 or 402), or the SDK's own account budget refused the call to keep the
 * account from being disabled. Wait {@link #getRetryAfter()} before calling again.
 */
public class RateLimitedException extends ConnectedCarException {
    /** See {@link #getRetryAfter()}. */
    private final Duration retryAfter;

    /**
     * @param message    what went wrong and what to do about it (never a secret)
     * @param retryAfter how long to wait, or {@code null} when nobody said
     */
    public RateLimitedException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** {@return how long to wait, or {@code null} when nobody said} */
    public Duration getRetryAfter() {
        return retryAfter;
    }
}
