package io.connectedcar.model;

import java.util.Map;
import java.util.Objects;

/**
 * Whether a charging cable is plugged in, from the {@code xevPlugChargerStatus} metric. An open value type: the
 * constants cover the values seen in the field and {@link #of(String)} keeps any other string as it came. Matching
 * ignores letter case, spaces, {@code _} and {@code -}.
 */
public final class PlugStatus {
    /** A cable is plugged in; not charging. */
    public static final PlugStatus CONNECTED = new PlugStatus("CONNECTED");
    /** No cable is plugged in. */
    public static final PlugStatus DISCONNECTED = new PlugStatus("DISCONNECTED");
    /** Plugged in and charging. */
    public static final PlugStatus CHARGING = new PlugStatus("CHARGING");
    /** Plugged in and charging from an AC station. */
    public static final PlugStatus CHARGING_AC = new PlugStatus("CHARGINGAC");

    private static final Map<String, PlugStatus> KNOWN = OpenValues.index(PlugStatus::value, CONNECTED, DISCONNECTED,
        CHARGING, CHARGING_AC);

    private final String value;

    private PlugStatus(String value) {
        this.value = value;
    }

    /**
     * The status for a string from Ford: a constant when it is a known one, otherwise a new value keeping the
     * trimmed string.
     *
     * @throws NullPointerException if {@code value} is null
     */
    public static PlugStatus of(String value) {
        Objects.requireNonNull(value, "value");
        PlugStatus known = KNOWN.get(OpenValues.fold(value));
        return known != null ? known : new PlugStatus(value.strip());
    }

    /** The string Ford sent (for a known status, its canonical spelling). */
    public String value() {
        return value;
    }

    /** Whether this is one of the constants of this class. */
    public boolean isKnown() {
        return KNOWN.containsKey(OpenValues.fold(value));
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
        return OpenValues.fold(value).startsWith("CHARGING");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PlugStatus that && OpenValues.fold(value).equals(OpenValues.fold(that.value));
    }

    @Override
    public int hashCode() {
        return Objects.hash(OpenValues.fold(value));
    }

    @Override
    public String toString() {
        return value;
    }
}
