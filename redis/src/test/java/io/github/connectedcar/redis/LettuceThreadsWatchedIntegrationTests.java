package io.github.connectedcar.redis;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.blockhound.BlockingOperationError;
import reactor.test.StepVerifier;

/**
 * Proves that BlockHound watches Lettuce's event loops, where the store's answers arrive and its callers' code goes
 * on: the other tests passing means nothing there blocked.
 */
@Tag("integration")
class LettuceThreadsWatchedIntegrationTests {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final RedisTokenStore store = RedisTokenStore.connect(REDIS.uri());

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void blockingWhereAnAnswerArrivesFails() {
        StepVerifier.create(store.read("alice").map(stored -> {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return stored;
            }))
            .expectError(BlockingOperationError.class)
            .verify(Duration.ofSeconds(10));
    }
}
