package io.github.connectedcar.exception;

import io.github.connectedcar.model.CommandState;
import java.time.Duration;

/**
 * The command was accepted by Ford but did not reach a final state within the command timeout. The car may still
 * act on it: check {@code status()} before sending it again.
 */
public class CommandTimeoutException extends CommandException {
    /** See {@link #getWaited()}. */
    private final Duration waited;
    /** See {@link #getLastKnownState()}. */
    private final CommandState lastKnownState;

    /**
     * @param message        what went wrong and what to do about it (never a secret)
     * @param vin            the car
     * @param commandType    Ford's command type, such as {@code remoteStart}
     * @param commandId      the id Ford gave the command, or {@code null} when it gave none
     * @param waited         how long the command was followed
     * @param lastKnownState the last state reported before giving up
     */
    public CommandTimeoutException(String message, String vin, String commandType, String commandId,
                                   Duration waited, CommandState lastKnownState) {
        super(message, vin, commandType, commandId, null);
        this.waited = waited;
        this.lastKnownState = lastKnownState;
    }

    /** {@return how long the command was followed} */
    public Duration getWaited() {
        return waited;
    }

    /** {@return the last state reported before giving up, such as {@link CommandState#QUEUED}} */
    public CommandState getLastKnownState() {
        return lastKnownState;
    }
}
