package io.github.connectedcar.http.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The timers of the calls' deadlines, with one scheduled wake-up for all of them instead of one per call.
 *
 * <p>{@code Mono.timeout(Duration)} schedules a task on Reactor's parallel scheduler for every call and cancels it
 * when the call ends; as each new task is the earliest in the scheduler's queue, every call wakes the scheduler's
 * thread, a thread switch that costs a fast local call about half its time. Here the deadlines of the calls in flight
 * are kept in order, and only the earliest has a task on the scheduler: a call whose deadline is later than one
 * already waiting (the usual case, every call of a kind having the same length) schedules nothing, and a call that
 * ends just leaves the list. When the task runs it ends the calls that are due and schedules itself for the next.
 * Times are those of {@link Schedulers#parallel()}, asked at each use, so virtual time in tests applies.
 */
final class DeadlineTimer {
    /** A deadline in flight: when (milliseconds of the scheduler), and a sequence number to tell equal times apart. */
    private record Key(long due, long sequence) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byDue = Long.compare(due, other.due);
            return byDue != 0 ? byDue : Long.compare(sequence, other.sequence);
        }
    }

    /** The one task on the scheduler: when it runs, and on which scheduler. */
    private record WakeUp(long due, Scheduler scheduler, Disposable task) {
    }

    private final Supplier<Scheduler> scheduler;
    private final ConcurrentSkipListMap<Key, Runnable> pending = new ConcurrentSkipListMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicReference<WakeUp> wakeUp = new AtomicReference<>();

    DeadlineTimer() {
        this(Schedulers::parallel);
    }

    /** @param scheduler the scheduler to wait on, asked at each use */
    DeadlineTimer(Supplier<Scheduler> scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * A {@code Mono} that emits {@code 0} once the given time has passed from its subscription, for
     * {@code Mono.timeout(Publisher)}; cancelling it drops the deadline.
     */
    Mono<Long> after(long millis) {
        return Mono.create(sink -> {
            Key key = new Key(scheduler.get().now(TimeUnit.MILLISECONDS) + millis, sequence.incrementAndGet());
            pending.put(key, () -> sink.success(0L));
            sink.onDispose(() -> pending.remove(key));
            arm();
        });
    }

    /** Makes sure a task will run no later than the earliest deadline in flight. */
    private void arm() {
        while (true) {
            Map.Entry<Key, Runnable> earliest = pending.firstEntry();
            if (earliest == null) {
                return;
            }
            Scheduler now = scheduler.get();
            WakeUp current = wakeUp.get();
            if (current != null && current.scheduler() == now && current.due() <= earliest.getKey().due()) {
                return;
            }
            long due = earliest.getKey().due();
            long delay = Math.max(0, due - now.now(TimeUnit.MILLISECONDS));
            WakeUp next = new WakeUp(due, now, Disposables.swap());
            if (wakeUp.compareAndSet(current, next)) {
                ((Disposable.Swap) next.task()).update(now.schedule(() -> fire(next), delay, TimeUnit.MILLISECONDS));
                if (current != null) {
                    current.task().dispose();
                }
                return;
            }
        }
    }

    /** Ends the calls that are due, then waits for the next deadline. */
    private void fire(WakeUp ran) {
        wakeUp.compareAndSet(ran, null);
        long now = ran.scheduler().now(TimeUnit.MILLISECONDS);
        Map.Entry<Key, Runnable> earliest;
        while ((earliest = pending.firstEntry()) != null && earliest.getKey().due() <= now) {
            if (pending.remove(earliest.getKey()) != null) {
                earliest.getValue().run();
            }
        }
        arm();
    }
}
