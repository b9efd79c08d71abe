package io.github.connectedcar.exception;

/**
 * A Ford or Autonomic service answered with an error status. Carries the status, the service's own error code and
 * message where the body had them, the request id where known, and the body trimmed for diagnostics.
 */
public class ServiceException extends ConnectedCarException {
    /** Bodies are trimmed to this many characters in exceptions. */
    public static final int MAX_BODY_CHARS = 500;

    /** See {@link #getOperation()}. */
    private final String operation;
    /** See {@link #getStatus()}. */
    private final int status;
    /** See {@link #getErrorCode()}. */
    private final String errorCode;
    /** See {@link #getRequestId()}. */
    private final String requestId;
    /** See {@link #getBody()}. */
    private final String body;

    /**
     * @param message   what went wrong and what to do about it (never a secret)
     * @param operation the SDK's name of the call, such as {@code telemetry}
     * @param status    the HTTP status
     * @param errorCode the service's own error code, or {@code null}
     * @param requestId the request or reference id the service gave, or {@code null}
     * @param body      the response body; trimmed to {@value #MAX_BODY_CHARS} characters
     */
    public ServiceException(String message, String operation, int status, String errorCode, String requestId,
                            String body) {
        super(message);
        this.operation = operation;
        this.status = status;
        this.errorCode = errorCode;
        this.requestId = requestId;
        this.body = trim(body);
    }

    /**
     * A body as kept for diagnostics: stripped, and cut to {@value #MAX_BODY_CHARS} characters.
     *
     * @param body the response body, or {@code null}
     * @return the body trimmed; empty for {@code null}
     */
    public static String trim(String body) {
        if (body == null) {
            return "";
        }
        String flat = body.strip();
        return flat.length() <= MAX_BODY_CHARS ? flat : flat.substring(0, MAX_BODY_CHARS) + "…";
    }

    /** {@return the operation that failed, such as {@code telemetry}} */
    public String getOperation() {
        return operation;
    }

    /** {@return the HTTP status the service answered} */
    public int getStatus() {
        return status;
    }

    /** {@return the service's {@code errorCode}/{@code error}/{@code code}, or {@code null}} */
    public String getErrorCode() {
        return errorCode;
    }

    /** {@return the request or reference id the service gave, or {@code null}} */
    public String getRequestId() {
        return requestId;
    }

    /** {@return the response body, trimmed to {@value #MAX_BODY_CHARS} characters} */
    public String getBody() {
        return body;
    }
}
