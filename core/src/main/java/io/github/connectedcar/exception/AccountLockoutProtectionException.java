package io.github.connectedcar.exception;

import java.time.Instant;

/**
 * The SDK stopped calling Ford for this account after repeated authentication failures (HTTP 401 that survived a
 * token renewal, or 403): repeated failures are what gets accounts disabled. Nothing was sent. Log in again
 * ({@code beginLogin()} then {@code completeLogin(...)}, which lifts the stop at once), or wait until
 * {@link #getRetryAt()}.
 */
public class AccountLockoutProtectionException extends AuthenticationRequiredException {
    /** See {@link #getRetryAt()}. */
    private final Instant retryAt;

    /**
     * @param message what went wrong and what to do about it (never a secret)
     * @param retryAt when the SDK lets a call try again, or {@code null} when unknown
     */
    public AccountLockoutProtectionException(String message, Instant retryAt) {
        super(message);
        this.retryAt = retryAt;
    }

    /** {@return when the SDK will let one call try again (the cool-down ends); {@code null} when unknown} */
    public Instant getRetryAt() {
        return retryAt;
    }
}
