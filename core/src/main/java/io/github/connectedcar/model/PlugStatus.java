package io.github.connectedcar.model;

import java.util.Map;
import java.util.Objects;

/**
 * Whether a charging cable is plugged in, from the {@code xevPlugChargerStatus} metric. An {@link OpenValue open value
 * type}: the constants cover the values seen in the field and {@link #of(String)} keeps any other string as it came.
 */
public final class PlugStatus extends OpenValue {
    /** A cable is plugged in; not charging. */
    public static final PlugStatus CONNECTED = new PlugStatus("CONNECTED");
    /** No cable is plugged in. */
    public static final PlugStatus DISCONNECTED = new PlugStatus("DISCONNECTED");
    /** Plugged in and charging. */
    public static final PlugStatus CHARGING = new PlugStatus("CHARGING");
    /** Plugged in and charging from an AC station. */
    public static final PlugStatus CHARGING_AC = new PlugStatus("CHARGINGAC");

    private static final Map<String, PlugStatus> KNOWN = index(CONNECTED, DISCONNECTED, CHARGING, CHARGING_AC);

    private PlugStatus(String value) {
        super(value);
    }

    /**
     * The status for a string from Ford: a constant when it is a known one, otherwise a new value keeping the
     * trimmed string.
     *
     * @throws NullPointerException if {@code value} is null
     */
    public static PlugStatus of(String value) {
        Objects.requireNonNull(value, "value");
        return lookup(KNOWN, value, PlugStatus::new);
    }

    /** Whether a cable is plugged in: {@link #CONNECTED} or any {@code CHARGING…} value. */
    public boolean isPluggedIn() {
        return equals(CONNECTED) || isCharging();
    }

    /**
     * Whether the vehicle is charging: any value starting with {@code CHARGING}, also unknown ones such as
     * {@code CHARGINGDC}.
     */
    public boolean isCharging() {
        return OpenValues.fold(value()).startsWith("CHARGING");
    }
}
