package io.connectedcar.model;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where a command stands. An open value type: the constants are the states the SDK understands, and a state Ford
 * reports that the SDK does not know is passed through by its raw name ({@link #of(String)}), never dropped and never
 * fatal. Unknown states are not final: following goes on until a final state or the timeout.
 *
 * <p>The SDK maps Ford's {@code toState} values (docs/ford-api.md §5.2) onto these: {@code REQUEST_QUEUED} and anything
 * about delivery to {@link #QUEUED}; {@code RECEIVED_BY_DEVICE} and anything {@code IN_PROGRESS} to
 * {@link #DELIVERED}; {@code SUCCESS}/{@code COMMAND_SUCCEEDED_ON_DEVICE} to {@link #SUCCEEDED};
 * {@code COMMAND_FAILED_ON_DEVICE}/{@code failed} to {@link #FAILED}; {@code EXPIRED} to {@link #EXPIRED}.
 */
public final class CommandState {
    /** Ford accepted the command (the POST answered). */
    public static final CommandState REQUESTED = new CommandState("REQUESTED", false, true);
    /** Waiting in Ford's cloud to be delivered to the car. */
    public static final CommandState QUEUED = new CommandState("QUEUED", false, true);
    /** The car has received the command and is working on it. */
    public static final CommandState DELIVERED = new CommandState("DELIVERED", false, true);
    /** The car did it. Final. */
    public static final CommandState SUCCEEDED = new CommandState("SUCCEEDED", true, true);
    /** The car did not do it. Final. */
    public static final CommandState FAILED = new CommandState("FAILED", true, true);
    /** The command expired before the car picked it up. Final. */
    public static final CommandState EXPIRED = new CommandState("EXPIRED", true, true);
    /** The SDK stopped following before a final state; the car may still act. Final for the SDK. */
    public static final CommandState TIMED_OUT = new CommandState("TIMED_OUT", true, true);

    private static final Map<String, CommandState> KNOWN = Map.of("REQUESTED", REQUESTED, "QUEUED", QUEUED,
        "DELIVERED", DELIVERED, "SUCCEEDED", SUCCEEDED, "FAILED", FAILED, "EXPIRED", EXPIRED, "TIMED_OUT", TIMED_OUT);

    private final String name;
    private final boolean isFinal;
    private final boolean known;

    private CommandState(String name, boolean isFinal, boolean known) {
        this.name = name;
        this.isFinal = isFinal;
        this.known = known;
    }

    /**
     * The state of this name: a constant when the name is one (ignoring case), otherwise an unknown, non-final
     * state keeping the trimmed raw name.
     *
     * @throws NullPointerException     if {@code name} is null
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public static CommandState of(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A command state name must not be blank");
        }
        CommandState constant = KNOWN.get(name.strip().toUpperCase(Locale.ROOT));
        return constant != null ? constant : new CommandState(name.strip(), false, false);
    }

    /** The name: a constant's name, or Ford's raw state for an unknown one. */
    public String name() {
        return name;
    }

    /** Whether following ends here (succeeded, failed, expired or timed out). */
    public boolean isFinal() {
        return isFinal;
    }

    /** Whether this is one of the constants; {@code false} for a state Ford reported that the SDK does not know. */
    public boolean isKnown() {
        return known;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CommandState that && name.equals(that.name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
