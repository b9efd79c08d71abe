package io.connectedcar.exception;

import io.connectedcar.model.CommandState;

/**
 * The command expired before the car picked it up (Ford's {@code EXPIRED}): the car did nothing. Usually the car was
 * asleep or out of coverage; try again later.
 */
public class CommandExpiredException extends CommandFailedException {
    public CommandExpiredException(String message, String vin, String commandType, String commandId,
                                   String fordState) {
        super(message, vin, commandType, commandId, CommandState.EXPIRED, fordState, null, null);
    }
}
