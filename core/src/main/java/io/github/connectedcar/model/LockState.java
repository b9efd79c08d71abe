package io.github.connectedcar.model;

import java.util.Map;
import java.util.Objects;

/**
 * A lock's state as Ford sends it in {@code doorLockStatus[]} (docs/ford-api.md §4.3). An {@link OpenValue open value
 * type}: the constants cover the values seen in the field and {@link #of(String)} keeps any other string as it came.
 */
public final class LockState extends OpenValue {
    /** Locked. */
    public static final LockState LOCKED = new LockState("LOCKED");
    /** Locked twice (the inside handles do not open the doors either). */
    public static final LockState DOUBLE_LOCKED = new LockState("DOUBLE_LOCKED");
    /** Unlocked. */
    public static final LockState UNLOCKED = new LockState("UNLOCKED");

    private static final Map<String, LockState> KNOWN = index(LOCKED, DOUBLE_LOCKED, UNLOCKED);

    private LockState(String value) {
        super(value);
    }

    /**
     * The state for a string from Ford: a constant when it is a known one, otherwise a new value keeping the trimmed
     * string.
     *
     * @throws NullPointerException if {@code value} is null
     */
    public static LockState of(String value) {
        Objects.requireNonNull(value, "value");
        return lookup(KNOWN, value, LockState::new);
    }

    /** Whether this is {@link #LOCKED} or {@link #DOUBLE_LOCKED}; {@code false} for unknown values. */
    public boolean isLocked() {
        return equals(LOCKED) || equals(DOUBLE_LOCKED);
    }
}
