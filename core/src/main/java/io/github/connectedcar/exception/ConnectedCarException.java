package io.github.connectedcar.exception;

/** The root of every error this SDK signals. Unchecked; messages never hold a secret. */
public class ConnectedCarException extends RuntimeException {
    /**
     * @param message what went wrong and what to do about it (never a secret)
     */
    public ConnectedCarException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it (never a secret)
     * @param cause   the error behind this one, or {@code null}
     */
    public ConnectedCarException(String message, Throwable cause) {
        super(message, cause);
    }
}
