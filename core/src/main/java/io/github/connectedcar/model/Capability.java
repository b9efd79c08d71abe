package io.github.connectedcar.model;

import java.util.Map;
import java.util.Objects;

/**
 * Something a vehicle can be asked to do, named as Ford names the flag in the dashboard's {@code vehicleCapabilities}
 * or {@code vehicleProfile} entries. An {@link OpenValue open value type}: the constants cover the commands this SDK
 * offers, and {@link #of(String)} makes a capability for any other flag name, so
 * {@code vehicle.supports(Capability.of("x"))} works for flags this SDK does not know yet. {@code remoteLock} and
 * {@code REMOTE_LOCK} are the same capability.
 */
public final class Capability extends OpenValue {
    /** Lock and unlock ({@code remoteLock}). */
    public static final Capability REMOTE_LOCK = new Capability("remoteLock");
    /** Remote start and its cancel ({@code remoteStart}). */
    public static final Capability REMOTE_START = new Capability("remoteStart");
    /** Trailer light check ({@code trailerLightCheck}). */
    public static final Capability TRAILER_LIGHT_CHECK = new Capability("trailerLightCheck");
    /** Departure times ({@code departureTimes}). */
    public static final Capability DEPARTURE_TIMES = new Capability("departureTimes");
    /** Guard mode ({@code guardMode}). */
    public static final Capability GUARD_MODE = new Capability("guardMode");
    /** Zone lighting ({@code zoneLighting}); see {@link Vehicle#numberOfLightingZones()}. */
    public static final Capability ZONE_LIGHTING = new Capability("zoneLighting");
    /** Honk and flash ({@code remotePanicAlarm}). */
    public static final Capability REMOTE_PANIC_ALARM = new Capability("remotePanicAlarm");
    /** Remote climate control ({@code remoteClimateControl}, a vehicle profile flag). */
    public static final Capability REMOTE_CLIMATE_CONTROL = new Capability("remoteClimateControl");
    /**
     * Start, stop and pause charging and change charge settings. Ford sends no flag for it: a vehicle supports it
     * when its {@link EngineType#isElectric() engine type is electric} (or a {@code charging} flag says so).
     */
    public static final Capability CHARGING = new Capability("charging");

    private static final Map<String, Capability> KNOWN = index(REMOTE_LOCK, REMOTE_START, TRAILER_LIGHT_CHECK,
        DEPARTURE_TIMES, GUARD_MODE, ZONE_LIGHTING, REMOTE_PANIC_ALARM, REMOTE_CLIMATE_CONTROL, CHARGING);

    private Capability(String name) {
        super(name);
    }

    /**
     * The capability for a flag name: a constant when it is a known one, otherwise a new value keeping the trimmed
     * name.
     *
     * @param name the flag's name, such as {@code remoteStart}
     * @return the capability
     * @throws NullPointerException if {@code name} is null
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public static Capability of(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A capability name must not be blank");
        }
        return lookup(KNOWN, name, Capability::new);
    }

    /** {@return the flag name, such as {@code remoteLock}: the {@link #value()}} */
    public String name() {
        return value();
    }
}
