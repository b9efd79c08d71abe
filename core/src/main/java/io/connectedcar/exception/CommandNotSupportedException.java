package io.connectedcar.exception;

/**
 * The vehicle list says this car does not offer the command, so it was not sent. If you know better (Ford's flags
 * are sometimes wrong), set {@code CommandOptions.withSkipCapabilityCheck(true)}.
 */
public class CommandNotSupportedException extends CommandException {
    private final String capability;

    public CommandNotSupportedException(String message, String vin, String commandType, String capability) {
        super(message, vin, commandType, null, null);
        this.capability = capability;
    }

    /** The capability flag the car lacks, such as {@code remoteStart}. */
    public String getCapability() {
        return capability;
    }
}
