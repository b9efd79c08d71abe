package io.github.connectedcar.http;

/**
 * The server answered a websocket upgrade with an HTTP status instead of switching protocols; {@link #status()}
 * lets a caller tell an expired token (401: renew it and reconnect) from other refusals.
 */
public class WebSocketRefusedException extends TransportException {
    /** See {@link #status()}. */
    private final int status;

    /**
     * @param message what went wrong and what to do about it
     * @param status  the HTTP status the upgrade was refused with
     * @param cause   the error behind this one, or {@code null}
     */
    public WebSocketRefusedException(String message, int status, Throwable cause) {
        super(message, true, cause);
        this.status = status;
    }

    /** {@return the HTTP status of the refusal} */
    public int status() {
        return status;
    }
}
