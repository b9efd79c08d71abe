package io.github.connectedcar;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the blocking facade. Immutable; every default is a named constant.
 *
 * @param blockTimeout how long a blocking read waits for its answer
 */
public record ClientOptions(Duration blockTimeout) {
    /** Long enough for a read retried a few times with backoff. */
    public static final Duration DEFAULT_BLOCK_TIMEOUT = Duration.ofSeconds(90);

    public ClientOptions {
        Objects.requireNonNull(blockTimeout, "blockTimeout");
        if (blockTimeout.isNegative() || blockTimeout.isZero()) {
            throw new IllegalArgumentException("blockTimeout must be positive, was " + blockTimeout);
        }
    }

    public static ClientOptions defaults() {
        return new ClientOptions(DEFAULT_BLOCK_TIMEOUT);
    }
}
