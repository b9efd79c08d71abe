package io.github.connectedcar.simulator.internal.http;

import java.util.Objects;

/**
 * Thrown by handlers and guards to answer with an error response at once (a 401, a 400 with Ford's error body, a
 * 429...). The router turns it into its response; it is control flow, never logged as a failure.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient SimResponse response;

    public ApiException(SimResponse response) {
        super("HTTP " + response.status(), null, false, false);
        this.response = Objects.requireNonNull(response, "response");
    }

    public SimResponse response() {
        return response;
    }
}
