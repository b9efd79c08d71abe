package io.github.connectedcar.simulator.internal.vehicle;

import java.time.Duration;
import java.time.Instant;

import tools.jackson.databind.node.ObjectNode;

import static io.github.connectedcar.simulator.internal.vehicle.MetricNames.*;

/**
 * A remotely started engine: it runs 15 minutes, a second start extends the run (to at most 30 minutes from then),
 * and it stops on its own, on cancel, or when someone drives off. Not thread-safe.
 */
final class RemoteStart {

    /** A remote start runs 15 minutes ({@code remoteStartCountdownTimer} starts at 900). */
    static final Duration RUN = Duration.ofSeconds(900);
    /** Extending a remote start never runs the engine longer than 30 minutes from now. */
    static final Duration MAX = Duration.ofSeconds(1800);

    private final Timeline timeline;
    private final ChangeTracker changes;
    private Instant endsAt;
    private long generation;
    private ObjectNode lastEvent;

    RemoteStart(Timeline timeline, ChangeTracker changes) {
        this.timeline = timeline;
        this.changes = changes;
    }

    /** Starts the engine, or extends its run, for the command with this id. */
    void begin(String commandId) {
        Instant now = timeline.now();
        Instant end = secondsLeft() > 0 ? min(endsAt.plus(RUN), now.plus(MAX)) : now.plus(RUN);
        endsAt = end;
        long started = ++generation;
        changes.touch(REMOTE_START_COUNTDOWN_TIMER, IGNITION_STATUS);
        lastEvent = RemoteStartEvents.began(now, commandId, secondsLeft());
        changes.eventOccurred(EVENT_REMOTE_START);
        timeline.at(end, () -> {
            if (started == generation) {
                end();
            }
        });
    }

    /** Stops the engine if it runs remotely. */
    void end() {
        if (endsAt != null) {
            endsAt = null;
            generation++;
            changes.touch(REMOTE_START_COUNTDOWN_TIMER);
        }
    }

    /** Seconds left of the run, 0 when the engine is not remotely running. */
    long secondsLeft() {
        if (endsAt == null || !endsAt.isAfter(timeline.now())) {
            return 0;
        }
        return Duration.between(timeline.now(), endsAt).toSeconds();
    }

    /** The {@code remoteStartEvent} of the latest start, or null before the first. */
    ObjectNode lastEvent() {
        return lastEvent;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
