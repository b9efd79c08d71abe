package io.github.connectedcar.command;

import io.github.connectedcar.ford.internal.FordApi.CommandProperties;
import io.github.connectedcar.model.OpenValue;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How warm or cool the cabin is made ready for a departure. An {@link OpenValue open value type}: {@link #of(String)}
 * passes any other level through, upper-cased as Ford spells its levels, since the SDK sends it to Ford.
 */
public final class PreconditionTemperature extends OpenValue {
    /** No cabin preconditioning. */
    public static final PreconditionTemperature OFF = new PreconditionTemperature(CommandProperties.PRECONDITION_OFF);
    /** A little. */
    public static final PreconditionTemperature LOW = new PreconditionTemperature(CommandProperties.PRECONDITION_LOW);
    /** Moderately. */
    public static final PreconditionTemperature MEDIUM =
        new PreconditionTemperature(CommandProperties.PRECONDITION_MEDIUM);
    /** Fully. */
    public static final PreconditionTemperature HIGH =
        new PreconditionTemperature(CommandProperties.PRECONDITION_HIGH);

    private static final Map<String, PreconditionTemperature> KNOWN = index(OFF, LOW, MEDIUM, HIGH);

    private PreconditionTemperature(String value) {
        super(value);
    }

    /**
     * The level Ford spells so: a constant when known, otherwise a new value, upper-cased.
     *
     * @param value the string as Ford (or the caller) spells it
     * @return the constant that matches, or a new value
     * @throws NullPointerException     if {@code value} is null
     * @throws IllegalArgumentException if {@code value} is blank
     */
    public static PreconditionTemperature of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("A precondition temperature must not be blank");
        }
        return lookup(KNOWN, value, unknown -> new PreconditionTemperature(unknown.toUpperCase(Locale.ROOT)));
    }
}
