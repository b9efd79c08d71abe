package io.github.connectedcar.exception;

import java.time.Duration;

/**
 * A blocking call gave up waiting, or a token renewal got no answer in time. The operation may still complete on
 * Ford's side.
 */
public class OperationTimeoutException extends ConnectedCarException {
    /** See {@link #getTimeout()}. */
    private final Duration timeout;

    /**
     * @param message what went wrong and what to do about it (never a secret)
     * @param timeout how long was waited
     */
    public OperationTimeoutException(String message, Duration timeout) {
        super(message);
        this.timeout = timeout;
    }

    /** {@return how long was waited} */
    public Duration getTimeout() {
        return timeout;
    }
}
