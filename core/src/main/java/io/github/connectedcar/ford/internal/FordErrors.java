package io.github.connectedcar.ford.internal;

import io.github.connectedcar.exception.AuthenticationRequiredException;
import io.github.connectedcar.exception.ConnectedCarException;
import io.github.connectedcar.exception.RateLimitedException;
import io.github.connectedcar.exception.ServiceException;
import io.github.connectedcar.http.HttpResponse;
import io.github.connectedcar.http.internal.RetryAfter;
import io.github.connectedcar.internal.Json;
import java.time.Clock;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * Turns an error response into a typed exception. Ford's services answer JSON with some of
 * {@code status/statusCode, message, errorCode, error, error_description}; Autonomic answers
 * {@code code, message, referenceId}; firewalls answer HTML. Parse what is there and never assume JSON.
 */
public final class FordErrors {
    private FordErrors() {
    }

    /** The exception for a non-success response. */
    public static ConnectedCarException toException(HttpResponse response, Clock clock) {
        String operation = response.request().operation();
        int status = response.status();
        JsonNode body = Json.parseObjectOrNull(response.body());
        String errorCode = firstText(body, "errorCode", "error", "code");
        String message = firstText(body, "error_description", "message", "errorMessage", "returnMessage");
        String requestId = firstText(body, "referenceId", "requestId", "request_id", "traceId");
        if (requestId == null) {
            requestId = firstHeader(response, "X-Request-Id", "x-ms-request-id", "X-Correlation-Id",
                "X-Amzn-RequestId");
        }
        String raw = response.bodyAsString();
        boolean html = body == null && raw.stripLeading().startsWith("<");

        if (FordApi.ERROR_CODE_INVALID_REFRESH_TOKEN.equals(errorCode)) {
            return new AuthenticationRequiredException("Ford refused the stored refresh token (" + operation
                + ": errorCode 460, " + (message == null ? "Invalid or Expired Token" : message)
                + "). Log in again in a browser: AuthAsyncClient.beginLogin() then completeLogin(...).");
        }
        if (status == 401) {
            return new AuthenticationRequiredException("Ford refused the credentials for " + operation
                + " (HTTP 401" + (message == null ? "" : ": " + message) + "). Log in again if this persists.");
        }
        if (status == 429 || status == 402) {
            Duration retryAfter = RetryAfter.of(response, clock)
                .orElse(status == 402 ? Duration.ofHours(1) : null);
            return new RateLimitedException("Ford is throttling this account (" + operation + ": HTTP " + status
                + (retryAfter == null ? "" : ", retry after " + retryAfter.toSeconds() + " s")
                + "). Make fewer calls: accounts above about 250-300 calls a day have been disabled.", retryAfter);
        }
        StringBuilder text = new StringBuilder("Ford answered HTTP ").append(status).append(" to ")
            .append(operation);
        if (errorCode != null) {
            text.append(" (error ").append(errorCode).append(')');
        }
        if (message != null) {
            text.append(": ").append(message);
        } else if (html) {
            text.append(": an HTML page instead of JSON (").append(status == 403
                ? "Ford's firewall refused the request; check the User-Agent and try again later"
                : "a gateway or firewall answered").append(')');
        }
        if (status == 403 && !html) {
            text.append(". The account may be disabled or lack access; check it in the FordPass app.");
        } else if (status >= 500) {
            text.append(". Ford's service failed; try again later.");
        }
        if (requestId != null) {
            text.append(" [request id ").append(requestId).append(']');
        }
        return new ServiceException(text.toString(), operation, status, errorCode, requestId, raw);
    }

    private static String firstText(JsonNode body, String... fields) {
        if (body == null) {
            return null;
        }
        for (String field : fields) {
            String value = Json.text(body, field);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static String firstHeader(HttpResponse response, String... names) {
        for (String name : names) {
            String value = response.headers().get(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
