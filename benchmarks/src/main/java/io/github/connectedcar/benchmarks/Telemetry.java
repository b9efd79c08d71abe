package io.github.connectedcar.benchmarks;

import io.github.connectedcar.ford.internal.TelemetryMapper;
import io.github.connectedcar.internal.Json;
import io.github.connectedcar.model.VehicleStatus;
import io.github.connectedcar.testing.FixtureFiles;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The SDK's telemetry entry points, called from this one place: when the way a body becomes a {@link VehicleStatus}
 * changes, only this class follows. The bodies are the core tests' real telemetry of an F-150 (ICE) and a Mustang
 * Mach-E (EV).
 */
final class Telemetry {
    /** A telemetry body of an ICE car (F-150). */
    static final byte[] ICE = FixtureFiles.text(FixtureFiles.F150).getBytes(StandardCharsets.UTF_8);
    /** A telemetry body of an EV (Mustang Mach-E). */
    static final byte[] EV = FixtureFiles.text(FixtureFiles.MACH_E).getBytes(StandardCharsets.UTF_8);

    private Telemetry() {
    }

    /** The body of a car kind: {@code ice} or {@code ev}. */
    static byte[] body(String kind) {
        return switch (kind) {
            case "ice" -> ICE;
            case "ev" -> EV;
            default -> throw new IllegalArgumentException("No telemetry body of kind " + kind + "; ice or ev");
        };
    }

    /** A telemetry body as the SDK reads it: straight from the bytes into a status. */
    static VehicleStatus status(byte[] body) {
        return TelemetryMapper.parse(body);
    }

    /** A websocket update merged into the last status, as a status stream does with each frame. */
    static VehicleStatus merge(VehicleStatus snapshot, JsonNode update) {
        return TelemetryMapper.merge(snapshot, update);
    }

    /** The body without the fixture's indentation: compact, as Ford sends it. */
    static byte[] compact(byte[] body) {
        return Json.MAPPER.writeValueAsBytes(Json.MAPPER.readTree(body));
    }

    /** A parsed body. */
    static JsonNode tree(byte[] body) {
        return Json.MAPPER.readTree(body);
    }

    /**
     * A websocket frame's {@code _data} as Autonomic pushes it when a few values change: a new update time and the
     * snapshot's first {@code count} metrics, taken as they are.
     */
    static JsonNode update(JsonNode snapshot, int count) {
        ObjectNode update = Json.object();
        update.put("updateTime", "2026-11-30T05:00:00Z");
        ObjectNode metrics = update.putObject("metrics");
        JsonNode all = snapshot.path("metrics");
        all.propertyNames().stream().limit(count).forEach(name -> metrics.set(name, all.get(name).deepCopy()));
        return update;
    }
}
