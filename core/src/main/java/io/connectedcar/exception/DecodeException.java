package io.connectedcar.exception;

/** A response could not be read as the JSON the operation expects. */
public class DecodeException extends ConnectedCarException {
    private final String operation;

    public DecodeException(String operation, String message, Throwable cause) {
        super(message, cause);
        this.operation = operation;
    }

    /** The operation whose response was unreadable, such as {@code telemetry}. */
    public String getOperation() {
        return operation;
    }
}
