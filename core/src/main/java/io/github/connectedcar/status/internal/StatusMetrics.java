package io.github.connectedcar.status.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of one client's status streams: how many are open, and how late pushed changes reach subscribers (from the
 * {@code updateTime} Ford stamped on the push to the moment the merged status is handed on).
 */
public final class StatusMetrics {
    private final AtomicLong open = new AtomicLong();
    private final AtomicLong pushes = new AtomicLong();
    private final AtomicLong totalLagNanos = new AtomicLong();
    private final AtomicLong maxLagNanos = new AtomicLong();

    void opened() {
        open.incrementAndGet();
    }

    void closed() {
        open.decrementAndGet();
    }

    /** A pushed change stamped {@code stampedAt} by Ford reached the subscribers at {@code deliveredAt}. */
    void pushDelivered(Instant stampedAt, Instant deliveredAt) {
        // A server clock ahead of ours would give a negative lag: it counts as none.
        long nanos = Math.max(0, Duration.between(stampedAt, deliveredAt).toNanos());
        pushes.incrementAndGet();
        totalLagNanos.addAndGet(nanos);
        maxLagNanos.accumulateAndGet(nanos, Math::max);
    }

    /** Status streams with at least one subscriber (one websocket or poll each). */
    public long openStreams() {
        return open.get();
    }

    /** Pushed changes handed to subscribers. */
    public long pushesDelivered() {
        return pushes.get();
    }

    /** The lag of all pushes handed on, added up. */
    public Duration totalPushLag() {
        return Duration.ofNanos(totalLagNanos.get());
    }

    /** The longest lag of a push handed on. */
    public Duration maxPushLag() {
        return Duration.ofNanos(maxLagNanos.get());
    }
}
