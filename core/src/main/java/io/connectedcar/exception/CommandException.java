package io.connectedcar.exception;

import java.util.Optional;

/**
 * Something about one command went wrong or is not known. Carries the VIN, the command type (Ford's string, such as
 * {@code remoteStart}) and the command id where Ford gave one.
 */
public class CommandException extends ConnectedCarException {
    private final String vin;
    private final String commandType;
    private final String commandId;

    public CommandException(String message, String vin, String commandType, String commandId, Throwable cause) {
        super(message, cause);
        this.vin = vin;
        this.commandType = commandType;
        this.commandId = commandId;
    }

    /** The car the command was for. */
    public String getVin() {
        return vin;
    }

    /** Ford's command type, such as {@code remoteStart}. */
    public String getCommandType() {
        return commandType;
    }

    /** The id Ford gave the command; empty when it was never accepted or Ford gave none. */
    public Optional<String> getCommandId() {
        return Optional.ofNullable(commandId);
    }
}
