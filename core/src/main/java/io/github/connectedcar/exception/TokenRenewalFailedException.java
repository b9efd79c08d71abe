package io.github.connectedcar.exception;

import java.time.Instant;

/**
 * Renewing a credential failed a moment ago for a passing reason (Ford unreachable or failing), the current one has
 * run out, and the SDK waits until {@link #getRetryAt()} before asking Ford again, so that an outage costs the
 * account a bounded number of calls. The cause is the renewal's own error. Call again after that instant.
 */
public class TokenRenewalFailedException extends ConnectedCarException {
    /** See {@link #getRetryAt()}. */
    private final Instant retryAt;

    /**
     * @param message what went wrong and what to do about it (never a secret)
     * @param retryAt when the SDK lets a call try again, or {@code null} when unknown
     * @param cause   the error behind this one, or {@code null}
     */
    public TokenRenewalFailedException(String message, Instant retryAt, Throwable cause) {
        super(message, cause);
        this.retryAt = retryAt;
    }

    /** {@return when the SDK asks Ford again} */
    public Instant getRetryAt() {
        return retryAt;
    }
}
