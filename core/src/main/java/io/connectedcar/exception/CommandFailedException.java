package io.connectedcar.exception;

import io.connectedcar.model.CommandState;
import java.util.Optional;

/**
 * The car reported that it did not carry out the command ({@link CommandState#FAILED}, or
 * {@link CommandState#EXPIRED} for the {@link CommandExpiredException} subtype). Where Ford said why, the OEM error
 * code and context are here (from {@code value.data.commandError.commandExecutionFailure}).
 */
public class CommandFailedException extends CommandException {
    private final CommandState state;
    private final String fordState;
    private final String oemErrorCode;
    private final String oemErrorContext;

    public CommandFailedException(String message, String vin, String commandType, String commandId,
                                  CommandState state, String fordState, String oemErrorCode, String oemErrorContext) {
        super(message, vin, commandType, commandId, null);
        this.state = state;
        this.fordState = fordState;
        this.oemErrorCode = oemErrorCode;
        this.oemErrorContext = oemErrorContext;
    }

    /** {@link CommandState#FAILED} or {@link CommandState#EXPIRED}. */
    public CommandState getState() {
        return state;
    }

    /** Ford's own {@code toState}, such as {@code COMMAND_FAILED_ON_DEVICE}; empty when none was reported. */
    public Optional<String> getFordState() {
        return Optional.ofNullable(fordState);
    }

    /** Ford's {@code oemErrorCode}; empty when Ford gave no reason. */
    public Optional<String> getOemErrorCode() {
        return Optional.ofNullable(oemErrorCode);
    }

    /** Ford's {@code oemErrorContext}; empty when Ford gave none. */
    public Optional<String> getOemErrorContext() {
        return Optional.ofNullable(oemErrorContext);
    }
}
