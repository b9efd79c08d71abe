package io.github.connectedcar.simulator;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * Proves that BlockHound (installed by blockhound-junit-platform) watches this module's tests, so the other tests
 * passing means neither the simulator nor the SDK's Netty transport blocked a non-blocking thread.
 */
@Tag("unit")
class BlockHoundActiveUnitTests {

    @Test
    void blockingOnANonBlockingThreadFails() {
        Mono<Integer> sleeper = Mono.fromCallable(() -> {
            Thread.sleep(1);
            return 1;
        }).subscribeOn(Schedulers.parallel());

        StepVerifier.create(sleeper)
            .expectError(BlockingOperationError.class)
            .verify(Duration.ofSeconds(5));
    }
}
