package io.connectedcar.exception;

import io.connectedcar.model.CommandState;
import java.time.Duration;

/**
 * The command was accepted by Ford but did not reach a final state within the command timeout. The car may still
 * act on it: check {@code status()} before sending it again.
 */
public class CommandTimeoutException extends CommandException {
    private final Duration waited;
    private final CommandState lastKnownState;

    public CommandTimeoutException(String message, String vin, String commandType, String commandId,
                                   Duration waited, CommandState lastKnownState) {
        super(message, vin, commandType, commandId, null);
        this.waited = waited;
        this.lastKnownState = lastKnownState;
    }

    /** How long the command was followed. */
    public Duration getWaited() {
        return waited;
    }

    /** The last state reported before giving up, such as {@link CommandState#QUEUED}. */
    public CommandState getLastKnownState() {
        return lastKnownState;
    }
}
