package io.github.connectedcar.exception;

import java.util.Optional;

/**
 * Something about one command went wrong or is not known. Carries the VIN, the command type (Ford's string, such as
 * {@code remoteStart}) and the command id where Ford gave one.
 */
public class CommandException extends ConnectedCarException {
    /** See {@link #getVin()}. */
    private final String vin;
    /** See {@link #getCommandType()}. */
    private final String commandType;
    /** See {@link #getCommandId()}. */
    private final String commandId;

    /**
     * @param message     what went wrong and what to do about it (never a secret)
     * @param vin         the car
     * @param commandType Ford's command type, such as {@code remoteStart}
     * @param commandId   the id Ford gave the command, or {@code null} when it gave none
     * @param cause       the error behind this one, or {@code null}
     */
    public CommandException(String message, String vin, String commandType, String commandId, Throwable cause) {
        super(message, cause);
        this.vin = vin;
        this.commandType = commandType;
        this.commandId = commandId;
    }

    /** {@return the car the command was for} */
    public String getVin() {
        return vin;
    }

    /** {@return Ford's command type, such as {@code remoteStart}} */
    public String getCommandType() {
        return commandType;
    }

    /** {@return the id Ford gave the command; empty when it was never accepted or Ford gave none} */
    public Optional<String> getCommandId() {
        return Optional.ofNullable(commandId);
    }
}
