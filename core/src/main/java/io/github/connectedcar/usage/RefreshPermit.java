package io.github.connectedcar.usage;

import java.time.Instant;

/**
 * A store's answer to {@link UsageStore#acquireStatusRefresh}: the refresh was counted, or when the car was last
 * refreshed and when the next refresh is allowed.
 *
 * @param lastRefresh the car's last counted refresh before this one, or {@code null}
 * @param retryAt     when a refused refresh would be allowed, or {@code null} when it was counted
 */
public record RefreshPermit(Instant lastRefresh, Instant retryAt) {

    /** {@return whether the refresh was counted and may be sent} */
    public boolean isGranted() {
        return retryAt == null;
    }
}
