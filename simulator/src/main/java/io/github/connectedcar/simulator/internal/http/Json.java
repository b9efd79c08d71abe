package io.github.connectedcar.simulator.internal.http;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The one JSON mapper of the simulator and the few helpers every handler needs. */
public final class Json {

    /** Shared, thread-safe mapper. */
    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    public static String write(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    /**
     * Parses a JSON document.
     *
     * @throws ApiException 400 with a JSON error body when the text is not JSON
     */
    public static JsonNode parse(String text) {
        try {
            JsonNode node = MAPPER.readTree(text == null ? "" : text);
            return node == null || node.isMissingNode() ? NODES.nullNode() : node;
        } catch (JacksonException e) {
            throw new ApiException(SimResponse.json(400, object()
                .put("status", 400)
                .put("error", "Bad Request")
                .put("message", "Request body is not valid JSON")));
        }
    }

    /** Ford's timestamps on metrics: ISO-8601 UTC, whole seconds ({@code 2026-05-02T08:00:03Z}). */
    public static String seconds(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Timestamps with milliseconds, as Ford uses on command states and command answers. */
    public static String millis(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}
