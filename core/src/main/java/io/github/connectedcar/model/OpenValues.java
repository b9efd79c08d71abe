package io.github.connectedcar.model;

import java.util.Locale;

/** The matching rule of the open values, also used wherever the model compares one of Ford's state strings. */
final class OpenValues {
    private OpenValues() {
    }

    /** The comparison key of a value: trimmed, upper case, no separators; {@code no_display} = {@code NoDisplay}. */
    static String fold(String value) {
        return value.strip().toUpperCase(Locale.ROOT).replace("_", "").replace("-", "").replace(" ", "");
    }
}
