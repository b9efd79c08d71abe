package io.github.connectedcar.command;

import io.github.connectedcar.ford.internal.FordApi.CommandProperties;
import io.github.connectedcar.model.OpenValue;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * When an electric car charges ({@code chargeMode} of the charge settings). An {@link OpenValue open value type}: the
 * constants are the modes Ford's app offers, and {@link #of(String)} passes any other mode through, upper-cased as
 * Ford spells its modes, since the SDK sends it to Ford.
 */
public final class ChargeMode extends OpenValue {
    /** Charge as soon as plugged in. */
    public static final ChargeMode CHARGE_NOW = new ChargeMode(CommandProperties.CHARGE_MODE_NOW);
    /** Charge to be ready at the departure times. */
    public static final ChargeMode DEPARTURE_TIMES = new ChargeMode(CommandProperties.CHARGE_MODE_DEPARTURE_TIMES);
    /** Charge for the departure times, with cabin conditioning. */
    public static final ChargeMode DEPARTURE_TIMES_CONDITIONED =
        new ChargeMode(CommandProperties.CHARGE_MODE_DEPARTURE_TIMES_CONDITIONED);
    /** Ford's {@code CHARGE_SOLD}. */
    public static final ChargeMode CHARGE_SOLD = new ChargeMode(CommandProperties.CHARGE_MODE_SOLD);
    /** Charge when electricity is cheapest. */
    public static final ChargeMode VALUE_CHARGE = new ChargeMode(CommandProperties.CHARGE_MODE_VALUE);
    /** Home integration: charge now. */
    public static final ChargeMode HOME_CHARGE_NOW = new ChargeMode(CommandProperties.CHARGE_MODE_HOME_NOW);
    /** Home integration: store energy. */
    public static final ChargeMode HOME_STORE_CHARGE = new ChargeMode(CommandProperties.CHARGE_MODE_HOME_STORE);
    /** Home integration: charge and discharge. */
    public static final ChargeMode HOME_CHARGE_DISCHARGE =
        new ChargeMode(CommandProperties.CHARGE_MODE_HOME_DISCHARGE);

    private static final Map<String, ChargeMode> KNOWN = index(CHARGE_NOW, DEPARTURE_TIMES,
        DEPARTURE_TIMES_CONDITIONED, CHARGE_SOLD, VALUE_CHARGE, HOME_CHARGE_NOW, HOME_STORE_CHARGE,
        HOME_CHARGE_DISCHARGE);

    private ChargeMode(String value) {
        super(value);
    }

    /**
     * The mode Ford spells so: a constant when known, otherwise a new value, upper-cased.
     *
     * @param value the string as Ford (or the caller) spells it
     * @return the constant that matches, or a new value
     * @throws NullPointerException     if {@code value} is null
     * @throws IllegalArgumentException if {@code value} is blank
     */
    public static ChargeMode of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("A charge mode must not be blank");
        }
        return lookup(KNOWN, value, unknown -> new ChargeMode(unknown.toUpperCase(Locale.ROOT)));
    }
}
