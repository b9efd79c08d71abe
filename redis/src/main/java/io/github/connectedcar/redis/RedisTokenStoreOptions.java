package io.github.connectedcar.redis;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link RedisTokenStore} names its keys and how long it waits. Immutable; start from {@link #defaults()}.
 *
 * @param keyPrefix      put before every key, so several applications can share one Redis database
 * @param leaseLength    how long a renewal lease lasts unless its holder extends it; the holder extends it while it
 *                       renews, so this is how long the others wait when a holder dies mid-renewal
 * @param commandTimeout the longest one exchange with Redis may take, and opening the connection too, before it
 *                       fails with {@link RedisUnavailableException}
 */
public record RedisTokenStoreOptions(String keyPrefix, Duration leaseLength, Duration commandTimeout) {
    /** Keys are {@code connectedcar:tokens:{account}} and its companions. */
    public static final String DEFAULT_KEY_PREFIX = "connectedcar:";
    /** Long enough to ride out a few lost heartbeats, short enough that a dead holder delays the others little. */
    public static final Duration DEFAULT_LEASE_LENGTH = Duration.ofSeconds(10);
    /** Redis answers in well under a millisecond on a local network: two seconds without an answer is an outage. */
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(2);

    public RedisTokenStoreOptions {
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        requirePositive(leaseLength, "leaseLength");
        requirePositive(commandTimeout, "commandTimeout");
    }

    /** Every setting at its {@code DEFAULT_*} value. */
    public static RedisTokenStoreOptions defaults() {
        return new RedisTokenStoreOptions(DEFAULT_KEY_PREFIX, DEFAULT_LEASE_LENGTH, DEFAULT_COMMAND_TIMEOUT);
    }

    public RedisTokenStoreOptions withKeyPrefix(String value) {
        return new RedisTokenStoreOptions(value, leaseLength, commandTimeout);
    }

    public RedisTokenStoreOptions withLeaseLength(Duration value) {
        return new RedisTokenStoreOptions(keyPrefix, value, commandTimeout);
    }

    public RedisTokenStoreOptions withCommandTimeout(Duration value) {
        return new RedisTokenStoreOptions(keyPrefix, leaseLength, value);
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero() || value.toMillis() == 0) {
            throw new IllegalArgumentException(name + " must be at least a millisecond, not " + value);
        }
    }
}
