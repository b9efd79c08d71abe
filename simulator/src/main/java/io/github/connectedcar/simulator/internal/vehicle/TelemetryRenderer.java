package io.github.connectedcar.simulator.internal.vehicle;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.connectedcar.simulator.internal.command.CommandRecord;
import io.github.connectedcar.simulator.internal.command.CommandState;
import io.github.connectedcar.simulator.internal.http.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static io.github.connectedcar.simulator.internal.vehicle.MetricNames.*;

/**
 * Renders a vehicle's state as Autonomic telemetry (docs/ford-api.md §4.2): the full document of the REST call, a chosen
 * subset for {@code :query}, and the partial {@code _data} of a websocket push. {@link MetricRenderer} renders each
 * metric; the states (command preclusion, connectivity, command progress) are rendered here.
 */
public final class TelemetryRenderer {

    private TelemetryRenderer() {
    }

    /** The full telemetry document of {@code GET /v1/telemetry/sources/fordpass/vehicles/{vin}}. */
    public static ObjectNode full(SimulatedVehicle v) {
        return document(v, MetricRenderer.metricNames(v));
    }

    /** The document of {@code :query}: only the named metrics (unknown names are left out), all states. */
    public static ObjectNode query(SimulatedVehicle v, Collection<String> includeMetrics) {
        return document(v, MetricRenderer.metricNames(v).stream().filter(includeMetrics::contains).toList());
    }

    /** The body of a websocket {@code _data} frame: what changed, plus the vehicle's current {@code updateTime}. */
    public static ObjectNode partial(SimulatedVehicle v, ChangeSet changes) {
        ObjectNode data = Json.object();
        if (!changes.metrics().isEmpty()) {
            ObjectNode metrics = data.putObject("metrics");
            for (String name : MetricRenderer.metricNames(v)) {
                if (changes.metrics().contains(name)) {
                    metrics.set(name, MetricRenderer.metric(v, name));
                }
            }
        }
        if (!changes.states().isEmpty()) {
            ObjectNode states = data.putObject("states");
            for (String key : changes.states()) {
                JsonNode state = state(v, key);
                if (state != null) {
                    states.set(key, state);
                }
            }
        }
        if (!changes.events().isEmpty()) {
            ObjectNode events = data.putObject("events");
            if (changes.events().contains(EVENT_REMOTE_START) && v.remoteStart().lastEvent() != null) {
                events.set(EVENT_REMOTE_START, v.remoteStart().lastEvent().deepCopy());
            }
        }
        data.put("updateTime", Json.seconds(v.now()));
        return data;
    }

    private static ObjectNode document(SimulatedVehicle v, List<String> names) {
        ObjectNode doc = Json.object();
        Instant latest = v.changes().latestReport();
        doc.put("updateTime", Json.seconds(latest));
        doc.put("vehicleId", v.vehicleId());
        doc.put("vin", v.vin());
        ObjectNode metrics = doc.putObject("metrics");
        for (String name : names) {
            metrics.set(name, MetricRenderer.metric(v, name));
        }
        ObjectNode events = doc.putObject("events");
        if (v.remoteStart().lastEvent() != null) {
            events.set(EVENT_REMOTE_START, v.remoteStart().lastEvent().deepCopy());
        }
        ObjectNode states = doc.putObject("states");
        states.set(STATE_COMMAND_PRECLUSION, state(v, STATE_COMMAND_PRECLUSION));
        states.set(STATE_DEVICE_CONNECTIVITY, state(v, STATE_DEVICE_CONNECTIVITY));
        for (Map.Entry<String, CommandRecord> e : v.commands().latestByStateKey().entrySet()) {
            states.set(e.getKey(), commandState(v, e.getValue()));
        }
        return doc;
    }

    // ---------------------------------------------------------------- states

    private static JsonNode state(SimulatedVehicle v, String key) {
        return switch (key) {
            case STATE_COMMAND_PRECLUSION -> {
                ObjectNode s = stateBase(v.body().preclusionChangedAt());
                ObjectNode value = s.putObject("value");
                value.put("toState", v.body().deepSleep() ? "COMMANDS_PRECLUDED" : "COMMANDS_PERMITTED");
                value.putObject("data").putObject("commandPreclusionCauses")
                    .put("deepSleepCommandPreclusionState",
                        v.body().deepSleep() ? "COMMANDS_PRECLUDED_BY_DEEP_SLEEP" : "COMMANDS_PERMITTED");
                yield s;
            }
            case STATE_DEVICE_CONNECTIVITY -> {
                ObjectNode s = stateBase(v.body().preclusionChangedAt());
                s.putObject("value").put("toState", v.body().deepSleep() ? "DISCONNECTED" : "CONNECTED");
                yield s;
            }
            default -> {
                CommandRecord c = v.commands().latestByStateKey().get(key);
                yield c == null ? null : commandState(v, c);
            }
        };
    }

    private static ObjectNode stateBase(Instant time) {
        return Json.object().put("timestamp", Json.millis(time)).put("updateTime", Json.millis(time));
    }

    /**
     * A command's entry under {@code states}: {@code commandId}, {@code value.fromState/toState}, the failure reason
     * under {@code value.data.commandError.commandExecutionFailure}, fresh metrics on success.
     */
    private static ObjectNode commandState(SimulatedVehicle v, CommandRecord c) {
        ObjectNode s = stateBase(c.stateTime());
        s.put("commandId", c.id());
        ObjectNode value = s.putObject("value");
        if (c.fromState() != null) {
            value.put("fromState", c.fromState().name());
        }
        value.put("toState", c.state().name());
        ObjectNode failure = value.putObject("data").putObject("commandError").putObject("commandExecutionFailure");
        if (c.state() == CommandState.COMMAND_FAILED_ON_DEVICE) {
            failure.put("oemErrorCode", c.oemErrorCode()).put("oemErrorContext", c.oemErrorContext());
        }
        if (c.state() == CommandState.SUCCESS && !c.reportedMetrics().isEmpty()) {
            ObjectNode metrics = value.putObject("metrics");
            Set<String> available = Set.copyOf(MetricRenderer.metricNames(v));
            for (String name : c.reportedMetrics()) {
                if (available.contains(name)) {
                    metrics.set(name, MetricRenderer.metric(v, name));
                }
            }
        }
        s.put("message", c.message());
        return s;
    }
}
