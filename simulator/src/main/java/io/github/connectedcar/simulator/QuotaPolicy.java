package io.github.connectedcar.simulator;

import java.time.Duration;
import java.util.Objects;

import io.github.connectedcar.simulator.internal.account.QuotaLimits;

/**
 * How many requests an account may make before Ford throttles it, and how much throttled hammering gets it disabled
 * (docs/ford-api.md §7: support staff named about 250–300 requests a day; accounts that kept going were disabled).
 * Measured in simulated time.
 *
 * @param requestsPerWindow       requests allowed per window; beyond that the answer is 429
 * @param window                  length of the counting window, starting at the first request
 * @param retryAfter              the {@code Retry-After} a 429 carries (capped at the window's end)
 * @param disableAfterRejections  how many rejected requests (429s, and calls with an expired token) disable the
 *                                account: from then on everything answers 403 until the account is re-enabled
 */
public record QuotaPolicy(int requestsPerWindow, Duration window, Duration retryAfter, int disableAfterRejections) {

    /** Requests allowed per day by default: generous, so well-behaved clients never notice. */
    public static final int DEFAULT_REQUESTS_PER_WINDOW = 1000;
    /** Default window: one day. */
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(1);
    /** Default Retry-After: 62 s, what one Ford API sends. */
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(62);
    /** Default number of rejected requests before the account is disabled. */
    public static final int DEFAULT_DISABLE_AFTER_REJECTIONS = 100;

    public QuotaPolicy {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (requestsPerWindow < 1 || disableAfterRejections < 1) {
            throw new IllegalArgumentException("requestsPerWindow and disableAfterRejections must be >= 1");
        }
        if (window.isNegative() || window.isZero() || retryAfter.isNegative()) {
            throw new IllegalArgumentException("window must be positive and retryAfter not negative");
        }
    }

    /** The defaults. */
    public static QuotaPolicy defaults() {
        return new QuotaPolicy(DEFAULT_REQUESTS_PER_WINDOW, DEFAULT_WINDOW, DEFAULT_RETRY_AFTER,
            DEFAULT_DISABLE_AFTER_REJECTIONS);
    }

    /** The defaults with another number of requests per window. */
    public static QuotaPolicy perWindow(int requests, Duration window) {
        return new QuotaPolicy(requests, window, DEFAULT_RETRY_AFTER, DEFAULT_DISABLE_AFTER_REJECTIONS);
    }

    public QuotaPolicy withDisableAfterRejections(int rejections) {
        return new QuotaPolicy(requestsPerWindow, window, retryAfter, rejections);
    }

    public QuotaPolicy withRetryAfter(Duration newRetryAfter) {
        return new QuotaPolicy(requestsPerWindow, window, newRetryAfter, disableAfterRejections);
    }

    /** The policy as the account layer counts against it. */
    QuotaLimits limits() {
        return new QuotaLimits(requestsPerWindow, window, retryAfter, disableAfterRejections);
    }
}
