package io.github.connectedcar.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.test.scheduler.VirtualTimeScheduler;

@Tag("unit")
class DeadlineTimerUnitTests {

    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    private final AtomicInteger scheduled = new AtomicInteger();
    /** The virtual scheduler, counting the tasks put on it with a delay. */
    private final Scheduler counting = new CountingScheduler(time, scheduled);
    private final DeadlineTimer timer = new DeadlineTimer(() -> counting);

    @AfterEach
    void stop() {
        time.dispose();
    }

    @Test
    void emitsWhenItsTimeHasPassedNotBefore() {
        List<Long> fired = new ArrayList<>();
        timer.after(1000).subscribe(fired::add);

        time.advanceTimeBy(Duration.ofMillis(999));
        assertThat(fired).isEmpty();
        time.advanceTimeBy(Duration.ofMillis(1));
        assertThat(fired).containsExactly(0L);
    }

    @Test
    void aCancelledDeadlineNeverFiresAndTheOthersStillDo() {
        List<String> fired = new ArrayList<>();
        Disposable first = timer.after(1000).subscribe(x -> fired.add("first"));
        timer.after(2000).subscribe(x -> fired.add("second"));

        first.dispose();
        time.advanceTimeBy(Duration.ofMillis(2000));
        assertThat(fired).containsExactly("second");
    }

    @Test
    void callsWithTheSameLengthOfDeadlineShareOneScheduledTask() {
        for (int i = 0; i < 100; i++) {
            time.advanceTimeBy(Duration.ofMillis(1));
            timer.after(75_000).subscribe().dispose();
        }
        // The first call's task stays armed for every later (later-ending) deadline: one task for 100 calls.
        assertThat(scheduled).hasValue(1);
    }

    @Test
    void anEarlierDeadlineThanTheArmedOneFiresOnItsOwnTime() {
        List<String> fired = new ArrayList<>();
        timer.after(60_000).subscribe(x -> fired.add("long"));
        timer.after(100).subscribe(x -> fired.add("short"));

        time.advanceTimeBy(Duration.ofMillis(100));
        assertThat(fired).containsExactly("short");
        time.advanceTimeBy(Duration.ofMillis(59_900));
        assertThat(fired).containsExactly("short", "long");
    }

    @Test
    void deadlinesDueAtTheSameTimeAllFire() {
        AtomicInteger fired = new AtomicInteger();
        for (int i = 0; i < 5; i++) {
            timer.after(500).subscribe(x -> fired.incrementAndGet());
        }

        time.advanceTimeBy(Duration.ofMillis(500));
        assertThat(fired).hasValue(5);
    }

    /** Delegates to a scheduler and counts delayed tasks. */
    private record CountingScheduler(Scheduler delegate, AtomicInteger scheduled) implements Scheduler {
        @Override
        public Disposable schedule(Runnable task) {
            return delegate.schedule(task);
        }

        @Override
        public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
            scheduled.incrementAndGet();
            return delegate.schedule(task, delay, unit);
        }

        @Override
        public long now(TimeUnit unit) {
            return delegate.now(unit);
        }

        @Override
        public Worker createWorker() {
            return delegate.createWorker();
        }
    }
}
