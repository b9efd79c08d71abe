package io.github.connectedcar.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** The cross-process slot locks, within one process: exclusion, and a waiter given up on never keeps the slot. */
@Tag("unit")
class FileLocksUnitTests {
    private static final Duration VERIFY = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void aWaiterGivenUpOnNeverKeepsTheSlotItWasWaitingFor() throws Exception {
        FileLocks locks = FileLocks.of(dir.resolve("tokens.json"));
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        Schedulers.boundedElastic().schedule(() -> {
            try {
                locks.holdingNow(7, VERIFY, () -> {
                    held.countDown();
                    return letGo.await(10, TimeUnit.SECONDS);
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(held.await(5, TimeUnit.SECONDS)).isTrue();

        // A renewal's timeout cancels it while it waits for the slot.
        StepVerifier.create(locks.holding(7, Duration.ofSeconds(5), () -> Mono.just("never"))
                .timeout(Duration.ofMillis(200)))
            .expectError(TimeoutException.class)
            .verify(VERIFY);
        letGo.countDown();

        StepVerifier.create(locks.holding(7, Duration.ofSeconds(5), () -> Mono.just("next")))
            .expectNext("next")
            .expectComplete()
            .verify(VERIFY);
    }

    @Test
    void slotsOfOneFileAreIndependent() {
        FileLocks locks = FileLocks.of(dir.resolve("usage.json"));

        StepVerifier.create(locks.holding(1, Duration.ofSeconds(1),
                () -> locks.holding(2, Duration.ofSeconds(1), () -> Mono.just("both"))))
            .expectNext("both")
            .expectComplete()
            .verify(VERIFY);
    }
}
