package io.github.connectedcar.simulator.internal.account;

import java.time.Duration;

/**
 * The numbers an account's quota is counted against: the public {@code QuotaPolicy} (which validates them) as this
 * layer sees it.
 *
 * @param requestsPerWindow      requests allowed per window; beyond that the answer is 429
 * @param window                 length of the counting window, starting at the first request
 * @param retryAfter             the {@code Retry-After} a 429 carries (capped at the window's end)
 * @param disableAfterRejections how many rejected requests disable the account
 */
public record QuotaLimits(int requestsPerWindow, Duration window, Duration retryAfter, int disableAfterRejections) {
}
