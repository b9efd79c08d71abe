package io.github.connectedcar.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A telemetry body kept compact and immutable: its names in Ford's order, each with either Ford's JSON for it as
 * UTF-8 bytes or, for the sections merged key by key (docs/ford-api.md §6), a nested tree. A change copies only the
 * arrays of the sections it touches: every entry it does not name is shared with the tree it was made from.
 *
 * <p>Two forms, one per tree and its sections: <em>as sent</em>, each entry the bytes Ford sent for it (a one-shot
 * read: cutting them out is a copy), and <em>packed</em> ({@link #packed()}), each entry compact with its common
 * property names one byte each ({@link PackedJson}): about three fifths of the heap, for a snapshot a stream keeps,
 * at the cost of a pass over every byte. A body with whitespace between its tokens is packed as it is read, which
 * drops the whitespace in the same pass.
 *
 * <p>Entries are read back into a small Jackson tree on demand ({@link #node(String)}); nothing handed out is kept.
 */
final class TelemetryTree {
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    static {
        // Jackson builds its tree reader and writer at first use under a lock; built here, at class load, two event
        // loops reading their first entries at once never wait on each other.
        MAPPER.writeValueAsBytes(MAPPER.readTree("{\"warm\":[1]}"));
    }

    /** Which object values are kept as nested trees, level by level (docs/ford-api.md §4.2, §6). */
    record Shape(Map<String, Shape> sections) {
        /** A section whose entries are all leaves. */
        static final Shape FLAT = new Shape(Map.of());
        /** A whole telemetry body. */
        static final Shape BODY = new Shape(Map.of(
            "metrics", new Shape(Map.of("customMetrics", FLAT, "configurations", FLAT)),
            "events", new Shape(Map.of("customEvents", FLAT)),
            "states", new Shape(Map.of("commands", FLAT))));
    }

    static final TelemetryTree EMPTY = new TelemetryTree(new String[0], new Object[0], false);
    private static final TelemetryTree EMPTY_PACKED = new TelemetryTree(new String[0], new Object[0], true);

    private final String[] names;
    /** A {@code byte[]} of JSON (packed when {@link #packed} is), or a {@code TelemetryTree}; never changed. */
    private final Object[] values;
    /** Whether the entries, and those of the sections, are packed ({@link PackedJson}) rather than as sent. */
    private final boolean packed;

    private TelemetryTree(String[] names, Object[] values, boolean packed) {
        this.names = names;
        this.values = values;
        this.packed = packed;
    }

    private static TelemetryTree empty(boolean packed) {
        return packed ? EMPTY_PACKED : EMPTY;
    }

    // ---------------------------------------------------------------- reading a body

    /**
     * The tree of a telemetry body, read with Jackson's streaming parser: each entry's bytes are cut out of the body
     * as sent, no tree of the whole body is ever built. A body with line breaks or tabs (an indented one) is packed
     * instead, which drops the whitespace between tokens in the same pass.
     *
     * @throws IllegalArgumentException when the body is not one JSON object
     */
    static TelemetryTree parse(byte[] body) {
        try (JsonParser parser = MAPPER.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("Telemetry must be a JSON object, not "
                    + (first == null ? "an empty body" : first.name()));
            }
            TelemetryTree tree = readObject(parser, body, Shape.BODY, hasControlBytes(body));
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("Telemetry has content after its JSON object");
            }
            return tree;
        } catch (JacksonException notJson) {
            throw new IllegalArgumentException("Telemetry is not valid JSON: " + notJson.getOriginalMessage(), notJson);
        }
    }

    /**
     * Whether the body holds a byte below 0x20: whitespace the packed form drops (or a control character inside a
     * string, which it escapes). Ford sends its bodies compact, without any.
     */
    private static boolean hasControlBytes(byte[] body) {
        for (byte b : body) {
            if ((b & 0xE0) == 0) { // 0x00 to 0x1F
                return true;
            }
        }
        return false;
    }

    /**
     * Reads the object the parser is at (its START_OBJECT read) up to and including its END_OBJECT, its entries
     * packed or as sent.
     */
    private static TelemetryTree readObject(JsonParser parser, byte[] body, Shape shape, boolean pack) {
        Builder builder = new Builder();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            Shape inner = shape.sections().get(name);
            if (inner != null && token == JsonToken.START_OBJECT) {
                builder.put(name, readObject(parser, body, inner, pack));
            } else {
                long start = parser.currentTokenLocation().getByteOffset();
                if (start < 0) {
                    // A body Jackson decodes as characters (UTF-16 or UTF-32): no byte offsets to cut at.
                    builder.put(name, encode(parser.readValueAsTree(), pack));
                } else {
                    int end;
                    if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                        parser.skipChildren();
                        end = (int) parser.currentLocation().getByteOffset();
                    } else {
                        // A scalar is cut out as sent, like an object (the parser has already checked its syntax).
                        end = scalarEnd(body, (int) start);
                    }
                    builder.put(name, pack ? PackedJson.pack(body, (int) start, end)
                        : Arrays.copyOfRange(body, (int) start, end));
                }
            }
        }
        return builder.build(pack);
    }

    /**
     * Where the scalar starting at {@code start} ends (exclusive): after the closing quote of a string, else at the
     * first byte that cannot belong to a number or literal.
     */
    private static int scalarEnd(byte[] json, int start) {
        int i = start;
        if (json[i] == '"') {
            for (i++; i < json.length; i++) {
                if (json[i] == '\\') {
                    i++;
                } else if (json[i] == '"') {
                    return i + 1;
                }
            }
            return json.length;
        }
        while (i < json.length && json[i] != ',' && json[i] != '}' && json[i] != ']' && json[i] != ' '
            && json[i] != '\n' && json[i] != '\r' && json[i] != '\t') {
            i++;
        }
        return i;
    }

    /** The tree of a JSON object already parsed, its entries as Jackson writes them (compact). */
    static TelemetryTree of(JsonNode object, Shape shape) {
        Builder builder = new Builder();
        for (Map.Entry<String, JsonNode> property : object.properties()) {
            Shape inner = shape.sections().get(property.getKey());
            JsonNode value = property.getValue();
            builder.put(property.getKey(), inner != null && value.isObject() ? of(value, inner) : encode(value, false));
        }
        return builder.build(false);
    }

    /** A value's compact JSON (Jackson escapes control characters), packed or not. */
    private static byte[] encode(JsonNode value, boolean pack) {
        byte[] json = MAPPER.writeValueAsBytes(value);
        return pack ? PackedJson.pack(json) : json;
    }

    /**
     * This tree with every entry packed (this tree when it already is): the same JSON in about three fifths of the
     * heap, for a snapshot kept a long time. The entries of a tree as sent hold no byte below 0x20 (a body with any
     * is packed as it is read), so packing them drops nothing but the spaces between tokens.
     */
    TelemetryTree packed() {
        if (packed) {
            return this;
        }
        Object[] packedValues = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            packedValues[i] = values[i] instanceof TelemetryTree section ? section.packed()
                : PackedJson.pack((byte[]) values[i]);
        }
        return new TelemetryTree(names, packedValues, true);
    }

    /** An entry's JSON as bytes of plain JSON. */
    private byte[] json(byte[] entry) {
        return packed ? PackedJson.unpack(entry) : entry;
    }

    // ---------------------------------------------------------------- merging

    /**
     * A new tree with an update merged in (docs/ford-api.md §6): each name of the update replaces this tree's entry
     * of the same name (keeping its place) or is added at the end; a name the shape keeps as a section is merged one
     * level deeper when the update's value is an object and ignored otherwise; a JSON {@code null} for any other name
     * removes the entry. This tree is not changed, and the result shares every entry the update does not name; its
     * new entries are packed when this tree is.
     */
    TelemetryTree merge(JsonNode update, Shape shape) {
        TelemetryTree result = this;
        for (Map.Entry<String, JsonNode> property : update.properties()) {
            String name = property.getKey();
            JsonNode value = property.getValue();
            Shape inner = shape.sections().get(name);
            if (inner != null) {
                if (value.isObject()) {
                    TelemetryTree base = result.get(name) instanceof TelemetryTree section ? section : empty(packed);
                    result = result.with(name, base.merge(value, inner));
                }
            } else if (value.isNull()) {
                result = result.without(name);
            } else {
                result = result.with(name, encode(value, packed));
            }
        }
        return result;
    }

    private TelemetryTree with(String name, Object value) {
        int index = indexOf(name);
        if (index >= 0) {
            Object[] changed = values.clone();
            changed[index] = value;
            return new TelemetryTree(names, changed, packed);
        }
        String[] longerNames = Arrays.copyOf(names, names.length + 1);
        Object[] longerValues = Arrays.copyOf(values, values.length + 1);
        longerNames[names.length] = name;
        longerValues[values.length] = value;
        return new TelemetryTree(longerNames, longerValues, packed);
    }

    private TelemetryTree without(String name) {
        int index = indexOf(name);
        if (index < 0) {
            return this;
        }
        String[] fewerNames = new String[names.length - 1];
        Object[] fewerValues = new Object[values.length - 1];
        System.arraycopy(names, 0, fewerNames, 0, index);
        System.arraycopy(values, 0, fewerValues, 0, index);
        System.arraycopy(names, index + 1, fewerNames, index, names.length - index - 1);
        System.arraycopy(values, index + 1, fewerValues, index, values.length - index - 1);
        return new TelemetryTree(fewerNames, fewerValues, packed);
    }

    // ---------------------------------------------------------------- access

    private int indexOf(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The raw entry: {@code byte[]}, {@code TelemetryTree} or {@code null}. */
    Object get(String name) {
        int index = indexOf(name);
        return index < 0 ? null : values[index];
    }

    /**
     * The string entry of that name, or {@code null} when there is none or it is not a string. A string without
     * escapes (a time stamp, an id) is read straight from its bytes, without a parser (packing leaves a string as
     * it was, but for control characters, which it escapes).
     */
    String text(String name) {
        if (!(get(name) instanceof byte[] json) || json.length < 2 || json[0] != '"') {
            return null;
        }
        for (int i = 1; i < json.length - 1; i++) {
            if (json[i] == '\\') {
                return node(name).stringValue();
            }
        }
        return new String(json, 1, json.length - 2, StandardCharsets.UTF_8);
    }

    /** The nested section of that name, or an empty tree when there is none or it is not an object. */
    TelemetryTree section(String name) {
        return get(name) instanceof TelemetryTree section ? section : EMPTY;
    }

    /** A new Jackson tree of the entry, or {@code null} when there is none. */
    JsonNode node(String name) {
        Object value = get(name);
        return value == null ? null : toNode(value);
    }

    /**
     * The {@code value} and {@code updateTime} of a scalar metric's entry (the object, or the first object of a list),
     * read with the streaming parser without a tree of the entry; {@code null} when there is no such entry. Either
     * part is {@code null} when the entry lacks it.
     */
    Reading reading(String name) {
        Object value = get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof TelemetryTree section) {
            JsonNode entry = section.toJson();
            return new Reading(entry.get("value"), entry.get("updateTime"));
        }
        try (JsonParser parser = MAPPER.createParser(json((byte[]) value))) {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.START_ARRAY) {
                while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != JsonToken.START_OBJECT) {
                    parser.skipChildren();
                }
            }
            return token == JsonToken.START_OBJECT ? readEntry(parser) : null;
        }
    }

    /** The value and time of the object the parser is at; every other field is skipped. */
    private static Reading readEntry(JsonParser parser) {
        JsonNode value = null;
        JsonNode updateTime = null;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = parser.currentName();
            JsonToken token = parser.nextToken();
            if (field.equals("value")) {
                value = scalarOrTree(parser, token);
            } else if (field.equals("updateTime")) {
                updateTime = scalarOrTree(parser, token);
            } else {
                parser.skipChildren();
            }
        }
        return new Reading(value, updateTime);
    }

    private static JsonNode scalarOrTree(JsonParser parser, JsonToken token) {
        JsonNodeFactory nodes = MAPPER.getNodeFactory();
        return switch (token) {
            case VALUE_STRING -> nodes.stringNode(parser.getString());
            // The getters read every number as a double.
            case VALUE_NUMBER_FLOAT, VALUE_NUMBER_INT -> nodes.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> nodes.booleanNode(true);
            case VALUE_FALSE -> nodes.booleanNode(false);
            case VALUE_NULL -> nodes.nullNode();
            default -> parser.readValueAsTree();
        };
    }

    /** A scalar metric's value and time as Ford sent them; either may be {@code null}. */
    record Reading(JsonNode value, JsonNode updateTime) {
    }

    /**
     * The entry's JSON (as sent, or compact when packed), or {@code null} when there is none or it is a section.
     */
    byte[] bytes(String name) {
        return get(name) instanceof byte[] entry ? json(entry) : null;
    }

    boolean has(String name) {
        return indexOf(name) >= 0;
    }

    /** The names in Ford's order. */
    Set<String> names() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(names)));
    }

    int size() {
        return names.length;
    }

    /** A new Jackson tree of the whole tree. */
    ObjectNode toJson() {
        ObjectNode node = MAPPER.createObjectNode();
        for (int i = 0; i < names.length; i++) {
            node.set(names[i], toNode(values[i]));
        }
        return node;
    }

    private JsonNode toNode(Object value) {
        return value instanceof TelemetryTree tree ? tree.toJson() : MAPPER.readTree(json((byte[]) value));
    }

    // ---------------------------------------------------------------- object

    /**
     * Equal when both hold the same names with equal JSON, in any order (as Jackson's trees compare). Bytes are
     * compared first; only entries whose bytes differ are compared as JSON (Ford may spell a number two ways).
     */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof TelemetryTree that) || that.names.length != names.length) {
            return false;
        }
        boolean sameOrder = names == that.names || Arrays.equals(names, that.names);
        for (int i = 0; i < names.length; i++) {
            Object theirs = sameOrder ? that.values[i] : that.get(names[i]);
            if (theirs == null || !sameEntry(values[i], that, theirs)) {
                return false;
            }
        }
        return true;
    }

    private boolean sameEntry(Object mine, TelemetryTree that, Object theirs) {
        if (mine == theirs) {
            return true;
        }
        if (mine instanceof byte[] myBytes && theirs instanceof byte[] theirBytes) {
            return packed == that.packed && Arrays.equals(myBytes, theirBytes)
                || MAPPER.readTree(json(myBytes)).equals(MAPPER.readTree(that.json(theirBytes)));
        }
        return mine.equals(theirs);
    }

    /** From the names alone (in any order), so that it agrees with {@link #equals} whatever the bytes' spelling. */
    @Override
    public int hashCode() {
        int hash = 0;
        for (int i = 0; i < names.length; i++) {
            hash += names[i].hashCode() ^ (values[i] instanceof TelemetryTree tree ? tree.hashCode() : 1);
        }
        return hash;
    }

    /** Collects entries in order; a name seen twice keeps its first place and its last value, as Jackson does. */
    private static final class Builder {
        private String[] names = new String[8];
        private Object[] values = new Object[8];
        private int size;

        void put(String name, Object value) {
            // A name given twice keeps its first place and its last value, as in Jackson's trees. Hashes first:
            // the names come from the parser's symbol table, their hashes already computed.
            int hash = name.hashCode();
            for (int i = 0; i < size; i++) {
                if (names[i].hashCode() == hash && names[i].equals(name)) {
                    values[i] = value;
                    return;
                }
            }
            if (size == names.length) {
                names = Arrays.copyOf(names, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            names[size] = name;
            values[size++] = value;
        }

        TelemetryTree build(boolean packed) {
            return size == 0 ? empty(packed)
                : new TelemetryTree(Arrays.copyOf(names, size), Arrays.copyOf(values, size), packed);
        }
    }
}
