package io.connectedcar.http;

/**
 * The server answered a websocket upgrade with an HTTP status instead of switching protocols; {@link #status()}
 * lets a caller tell an expired token (401: renew it and reconnect) from other refusals.
 */
public class WebSocketRefusedException extends TransportException {
    private final int status;

    public WebSocketRefusedException(String message, int status, Throwable cause) {
        super(message, true, cause);
        this.status = status;
    }

    /** {@return the HTTP status of the refusal} */
    public int status() {
        return status;
    }
}
