package io.connectedcar.exception;

import java.time.Duration;

/**
 * A blocking call gave up waiting, or a token renewal got no answer in time. The operation may still complete on
 * Ford's side.
 */
public class OperationTimeoutException extends ConnectedCarException {
    private final Duration timeout;

    public OperationTimeoutException(String message, Duration timeout) {
        super(message);
        this.timeout = timeout;
    }

    public Duration getTimeout() {
        return timeout;
    }
}
