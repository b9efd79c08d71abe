package io.connectedcar.exception;

/**
 * The command may have reached Ford, but the SDK cannot tell what became of it: the connection broke after the
 * request was written, Ford's gateway failed, Ford accepted it without an id, or following it failed. Commands are
 * not idempotent, so the SDK never sends it again. Check the car's {@code status()} before deciding to repeat it.
 */
public class CommandOutcomeUnknownException extends CommandException {
    private final boolean accepted;

    public CommandOutcomeUnknownException(String message, String vin, String commandType, String commandId,
                                          boolean accepted, Throwable cause) {
        super(message, vin, commandType, commandId, cause);
        this.accepted = accepted;
    }

    /** Whether Ford is known to have accepted the command (it answered 2xx) before the trail was lost. */
    public boolean isAccepted() {
        return accepted;
    }
}
