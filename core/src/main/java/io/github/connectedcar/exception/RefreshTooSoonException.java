package io.github.connectedcar.exception;

import java.time.Duration;
import java.time.Instant;

/**
 * A status refresh was refused by the SDK, not by Ford: the car was asked to refresh too recently. Each refresh
 * wakes the car's modem and drains its 12 V battery, so the SDK allows one per vehicle per
 * {@code CommandOptions.minStatusRefreshInterval()} (default 15 minutes). Nothing was sent.
 */
public class RefreshTooSoonException extends RateLimitedException {
    /** See {@link #getVin()}. */
    private final String vin;
    /** See {@link #getNextAllowedAt()}. */
    private final Instant nextAllowedAt;

    /**
     * @param message       what went wrong and what to do about it (never a secret)
     * @param vin           the car
     * @param nextAllowedAt the first instant the next call is allowed
     * @param retryAfter    how long to wait, or {@code null} when nobody said
     */
    public RefreshTooSoonException(String message, String vin, Instant nextAllowedAt, Duration retryAfter) {
        super(message, retryAfter);
        this.vin = vin;
        this.nextAllowedAt = nextAllowedAt;
    }

    /** {@return the car} */
    public String getVin() {
        return vin;
    }

    /** {@return the first instant a refresh of this car is allowed again} */
    public Instant getNextAllowedAt() {
        return nextAllowedAt;
    }
}
