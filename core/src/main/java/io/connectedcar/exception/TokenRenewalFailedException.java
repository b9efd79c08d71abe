package io.connectedcar.exception;

import java.time.Instant;

/**
 * Renewing a credential failed a moment ago for a passing reason (Ford unreachable or failing), the current one has
 * run out, and the SDK waits until {@link #getRetryAt()} before asking Ford again, so that an outage costs the
 * account a bounded number of calls. The cause is the renewal's own error. Call again after that instant.
 */
public class TokenRenewalFailedException extends ConnectedCarException {
    private final Instant retryAt;

    public TokenRenewalFailedException(String message, Instant retryAt, Throwable cause) {
        super(message, cause);
        this.retryAt = retryAt;
    }

    /** When the SDK asks Ford again. */
    public Instant getRetryAt() {
        return retryAt;
    }
}
