package io.github.connectedcar.protection;

import java.time.Duration;
import java.util.Objects;

/**
 * The account's request budget, which the SDK enforces itself because Ford disables accounts that make more than a
 * few hundred calls a day (docs/ford-api.md §7). Every request of one client counts: reads, command checks, commands and
 * token calls, each attempt of a retry included. Immutable; every default is a named constant.
 *
 * @param dailyLimit  requests allowed in any rolling {@code window}
 * @param window      the rolling window of {@code dailyLimit} (24 hours), by the client's clock
 * @param burstLimit  requests allowed per {@code burstPeriod} (Resilience4j rate limiter)
 * @param burstPeriod the period of {@code burstLimit}
 * @param maxWait     how long a request may wait for budget before it fails with
 *                    {@link io.github.connectedcar.exception.QuotaExceededException}; zero fails at once
 */
public record QuotaOptions(int dailyLimit, Duration window, int burstLimit, Duration burstPeriod, Duration maxWait) {

    /** Ford's support staff named about 250-300 requests per account per day; accounts above that were disabled. */
    public static final int DEFAULT_DAILY_LIMIT = 250;
    /** The daily budget counts the last 24 hours. */
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(24);
    /** Enough for a command and its checks plus a few reads; stops a runaway loop within a minute. */
    public static final int DEFAULT_BURST_LIMIT = 20;
    /** The burst limit counts the last minute. */
    public static final Duration DEFAULT_BURST_PERIOD = Duration.ofMinutes(1);
    /** Short waits are absorbed; anything longer fails at once with the time the next call is allowed. */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(5);

    /**
     * Checks the options.
     *
     * @param dailyLimit  the most requests per {@code window}
     * @param window      the rolling window of the daily budget
     * @param burstLimit  the most requests per {@code burstPeriod}
     * @param burstPeriod the rolling window of the burst limit
     * @param maxWait     how long a call may wait for budget before it fails
     * @throws IllegalArgumentException when a limit is below 1, a window under 1 ms or {@code maxWait} negative
     */
    public QuotaOptions {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(burstPeriod, "burstPeriod");
        Objects.requireNonNull(maxWait, "maxWait");
        if (dailyLimit < 1 || burstLimit < 1) {
            throw new IllegalArgumentException("Limits must be at least 1, were daily " + dailyLimit + ", burst "
                + burstLimit);
        }
        if (window.toMillis() < 1 || burstPeriod.toMillis() < 1) {
            throw new IllegalArgumentException("window and burstPeriod must be at least 1 ms, were " + window + ", "
                + burstPeriod);
        }
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must not be negative, was " + maxWait);
        }
    }

    /** {@return the {@code DEFAULT_...} constants: 250 a day, 20 a minute} */
    public static QuotaOptions defaults() {
        return new QuotaOptions(DEFAULT_DAILY_LIMIT, DEFAULT_WINDOW, DEFAULT_BURST_LIMIT, DEFAULT_BURST_PERIOD,
            DEFAULT_MAX_WAIT);
    }

    /** {@return no budget at all: for tests and simulators, never for a real account} */
    public static QuotaOptions unlimited() {
        return new QuotaOptions(Integer.MAX_VALUE, DEFAULT_WINDOW, Integer.MAX_VALUE, DEFAULT_BURST_PERIOD,
            Duration.ZERO);
    }

    /** {@return whether this is {@link #unlimited()}: no request is counted} */
    public boolean isUnlimited() {
        return dailyLimit == Integer.MAX_VALUE && burstLimit == Integer.MAX_VALUE;
    }

    /**
     * A copy with another daily limit.
     *
     * @param value the new daily limit
     * @return the copy; this one is unchanged
     * @throws IllegalArgumentException when the value breaks the rules of the record
     */
    public QuotaOptions withDailyLimit(int value) {
        return new QuotaOptions(value, window, burstLimit, burstPeriod, maxWait);
    }

    /**
     * A copy with another window of the daily budget.
     *
     * @param value the new window of the daily budget
     * @return the copy; this one is unchanged
     * @throws IllegalArgumentException when the value breaks the rules of the record
     */
    public QuotaOptions withWindow(Duration value) {
        return new QuotaOptions(dailyLimit, value, burstLimit, burstPeriod, maxWait);
    }

    /**
     * A copy with another burst limit.
     *
     * @param limit  the most requests per {@code period}
     * @param period the rolling window of the burst limit
     * @return the copy; this one is unchanged
     * @throws IllegalArgumentException when {@code limit} is below 1 or {@code period} under 1 ms
     */
    public QuotaOptions withBurst(int limit, Duration period) {
        return new QuotaOptions(dailyLimit, window, limit, period, maxWait);
    }

    /**
     * A copy with another longest wait for budget.
     *
     * @param value the new longest wait for budget
     * @return the copy; this one is unchanged
     * @throws IllegalArgumentException when the value breaks the rules of the record
     */
    public QuotaOptions withMaxWait(Duration value) {
        return new QuotaOptions(dailyLimit, window, burstLimit, burstPeriod, value);
    }
}
