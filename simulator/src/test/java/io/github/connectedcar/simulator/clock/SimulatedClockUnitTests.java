package io.github.connectedcar.simulator.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The simulated clock on a fake nano source: speed, freezing, advancing, resetting. */
@Tag("unit")
class SimulatedClockUnitTests {

    private static final Instant START = Instant.parse("2026-05-02T08:00:00Z");

    private final AtomicLong nanos = new AtomicLong();

    private SimulatedClock clock(double speed) {
        return new SimulatedClock(START, speed, nanos::get);
    }

    @Test
    void runsAtItsSpeedFactor() {
        SimulatedClock clock = clock(60);

        nanos.addAndGet(Duration.ofSeconds(2).toNanos());

        assertThat(clock.now()).isEqualTo(START.plusSeconds(120));
    }

    @Test
    void speedZeroFreezesTimeExceptForAdvance() {
        SimulatedClock clock = clock(0);

        nanos.addAndGet(Duration.ofHours(1).toNanos());
        clock.advance(Duration.ofMinutes(5));

        assertThat(clock.now()).isEqualTo(START.plusSeconds(300));
    }

    @Test
    void changingSpeedKeepsTheTimeAlreadyPassed() {
        SimulatedClock clock = clock(1);
        nanos.addAndGet(Duration.ofSeconds(10).toNanos());

        clock.setSpeed(10);
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());

        assertThat(clock.now()).isEqualTo(START.plusSeconds(20));
        assertThat(clock.asJavaClock().instant()).isEqualTo(START.plusSeconds(20));
    }

    @Test
    void jumpsNotifyListenersAndResetGoesBackToTheStart() {
        SimulatedClock clock = clock(1);
        AtomicInteger jumps = new AtomicInteger();
        clock.onJump(jumps::incrementAndGet);

        clock.advance(Duration.ofDays(1));
        clock.setSpeed(5);
        clock.reset();

        assertThat(jumps.get()).isEqualTo(3);
        assertThat(clock.now()).isEqualTo(START);
        assertThat(clock.speed()).isEqualTo(1);
    }

    @Test
    void refusesToGoBackOrRunAtANegativeSpeed() {
        SimulatedClock clock = clock(1);

        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.setSpeed(-2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.setSpeed(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
