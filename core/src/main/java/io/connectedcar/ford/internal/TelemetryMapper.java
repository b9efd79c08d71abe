package io.connectedcar.ford.internal;

import java.util.Map;
import java.util.Set;

import io.connectedcar.exception.DecodeException;
import io.connectedcar.model.VehicleStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns Autonomic telemetry bodies into {@link VehicleStatus} and folds websocket updates into a snapshot. Pure
 * functions: nothing here mutates its arguments or keeps state.
 */
public final class TelemetryMapper {
    /**
     * The sections of a telemetry body merged key by key, each with the containers inside it that are merged one
     * level deeper. {@code states.commands} is where some answers nest command states (docs/ford-api.md §5.2).
     */
    private static final Map<String, Set<String>> MERGED_SECTIONS = Map.of(
        "metrics", Set.of("customMetrics", "configurations"),
        "events", Set.of("customEvents"),
        "states", Set.of("commands"));

    private TelemetryMapper() {
    }

    /**
     * The status of a telemetry body ({@code GET …/telemetry/sources/fordpass/vehicles/{vin}}, or a merged snapshot).
     * The body is copied; odd values inside it never fail here, they make their getters empty.
     *
     * @throws DecodeException with operation {@code telemetry} when the body is null or not a JSON object
     */
    public static VehicleStatus toStatus(JsonNode telemetry) {
        if (telemetry == null || !telemetry.isObject()) {
            throw new DecodeException("telemetry", "Telemetry is not a JSON object but "
                + (telemetry == null ? "nothing" : telemetry.getNodeType()), null);
        }
        return VehicleStatus.of(telemetry);
    }

    /**
     * A new snapshot: {@code snapshot} with a websocket {@code _data} update merged in (docs/ford-api.md §6). Neither argument is
     * changed, and the result shares no node with them.
     *
     * <ul>
     *   <li>{@code metrics}, {@code events} and {@code states}: each key of the update replaces the snapshot's key of
     *       the same name; keys the update does not name are kept.</li>
     *   <li>{@code metrics.customMetrics}, {@code metrics.configurations}, {@code events.customEvents} and
     *       {@code states.commands}: merged the same way one level deeper.</li>
     *   <li>any other top-level key ({@code updateTime}, {@code vin}, {@code messages}…) replaces the snapshot's.
     *       </li>
     * </ul>
     * A section or container of the update that is not an object (such as {@code "metrics": null}) is ignored. A
     * {@code snapshot} that is null or not an object counts as an empty one; an {@code update} that is null or not an
     * object changes nothing. An update holding only {@code updateTime} (a heartbeat) only moves the time.
     *
     * @param snapshot the last full snapshot (a telemetry body, or an earlier result of this method)
     * @param update   the object under a websocket frame's {@code _data} key
     * @return a new telemetry body, ready for {@link #toStatus(JsonNode)}
     */
    public static JsonNode merge(JsonNode snapshot, JsonNode update) {
        ObjectNode merged = snapshot != null && snapshot.isObject() ? (ObjectNode) snapshot.deepCopy()
            : JsonNodeFactory.instance.objectNode();
        if (update == null || !update.isObject()) {
            return merged;
        }
        for (Map.Entry<String, JsonNode> property : update.properties()) {
            String key = property.getKey();
            JsonNode value = property.getValue();
            Set<String> deeper = MERGED_SECTIONS.get(key);
            if (deeper == null) {
                merged.set(key, value.deepCopy());
            } else if (value.isObject()) {
                mergeSection(childObject(merged, key), value, deeper);
            }
        }
        return merged;
    }

    private static void mergeSection(ObjectNode target, JsonNode update, Set<String> deeper) {
        for (Map.Entry<String, JsonNode> property : update.properties()) {
            String key = property.getKey();
            JsonNode value = property.getValue();
            if (deeper.contains(key)) {
                if (value.isObject()) {
                    mergeSection(childObject(target, key), value, Set.of());
                }
            } else {
                target.set(key, value.deepCopy());
            }
        }
    }

    /** The object under {@code key}, replacing a missing or non-object value with a new empty object. */
    private static ObjectNode childObject(ObjectNode parent, String key) {
        JsonNode child = parent.get(key);
        if (child instanceof ObjectNode object) {
            return object;
        }
        ObjectNode created = JsonNodeFactory.instance.objectNode();
        parent.set(key, created);
        return created;
    }
}
