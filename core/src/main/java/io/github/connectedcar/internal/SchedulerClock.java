package io.github.connectedcar.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import reactor.core.scheduler.Schedulers;

/**
 * The time as Reactor's parallel scheduler tells it. In production that is the system clock; under
 * {@code StepVerifier.withVirtualTime} it is virtual time, so token expiry, backoff and polling all move together
 * in tests. Read on every call, never cached.
 */
public final class SchedulerClock extends Clock {
    public static final SchedulerClock UTC = new SchedulerClock(ZoneOffset.UTC);

    private final ZoneId zone;

    private SchedulerClock(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new SchedulerClock(newZone);
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(Schedulers.parallel().now(TimeUnit.MILLISECONDS));
    }

    @Override
    public String toString() {
        return "SchedulerClock[" + zone + "]";
    }
}
