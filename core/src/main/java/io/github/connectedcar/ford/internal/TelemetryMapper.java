package io.github.connectedcar.ford.internal;

import io.github.connectedcar.exception.DecodeException;
import io.github.connectedcar.model.VehicleStatus;
import tools.jackson.databind.JsonNode;

/**
 * Turns Autonomic telemetry bodies into {@link VehicleStatus} and folds websocket updates into a snapshot
 * (docs/ford-api.md §4.2, §6). Pure functions: nothing here mutates its arguments or keeps state. Public so that the
 * benchmarks can measure exactly what a status read and a push cost.
 */
public final class TelemetryMapper {
    /** The operation named in decode errors. */
    private static final String OPERATION = "telemetry";

    private TelemetryMapper() {
    }

    /**
     * The status of a telemetry body's bytes, read straight into the compact form a status keeps (no tree of the
     * whole body is built). Odd values inside the body never fail here, they make their getters empty.
     *
     * @throws DecodeException with operation {@code telemetry} when the body is not one JSON object
     */
    public static VehicleStatus parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new DecodeException(OPERATION, "The telemetry answer had an empty body where a JSON object was expected",
                null);
        }
        try {
            return VehicleStatus.parse(body);
        } catch (IllegalArgumentException notTelemetry) {
            throw new DecodeException(OPERATION, "The telemetry answer cannot be read: " + notTelemetry.getMessage(),
                notTelemetry);
        }
    }

    /**
     * The status of a telemetry body already parsed (or a merged snapshot). Odd values inside it never fail here.
     *
     * @throws DecodeException with operation {@code telemetry} when the body is null or not a JSON object
     */
    public static VehicleStatus toStatus(JsonNode telemetry) {
        if (telemetry == null || !telemetry.isObject()) {
            throw new DecodeException(OPERATION, "Telemetry is not a JSON object but "
                + (telemetry == null ? "nothing" : telemetry.getNodeType()), null);
        }
        return VehicleStatus.of(telemetry);
    }

    /**
     * The snapshot with a websocket {@code _data} update merged in, sharing every entry the update does not name
     * (the rules: {@link VehicleStatus#withUpdate(JsonNode)}). An update that is null or not an object changes nothing.
     */
    public static VehicleStatus merge(VehicleStatus snapshot, JsonNode update) {
        return snapshot.withUpdate(update);
    }

    /** Whether a {@code _data} update is a heartbeat: it holds {@code updateTime} and nothing else. */
    public static boolean isHeartbeat(JsonNode update) {
        return update != null && update.size() == 1 && update.has("updateTime");
    }
}
