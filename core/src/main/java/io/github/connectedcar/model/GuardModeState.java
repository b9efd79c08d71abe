package io.github.connectedcar.model;

import java.util.Map;
import java.util.Objects;

/**
 * Whether guard mode is on, as Ford's guard-mode session reports it in {@code session.gmStatus} (docs/ford-api.md
 * §4): {@code enable} or {@code disable}. An {@link OpenValue open value type}: {@link #of(String)} keeps any other
 * string as it came, so a value Ford adds is shown rather than lost.
 */
public final class GuardModeState extends OpenValue {
    /** Guard mode is on ({@code enable}). */
    public static final GuardModeState ENABLED = new GuardModeState("enable");
    /** Guard mode is off ({@code disable}). */
    public static final GuardModeState DISABLED = new GuardModeState("disable");
    /**
     * Guard mode was just turned on and is still enrolling ({@code enrolling}); a disable is refused meanwhile with
     * returnCode 300. Only the simulator is known to report it.
     */
    public static final GuardModeState ENROLLING = new GuardModeState("enrolling");

    private static final Map<String, GuardModeState> KNOWN = index(ENABLED, DISABLED, ENROLLING);

    private GuardModeState(String value) {
        super(value);
    }

    /**
     * The state for Ford's {@code gmStatus}: a constant when it is a known one, otherwise a new value keeping the
     * trimmed string.
     *
     * @param value the string as Ford (or the caller) spells it
     * @return the constant that matches, or a new value
     * @throws NullPointerException     if {@code value} is null
     * @throws IllegalArgumentException if {@code value} is blank
     */
    public static GuardModeState of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("A guard mode state must not be blank");
        }
        return lookup(KNOWN, value, GuardModeState::new);
    }

    /** {@return whether guard mode is on: {@link #ENABLED} only (enrolling is not on yet)} */
    public boolean isOn() {
        return equals(ENABLED);
    }
}
