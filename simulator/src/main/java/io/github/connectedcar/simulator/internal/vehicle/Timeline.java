package io.github.connectedcar.simulator.internal.vehicle;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * One car's simulated time: the instant it has been played up to, and the agenda of everything that will happen,
 * ordered by simulated time. Actions due at the same instant run in the order they were scheduled. Not thread-safe.
 */
final class Timeline {

    /** An action due at a simulated instant; ties keep scheduling order. */
    private record Scheduled(Instant at, long sequence, Runnable action) implements Comparable<Scheduled> {
        @Override
        public int compareTo(Scheduled other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    private final PriorityQueue<Scheduled> agenda = new PriorityQueue<>();
    private Instant now;
    private long sequence;

    Timeline(Instant start) {
        this.now = start;
    }

    /** The simulated instant the car has been played up to. */
    Instant now() {
        return now;
    }

    /** Schedules an action; one due in the past runs at the next play. */
    void at(Instant at, Runnable action) {
        agenda.add(new Scheduled(at.isBefore(now) ? now : at, sequence++, action));
    }

    void after(Duration delay, Runnable action) {
        at(now.plus(delay), action);
    }

    /**
     * Plays every scheduled action due up to {@code target}, in time order, running {@code afterEachAction} after
     * each one, then moves to {@code target}.
     */
    void playUntil(Instant target, Runnable afterEachAction) {
        while (!agenda.isEmpty() && !agenda.peek().at().isAfter(target)) {
            Scheduled next = agenda.poll();
            if (next.at().isAfter(now)) {
                now = next.at();
            }
            next.action().run();
            afterEachAction.run();
        }
        if (target.isAfter(now)) {
            now = target;
        }
    }
}
