package io.github.connectedcar.simulator.command;

import java.time.Duration;
import java.util.Objects;

/**
 * When a command's progress shows in telemetry, counted in simulated time from the POST (docs/ford-api.md §5.2: typical
 * completion 5–60 s, a status refresh minutes).
 *
 * @param queued                  {@code REQUEST_QUEUED} appears
 * @param receivedByDevice        {@code RECEIVED_BY_DEVICE} appears (a sleeping car never gets here)
 * @param completed               the final state ({@code SUCCESS} or {@code COMMAND_FAILED_ON_DEVICE})
 * @param statusRefreshReceived   {@code RECEIVED_BY_DEVICE} of a status refresh
 * @param statusRefreshCompleted  the final state of a status refresh
 * @param expiry                  an undelivered command turns {@code EXPIRED}
 */
public record CommandTimings(Duration queued, Duration receivedByDevice, Duration completed,
                             Duration statusRefreshReceived, Duration statusRefreshCompleted, Duration expiry) {

    public CommandTimings {
        Objects.requireNonNull(queued, "queued");
        Objects.requireNonNull(receivedByDevice, "receivedByDevice");
        Objects.requireNonNull(completed, "completed");
        Objects.requireNonNull(statusRefreshReceived, "statusRefreshReceived");
        Objects.requireNonNull(statusRefreshCompleted, "statusRefreshCompleted");
        Objects.requireNonNull(expiry, "expiry");
        if (queued.compareTo(receivedByDevice) > 0 || receivedByDevice.compareTo(completed) > 0
            || queued.compareTo(statusRefreshReceived) > 0
            || statusRefreshReceived.compareTo(statusRefreshCompleted) > 0
            || completed.compareTo(expiry) > 0 || statusRefreshCompleted.compareTo(expiry) > 0) {
            throw new IllegalArgumentException("Command timings must be in order: queued <= received <= completed "
                + "<= expiry");
        }
    }

    /** 2 s queued, 5 s received, 10 s done; status refresh received at 20 s and done at 60 s; expiry at 90 s. */
    public static CommandTimings defaults() {
        return new CommandTimings(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(20), Duration.ofSeconds(60), Duration.ofSeconds(90));
    }
}
