package io.connectedcar.model;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Shared plumbing of the open value types: how a string is folded for comparison, and the index of known values. */
final class OpenValues {
    private OpenValues() {
    }

    /** The comparison key of a value: trimmed, upper case, no separators; {@code no_display} = {@code NoDisplay}. */
    static String fold(String value) {
        return value.strip().toUpperCase(Locale.ROOT).replace("_", "").replace("-", "").replace(" ", "");
    }

    /** Known values by their folded key. */
    @SafeVarargs
    static <T> Map<String, T> index(Function<T, String> key, T... known) {
        Map<String, T> index = new HashMap<>();
        for (T value : known) {
            index.put(fold(key.apply(value)), value);
        }
        return Map.copyOf(index);
    }
}
