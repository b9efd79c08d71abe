package io.github.connectedcar.model;

import java.util.Map;
import java.util.Objects;

/**
 * Where a command stands. An {@link OpenValue open value type}: the constants are the states the SDK understands, and
 * a state Ford reports that the SDK does not know is passed through by its raw name ({@link #of(String)}), never
 * dropped and never fatal. Unknown states are not final: following goes on until a final state or the timeout.
 *
 * <p>The SDK maps Ford's own {@code toState} values onto these; docs/ford-api.md §5.2 has the table.
 */
public final class CommandState extends OpenValue {
    /** Ford accepted the command (the POST answered). */
    public static final CommandState REQUESTED = new CommandState("REQUESTED", false);
    /** Waiting in Ford's cloud to be delivered to the car. */
    public static final CommandState QUEUED = new CommandState("QUEUED", false);
    /** The car has received the command and is working on it. */
    public static final CommandState DELIVERED = new CommandState("DELIVERED", false);
    /** The car did it. Final. */
    public static final CommandState SUCCEEDED = new CommandState("SUCCEEDED", true);
    /** The car did not do it. Final. */
    public static final CommandState FAILED = new CommandState("FAILED", true);
    /** The command expired before the car picked it up. Final. */
    public static final CommandState EXPIRED = new CommandState("EXPIRED", true);
    /** The SDK stopped following before a final state; the car may still act. Final for the SDK. */
    public static final CommandState TIMED_OUT = new CommandState("TIMED_OUT", true);

    private static final Map<String, CommandState> KNOWN = index(REQUESTED, QUEUED, DELIVERED, SUCCEEDED, FAILED,
        EXPIRED, TIMED_OUT);

    private final boolean isFinal;

    private CommandState(String name, boolean isFinal) {
        super(name);
        this.isFinal = isFinal;
    }

    /**
     * The state of this name: a constant when the name is one, otherwise an unknown, non-final state keeping the
     * trimmed raw name.
     *
     * @param name the state's name, or Ford's raw state
     * @return the state
     * @throws NullPointerException     if {@code name} is null
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public static CommandState of(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A command state name must not be blank");
        }
        return lookup(KNOWN, name, unknown -> new CommandState(unknown, false));
    }

    /** {@return the name: a constant's name, or Ford's raw state for an unknown one; the {@link #value()}} */
    public String name() {
        return value();
    }

    /** {@return whether following ends here (succeeded, failed, expired or timed out)} */
    public boolean isFinal() {
        return isFinal;
    }
}
