package io.github.connectedcar.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.scheduler.VirtualTimeScheduler;

/** The virtual scheduler is in place before the test instance is built, and gone when the test ends. */
@Tag("unit")
@ExtendWith(VirtualTimeExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VirtualTimeExtensionUnitTests {
    /** The scheduler of the test that ran before, to tell whether it was reset. */
    private static VirtualTimeScheduler previousTest;

    /** What a client being built takes its clock from. */
    private final Scheduler clockWhenBuilt = Schedulers.parallel();
    private final VirtualTimeScheduler time;

    VirtualTimeExtensionUnitTests(VirtualTimeScheduler time) {
        this.time = time;
    }

    @AfterEach
    void remember() {
        previousTest = time;
    }

    @AfterAll
    static void noVirtualSchedulerOutlivesTheTests() {
        assertThat(VirtualTimeScheduler.isFactoryEnabled()).isFalse();
    }

    @Test
    @Order(1)
    void whatTheTestInstanceBuildsRunsOnVirtualTime() {
        time.advanceTimeBy(Duration.ofHours(3));

        assertThat(clockWhenBuilt.now(TimeUnit.HOURS)).isEqualTo(3);
    }

    @Test
    @Order(2)
    void constructorAndTestGetTheSameScheduler(VirtualTimeScheduler inTest) {
        assertThat(inTest).isSameAs(time).isSameAs(VirtualTimeScheduler.get());
    }

    @Test
    @Order(3)
    void eachTestGetsAFreshSchedulerBecauseTheLastOneWasReset() {
        assertThat(previousTest).isNotNull();
        assertThat(time).as("getOrSet() would have returned the last one had it stayed installed")
            .isNotSameAs(previousTest);
        assertThat(time.now(TimeUnit.MILLISECONDS)).isZero();
    }
}
