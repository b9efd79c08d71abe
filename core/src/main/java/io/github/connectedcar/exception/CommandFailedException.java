package io.github.connectedcar.exception;

import io.github.connectedcar.model.CommandState;
import java.util.Optional;

/**
 * The car reported that it did not carry out the command ({@link CommandState#FAILED}, or
 * {@link CommandState#EXPIRED} for the {@link CommandExpiredException} subtype). Where Ford said why, the OEM error
 * code and context are here (from {@code value.data.commandError.commandExecutionFailure}).
 */
public class CommandFailedException extends CommandException {
    /** See {@link #getState()}. */
    private final CommandState state;
    /** See {@link #getFordState()}. */
    private final String fordState;
    /** See {@link #getOemErrorCode()}. */
    private final String oemErrorCode;
    /** See {@link #getOemErrorContext()}. */
    private final String oemErrorContext;

    /**
     * @param message         what went wrong and what to do about it (never a secret)
     * @param vin             the car
     * @param commandType     Ford's command type, such as {@code remoteStart}
     * @param commandId       the id Ford gave the command, or {@code null} when it gave none
     * @param state           {@link CommandState#FAILED} or {@link CommandState#EXPIRED}
     * @param fordState       Ford's own {@code toState}, or {@code null}
     * @param oemErrorCode    Ford's {@code oemErrorCode}, or {@code null}
     * @param oemErrorContext Ford's {@code oemErrorContext}, or {@code null}
     */
    public CommandFailedException(String message, String vin, String commandType, String commandId,
                                  CommandState state, String fordState, String oemErrorCode, String oemErrorContext) {
        super(message, vin, commandType, commandId, null);
        this.state = state;
        this.fordState = fordState;
        this.oemErrorCode = oemErrorCode;
        this.oemErrorContext = oemErrorContext;
    }

    /** {@return {@link CommandState#FAILED} or {@link CommandState#EXPIRED}} */
    public CommandState getState() {
        return state;
    }

    /** {@return Ford's own {@code toState}, such as {@code COMMAND_FAILED_ON_DEVICE}; empty when none was reported} */
    public Optional<String> getFordState() {
        return Optional.ofNullable(fordState);
    }

    /** {@return Ford's {@code oemErrorCode}; empty when Ford gave no reason} */
    public Optional<String> getOemErrorCode() {
        return Optional.ofNullable(oemErrorCode);
    }

    /** {@return Ford's {@code oemErrorContext}; empty when Ford gave none} */
    public Optional<String> getOemErrorContext() {
        return Optional.ofNullable(oemErrorContext);
    }
}
