package io.connectedcar.command;

import io.connectedcar.ford.internal.FordApi.CommandProperties;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How warm or cool the cabin is made ready for a departure. An open value type: {@link #of(String)} passes any other
 * level through as Ford spells it.
 */
public final class PreconditionTemperature {
    public static final PreconditionTemperature OFF = new PreconditionTemperature(CommandProperties.PRECONDITION_OFF);
    public static final PreconditionTemperature LOW = new PreconditionTemperature(CommandProperties.PRECONDITION_LOW);
    public static final PreconditionTemperature MEDIUM =
        new PreconditionTemperature(CommandProperties.PRECONDITION_MEDIUM);
    public static final PreconditionTemperature HIGH =
        new PreconditionTemperature(CommandProperties.PRECONDITION_HIGH);

    private static final List<PreconditionTemperature> KNOWN = List.of(OFF, LOW, MEDIUM, HIGH);

    private final String value;

    private PreconditionTemperature(String value) {
        this.value = value;
    }

    /**
     * The level Ford spells so: a constant when known (ignoring case), otherwise a new value, upper-cased.
     *
     * @throws NullPointerException     if {@code value} is null
     * @throws IllegalArgumentException if {@code value} is blank
     */
    public static PreconditionTemperature of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("A precondition temperature must not be blank");
        }
        String upper = value.strip().toUpperCase(Locale.ROOT);
        return KNOWN.stream().filter(t -> t.value.equals(upper)).findFirst().orElseGet(() ->
            new PreconditionTemperature(upper));
    }

    /** Ford's spelling, such as {@code MEDIUM}. */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PreconditionTemperature that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
