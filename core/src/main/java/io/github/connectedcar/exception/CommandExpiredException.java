package io.github.connectedcar.exception;

import io.github.connectedcar.model.CommandState;

/**
 * The command expired before the car picked it up (Ford's {@code EXPIRED}): the car did nothing. Usually the car was
 * asleep or out of coverage; try again later.
 */
public class CommandExpiredException extends CommandFailedException {
    /**
     * @param message     what went wrong and what to do about it (never a secret)
     * @param vin         the car
     * @param commandType Ford's command type, such as {@code remoteStart}
     * @param commandId   the id Ford gave the command, or {@code null} when it gave none
     * @param fordState   Ford's own {@code toState}, or {@code null}
     */
    public CommandExpiredException(String message, String vin, String commandType, String commandId,
                                   String fordState) {
        super(message, vin, commandType, commandId, CommandState.EXPIRED, fordState, null, null);
    }
}
