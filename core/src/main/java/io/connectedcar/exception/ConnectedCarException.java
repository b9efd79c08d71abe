package io.connectedcar.exception;

/** The root of every error this SDK signals. Unchecked; messages never hold a secret. */
public class ConnectedCarException extends RuntimeException {
    public ConnectedCarException(String message) {
        super(message);
    }

    public ConnectedCarException(String message, Throwable cause) {
        super(message, cause);
    }
}
