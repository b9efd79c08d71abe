package io.github.connectedcar.model;

import java.util.Map;
import java.util.Objects;

/**
 * The charging state the vehicle shows its driver, from the {@code xevBatteryChargeDisplayStatus} metric. An
 * {@link OpenValue open value type}: the constants cover the values seen in the field and {@link #of(String)} keeps
 * any other string as it came.
 */
public final class ChargeDisplayStatus extends OpenValue {
    /** Not ready to charge; what an unplugged vehicle usually shows. */
    public static final ChargeDisplayStatus NOT_READY = new ChargeDisplayStatus("NOT_READY");
    /** No cable plugged in. */
    public static final ChargeDisplayStatus NOT_PLUGGED_IN = new ChargeDisplayStatus("NOT_PLUGGED_IN");
    /** Charging now. */
    public static final ChargeDisplayStatus IN_PROGRESS = new ChargeDisplayStatus("IN_PROGRESS");
    /** Plugged in, waiting for a scheduled charge time. */
    public static final ChargeDisplayStatus SCHEDULED = new ChargeDisplayStatus("SCHEDULED");

    private static final Map<String, ChargeDisplayStatus> KNOWN = index(NOT_READY, NOT_PLUGGED_IN, IN_PROGRESS,
        SCHEDULED);

    private ChargeDisplayStatus(String value) {
        super(value);
    }

    /**
     * The status for a string from Ford: a constant when it is a known one, otherwise a new value keeping the
     * trimmed string.
     *
     * @throws NullPointerException if {@code value} is null
     */
    public static ChargeDisplayStatus of(String value) {
        Objects.requireNonNull(value, "value");
        return lookup(KNOWN, value, ChargeDisplayStatus::new);
    }

    /** Whether the vehicle says it is charging ({@link #IN_PROGRESS}). */
    public boolean isCharging() {
        return equals(IN_PROGRESS);
    }
}
