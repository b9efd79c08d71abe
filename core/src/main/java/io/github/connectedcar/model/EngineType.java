package io.github.connectedcar.model;

import java.util.Map;

/**
 * How a vehicle is powered, as the vehicle profile's {@code engineType} says. An {@link OpenValue open value type}:
 * the constants cover what Ford sends today, and {@link #of(String)} keeps any other string as it came, so a new
 * engine type is never fatal. Compare with {@link #equals(Object)}.
 */
public final class EngineType extends OpenValue {
    /** Battery electric: plugs in, no combustion engine. */
    public static final EngineType BEV = new EngineType("BEV");
    /** Hybrid electric: a combustion engine helped by a battery that is not charged from the grid. */
    public static final EngineType HEV = new EngineType("HEV");
    /** Plug-in hybrid: a combustion engine and a battery charged from the grid. */
    public static final EngineType PHEV = new EngineType("PHEV");
    /** Internal combustion engine only. */
    public static final EngineType ICE = new EngineType("ICE");
    /** Ford did not say (no profile, or an empty value). */
    public static final EngineType UNKNOWN = new EngineType("UNKNOWN");

    private static final Map<String, EngineType> KNOWN = index(BEV, HEV, PHEV, ICE, UNKNOWN);

    private EngineType(String value) {
        super(value);
    }

    /**
     * The engine type for a string from Ford: a constant when it is a known one, otherwise a new value keeping the
     * trimmed string. {@code null} or blank gives {@link #UNKNOWN}.
     *
     * @param value the string as Ford (or the caller) spells it
     * @return the constant that matches, or a new value
     */
    public static EngineType of(String value) {
        if (value == null || value.isBlank()) {
            return UNKNOWN;
        }
        return lookup(KNOWN, value, EngineType::new);
    }

    /**
     * Whether the vehicle has a traction battery charged from the grid: {@link #BEV} and {@link #PHEV}. Such vehicles
     * report the {@code xev*} metrics and support charging. A {@link #HEV} is not plugged in, so it is {@code false}.
     *
     * @return whether the vehicle plugs in
     */
    public boolean isElectric() {
        return equals(BEV) || equals(PHEV);
    }
}
