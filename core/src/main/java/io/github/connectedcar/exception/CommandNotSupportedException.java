package io.github.connectedcar.exception;

/**
 * The vehicle list says this car does not offer the command, so it was not sent. If you know better (Ford's flags
 * are sometimes wrong), set {@code CommandOptions.withSkipCapabilityCheck(true)}.
 */
public class CommandNotSupportedException extends CommandException {
    /** See {@link #getCapability()}. */
    private final String capability;

    /**
     * @param message     what went wrong and what to do about it (never a secret)
     * @param vin         the car
     * @param commandType Ford's command type, such as {@code remoteStart}
     * @param capability  the capability flag the car lacks, such as {@code remoteStart}
     */
    public CommandNotSupportedException(String message, String vin, String commandType, String capability) {
        super(message, vin, commandType, null, null);
        this.capability = capability;
    }

    /** {@return the capability flag the car lacks, such as {@code remoteStart}} */
    public String getCapability() {
        return capability;
    }
}
