package io.github.connectedcar.internal;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The SDK's one JSON mapper and the small reading helpers every mapper uses. Unknown fields are never fatal. */
public final class Json {
    public static final JsonMapper MAPPER = JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();

    static {
        // Jackson builds its tree reader and writer at first use under a lock; built at class load, so event loops
        // parsing their first frames at once never wait on each other.
        MAPPER.writeValueAsBytes(MAPPER.readTree("{\"warm\":[1]}"));
    }

    private Json() {
    }

    /** The body as a JSON object, or {@code null} when it is not one (error bodies may be HTML or empty). */
    public static ObjectNode parseObjectOrNull(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            return node instanceof ObjectNode object ? object : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    /** A text field (numbers and booleans as their text), or {@code null} when absent or not a scalar. */
    public static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainer()) {
            return null;
        }
        return value.asString();
    }

    /** A long field (numbers or numeric text), or {@code null}. */
    public static Long number(JsonNode node, String field) {
        String text = text(node, field);
        if (text == null) {
            return null;
        }
        try {
            return (long) Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Serialises a value; for request bodies built by the SDK itself. */
    public static byte[] write(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }
}
