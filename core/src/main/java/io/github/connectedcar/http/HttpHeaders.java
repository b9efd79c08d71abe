package io.github.connectedcar.http;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Immutable HTTP headers with case-insensitive names and one value per name (all that Ford's services need).
 * The original spelling of each name is kept, since some Ford services are picky about it.
 */
public final class HttpHeaders {
    private static final HttpHeaders EMPTY = new HttpHeaders(new TreeMap<>(String.CASE_INSENSITIVE_ORDER));

    private final TreeMap<String, Entry> entries;

    private record Entry(String name, String value) {}

    private HttpHeaders(TreeMap<String, Entry> entries) {
        this.entries = entries;
    }

    /** {@return no headers} */
    public static HttpHeaders empty() {
        return EMPTY;
    }

    /**
     * Headers from a map, keeping the first value of names that differ only by case.
     *
     * @param values the values by name
     * @return the headers
     */
    public static HttpHeaders of(Map<String, String> values) {
        TreeMap<String, Entry> entries = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, String> e : values.entrySet()) {
            Objects.requireNonNull(e.getKey(), "name");
            Objects.requireNonNull(e.getValue(), "value");
            entries.putIfAbsent(e.getKey(), new Entry(e.getKey(), e.getValue()));
        }
        return new HttpHeaders(entries);
    }

    /**
     * A copy with {@code name} set to {@code value} (replacing any value under another spelling).
     *
     * @param name  the name, kept as spelled
     * @param value the value
     * @return the copy; this one is unchanged
     */
    public HttpHeaders with(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        TreeMap<String, Entry> copy = new TreeMap<>(entries);
        copy.put(name, new Entry(name, value));
        return new HttpHeaders(copy);
    }

    /**
     * A copy without {@code name}.
     *
     * @param name the name, in any letter case
     * @return the copy, or these headers when they have no such name
     */
    public HttpHeaders without(String name) {
        if (!entries.containsKey(name)) {
            return this;
        }
        TreeMap<String, Entry> copy = new TreeMap<>(entries);
        copy.remove(name);
        return new HttpHeaders(copy);
    }

    /**
     * The value of {@code name} in any letter case, or {@code null}.
     *
     * @param name the name, in any letter case
     * @return the value, or {@code null}
     */
    public String get(String name) {
        Entry entry = entries.get(name);
        return entry == null ? null : entry.value();
    }

    /**
     * Whether a header of this name is set.
     *
     * @param name the name, in any letter case
     * @return whether it is set
     */
    public boolean contains(String name) {
        return entries.containsKey(name);
    }

    /** {@return names as they were spelled when set} */
    public Set<String> names() {
        TreeMap<String, String> names = new TreeMap<>();
        entries.values().forEach(e -> names.put(e.name(), e.name()));
        return Collections.unmodifiableSet(names.keySet());
    }

    /** {@return name (as spelled) to value} */
    public Map<String, String> toMap() {
        TreeMap<String, String> map = new TreeMap<>();
        entries.values().forEach(e -> map.put(e.name(), e.value()));
        return Collections.unmodifiableMap(map);
    }

    /** {@return whether no header is set} */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** {@return header names only: values may hold secrets} */
    @Override
    public String toString() {
        return "HttpHeaders" + names().stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }
}
