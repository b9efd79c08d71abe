package io.github.connectedcar.exception;

/** A response could not be read as the JSON the operation expects. */
public class DecodeException extends ConnectedCarException {
    /** See {@link #getOperation()}. */
    private final String operation;

    /**
     * @param operation the SDK's name of the call, such as {@code telemetry}
     * @param message   what went wrong and what to do about it (never a secret)
     * @param cause     the error behind this one, or {@code null}
     */
    public DecodeException(String operation, String message, Throwable cause) {
        super(message, cause);
        this.operation = operation;
    }

    /** {@return the operation whose response was unreadable, such as {@code telemetry}} */
    public String getOperation() {
        return operation;
    }
}
