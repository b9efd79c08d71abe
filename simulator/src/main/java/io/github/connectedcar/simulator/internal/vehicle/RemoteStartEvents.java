package io.github.connectedcar.simulator.internal.vehicle;

import java.time.Instant;

import io.github.connectedcar.simulator.internal.http.Json;
import tools.jackson.databind.node.ObjectNode;

/** Builds the {@code events.remoteStartEvent} entry Ford sends when a remote start begins. */
final class RemoteStartEvents {

    private RemoteStartEvents() {
    }

    static ObjectNode began(Instant at, String commandId, long secondsLeft) {
        String time = Json.seconds(at);
        ObjectNode event = Json.object().put("updateTime", time);
        ObjectNode status = event.putObject("conditions").putObject("remoteStartBegan")
            .putObject("remoteStartDeviceStatus");
        status.put("updateTime", time).put("value", "RUNNING");
        event.putObject("metrics").putObject(MetricNames.REMOTE_START_COUNTDOWN_TIMER)
            .put("updateTime", time).put("value", (double) secondsLeft);
        event.put("commandId", commandId);
        return event;
    }
}
