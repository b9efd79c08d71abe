package io.github.connectedcar.redis;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link RedisUsageStore} names its keys and how long it waits. Immutable; start from {@link #defaults()}.
 *
 * @param keyPrefix      put before every key, so several applications can share one Redis database
 * @param commandTimeout the longest one exchange with Redis may take, and opening the connection too, before it
 *                       fails with {@link RedisUsageUnavailableException}
 */
public record RedisUsageStoreOptions(String keyPrefix, Duration commandTimeout) {
    /** Keys are {@code connectedcar:usage:{account}:requests} and its companions, as the token store's. */
    public static final String DEFAULT_KEY_PREFIX = RedisTokenStoreOptions.DEFAULT_KEY_PREFIX;
    /** As the token store's: two seconds without an answer is an outage. */
    public static final Duration DEFAULT_COMMAND_TIMEOUT = RedisTokenStoreOptions.DEFAULT_COMMAND_TIMEOUT;

    public RedisUsageStoreOptions {
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        if (commandTimeout.toMillis() <= 0) {
            throw new IllegalArgumentException("commandTimeout must be at least a millisecond, not " + commandTimeout);
        }
    }

    /** Every setting at its {@code DEFAULT_*} value. */
    public static RedisUsageStoreOptions defaults() {
        return new RedisUsageStoreOptions(DEFAULT_KEY_PREFIX, DEFAULT_COMMAND_TIMEOUT);
    }

    /** The key prefix and command timeout of a token store's options, so both stores of an application agree. */
    public static RedisUsageStoreOptions like(RedisTokenStoreOptions tokenStoreOptions) {
        return new RedisUsageStoreOptions(tokenStoreOptions.keyPrefix(), tokenStoreOptions.commandTimeout());
    }

    public RedisUsageStoreOptions withKeyPrefix(String value) {
        return new RedisUsageStoreOptions(value, commandTimeout);
    }

    public RedisUsageStoreOptions withCommandTimeout(Duration value) {
        return new RedisUsageStoreOptions(keyPrefix, value);
    }
}
