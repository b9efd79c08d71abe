package io.github.connectedcar.exception;

/**
 * The command may have reached Ford, but the SDK cannot tell what became of it: the connection broke after the
 * request was written, Ford's gateway failed, Ford accepted it without an id, or following it failed. Commands are
 * not idempotent, so the SDK never sends it again. Check the car's {@code status()} before deciding to repeat it.
 */
public class CommandOutcomeUnknownException extends CommandException {
    /** See {@link #isAccepted()}. */
    private final boolean accepted;

    /**
     * @param message     what went wrong and what to do about it (never a secret)
     * @param vin         the car
     * @param commandType Ford's command type, such as {@code remoteStart}
     * @param commandId   the id Ford gave the command, or {@code null} when it gave none
     * @param accepted    whether Ford is known to have accepted the command before the trail was lost
     * @param cause       the error behind this one, or {@code null}
     */
    public CommandOutcomeUnknownException(String message, String vin, String commandType, String commandId,
                                          boolean accepted, Throwable cause) {
        super(message, vin, commandType, commandId, cause);
        this.accepted = accepted;
    }

    /** {@return whether Ford is known to have accepted the command (it answered 2xx) before the trail was lost} */
    public boolean isAccepted() {
        return accepted;
    }
}
