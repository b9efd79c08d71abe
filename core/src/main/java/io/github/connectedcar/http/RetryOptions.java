package io.github.connectedcar.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How reads are retried after a dropped connection, a timeout, a 5xx or a 429. Commands are never re-sent once
 * they may have reached the server. Immutable; every default is a named constant.
 *
 * @param maxRetries    retries after the first attempt
 * @param baseDelay     the first backoff; doubled per retry
 * @param maxDelay      the longest backoff
 * @param jitter        the random share (0 to 1) added to or taken from each backoff, so clients spread out
 * @param maxRetryAfter the longest {@code Retry-After} the SDK waits out by itself; a longer one ends the retries
 */
public record RetryOptions(int maxRetries, Duration baseDelay, Duration maxDelay, double jitter,
                           Duration maxRetryAfter) {

    /** Three retries: four attempts in all. */
    public static final int DEFAULT_MAX_RETRIES = 3;
    /** The first backoff. */
    public static final Duration DEFAULT_BASE_DELAY = Duration.ofSeconds(1);
    /** The longest backoff. */
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(30);
    /** Each backoff 20 % longer or shorter at random. */
    public static final double DEFAULT_JITTER = 0.2;
    /** Ford's own default Retry-After is 62 s; wait that out, but not an hour-long throttle. */
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(90);

    /**
     * Checks the values.
     *
     * @param maxRetries    retries after the first attempt
     * @param baseDelay     the first backoff; doubled per retry
     * @param maxDelay      the longest backoff
     * @param jitter        the random share (0 to 1) added to or taken from each backoff, so clients spread out
     * @param maxRetryAfter the longest {@code Retry-After} the SDK waits out by itself; a longer one ends the retries
     * @throws IllegalArgumentException when a value is out of its range
     */
    public RetryOptions {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be 0 or more, was " + maxRetries);
        }
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("Need 0 <= baseDelay <= maxDelay, was " + baseDelay + ", " + maxDelay);
        }
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter);
        }
    }

    /** {@return the defaults: the {@code DEFAULT_...} constants} */
    public static RetryOptions defaults() {
        return new RetryOptions(DEFAULT_MAX_RETRIES, DEFAULT_BASE_DELAY, DEFAULT_MAX_DELAY, DEFAULT_JITTER,
            DEFAULT_MAX_RETRY_AFTER);
    }

    /** {@return no retries at all} */
    public static RetryOptions none() {
        return defaults().withMaxRetries(0);
    }

    /**
     * A copy with another {@code maxRetries}.
     *
     * @param value retries after the first attempt
     * @return the copy; this one is unchanged
     * @throws IllegalArgumentException when the value is out of its range
     */
    public RetryOptions withMaxRetries(int value) {
        return new RetryOptions(value, baseDelay, maxDelay, jitter, maxRetryAfter);
    }

    /**
     * A copy with other backoffs.
     *
     * @param base the first backoff; doubled per retry
     * @param max  the longest backoff
     * @return the copy; this one is unchanged
     * @throws IllegalArgumentException unless 0 &lt;= base &lt;= max
     */
    public RetryOptions withDelays(Duration base, Duration max) {
        return new RetryOptions(maxRetries, base, max, jitter, maxRetryAfter);
    }

    /**
     * A copy with another {@code jitter}.
     *
     * @param value the random share (0 to 1) added to or taken from each backoff, so clients spread out
     * @return the copy; this one is unchanged
     * @throws IllegalArgumentException when the value is out of its range
     */
    public RetryOptions withJitter(double value) {
        return new RetryOptions(maxRetries, baseDelay, maxDelay, value, maxRetryAfter);
    }

    /**
     * A copy with another {@code maxRetryAfter}.
     *
     * @param value the longest {@code Retry-After} the SDK waits out by itself; a longer one ends the retries
     * @return the copy; this one is unchanged
     * @throws IllegalArgumentException when the value is out of its range
     */
    public RetryOptions withMaxRetryAfter(Duration value) {
        return new RetryOptions(maxRetries, baseDelay, maxDelay, jitter, value);
    }
}
