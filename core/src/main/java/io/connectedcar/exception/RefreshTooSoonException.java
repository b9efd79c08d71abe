package io.connectedcar.exception;

import java.time.Duration;
import java.time.Instant;

/**
 * A status refresh was refused by the SDK, not by Ford: the car was asked to refresh too recently. Each refresh
 * wakes the car's modem and drains its 12 V battery, so the SDK allows one per vehicle per
 * {@code CommandOptions.minStatusRefreshInterval()} (default 15 minutes). Nothing was sent.
 */
public class RefreshTooSoonException extends RateLimitedException {
    private final String vin;
    private final Instant nextAllowedAt;

    public RefreshTooSoonException(String message, String vin, Instant nextAllowedAt, Duration retryAfter) {
        super(message, retryAfter);
        this.vin = vin;
        this.nextAllowedAt = nextAllowedAt;
    }

    public String getVin() {
        return vin;
    }

    /** The first instant a refresh of this car is allowed again. */
    public Instant getNextAllowedAt() {
        return nextAllowedAt;
    }
}
