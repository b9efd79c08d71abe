package io.connectedcar.exception;

/**
 * A Ford or Autonomic service answered with an error status. Carries the status, the service's own error code and
 * message where the body had them, the request id where known, and the body trimmed for diagnostics.
 */
public class ServiceException extends ConnectedCarException {
    /** Bodies are trimmed to this many characters in exceptions. */
    public static final int MAX_BODY_CHARS = 500;

    private final String operation;
    private final int status;
    private final String errorCode;
    private final String requestId;
    private final String body;

    public ServiceException(String message, String operation, int status, String errorCode, String requestId,
                            String body) {
        super(message);
        this.operation = operation;
        this.status = status;
        this.errorCode = errorCode;
        this.requestId = requestId;
        this.body = trim(body);
    }

    public static String trim(String body) {
        if (body == null) {
            return "";
        }
        String flat = body.strip();
        return flat.length() <= MAX_BODY_CHARS ? flat : flat.substring(0, MAX_BODY_CHARS) + "…";
    }

    /** The operation that failed, such as {@code telemetry}. */
    public String getOperation() {
        return operation;
    }

    public int getStatus() {
        return status;
    }

    /** The service's {@code errorCode}/{@code error}/{@code code}, or {@code null}. */
    public String getErrorCode() {
        return errorCode;
    }

    /** The request or reference id the service gave, or {@code null}. */
    public String getRequestId() {
        return requestId;
    }

    /** The response body, trimmed to {@value #MAX_BODY_CHARS} characters. */
    public String getBody() {
        return body;
    }
}
