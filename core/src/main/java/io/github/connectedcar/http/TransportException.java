package io.github.connectedcar.http;

import io.github.connectedcar.exception.ConnectedCarException;

/**
 * No response arrived: the connection could not be made, broke, or timed out. {@link #requestMayHaveBeenSent()}
 * tells a command whether sending it again could make the car act twice.
 */
public class TransportException extends ConnectedCarException {
    /** See {@link #requestMayHaveBeenSent()}. */
    private final boolean requestMayHaveBeenSent;

    /**
     * @param message                what went wrong and what to do about it
     * @param requestMayHaveBeenSent whether the request may have reached the server
     * @param cause                  the error behind this one, or {@code null}
     */
    public TransportException(String message, boolean requestMayHaveBeenSent, Throwable cause) {
        super(message, cause);
        this.requestMayHaveBeenSent = requestMayHaveBeenSent;
    }

    /** {@return {@code false} only when the request certainly never left (for example, the connection was refused)} */
    public boolean requestMayHaveBeenSent() {
        return requestMayHaveBeenSent;
    }
}
