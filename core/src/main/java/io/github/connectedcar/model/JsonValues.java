package io.github.connectedcar.model;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

import tools.jackson.databind.JsonNode;

/**
 * Liberal readers of single JSON values. Each answers empty for a missing node, a JSON {@code null} or a value of the
 * wrong type; none ever throws.
 */
final class JsonValues {
    /** What a locator field Ford left out reads as; Ford sends the same word when it does not know. */
    static final String UNKNOWN = "UNKNOWN";

    private JsonValues() {
    }

    /** A finite number, or a string holding one (Ford sometimes quotes numbers). */
    static Optional<Double> number(JsonNode node) {
        if (node == null) {
            return Optional.empty();
        }
        double value;
        if (node.isNumber()) {
            value = node.doubleValue();
        } else if (node.isString()) {
            try {
                value = Double.parseDouble(node.stringValue().strip());
            } catch (NumberFormatException notANumber) {
                return Optional.empty();
            }
        } else {
            return Optional.empty();
        }
        return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
    }

    /** {@link #number(JsonNode)} as an {@link OptionalDouble}. */
    static OptionalDouble optionalNumber(JsonNode node) {
        return number(node).map(OptionalDouble::of).orElseGet(OptionalDouble::empty);
    }

    /** A non-blank string, trimmed. */
    static Optional<String> text(JsonNode node) {
        if (node == null || !node.isString() || node.stringValue().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(node.stringValue().strip());
    }

    /** A boolean, or the strings {@code true} / {@code false} in any letter case. */
    static Optional<Boolean> bool(JsonNode node) {
        if (node == null) {
            return Optional.empty();
        }
        if (node.isBoolean()) {
            return Optional.of(node.booleanValue());
        }
        return text(node).flatMap(text -> switch (OpenValues.fold(text)) {
            case "TRUE" -> Optional.of(Boolean.TRUE);
            case "FALSE" -> Optional.of(Boolean.FALSE);
            default -> Optional.empty();
        });
    }

    /** An ISO-8601 instant such as {@code 2025-04-01T21:32:17Z}, with or without fraction or offset. */
    static Optional<Instant> instant(JsonNode node) {
        return text(node).flatMap(JsonValues::parseInstant);
    }

    /** An ISO-8601 instant from a string that may be {@code null} or blank. */
    static Optional<Instant> instant(String text) {
        return text == null || text.isBlank() ? Optional.empty() : parseInstant(text.strip());
    }

    private static Optional<Instant> parseInstant(String text) {
        return IsoInstants.parse(text);
    }

    /** The string field {@code name} of {@code entry}, or {@link #UNKNOWN}. */
    static String locator(JsonNode entry, String name) {
        return text(entry.get(name)).orElse(UNKNOWN);
    }
}
