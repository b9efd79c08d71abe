package io.github.connectedcar.http;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An HTTP response whose body has been read whole. Ford's bodies are small (tens of kilobytes), and reading every
 * body to its end is what returns a pooled connection, so no policy can leak one by discarding a response.
 *
 * @param request the request this answers (as it left the pipeline)
 * @param status  the status code
 * @param headers the headers
 * @param body    the body, empty when there was none
 */
public record HttpResponse(HttpRequest request, int status, HttpHeaders headers, byte[] body) {

    /**
     * Checks the values.
     *
     * @param request the request this answers (as it left the pipeline)
     * @param status  the status code
     * @param headers the headers
     * @param body    the body, empty when there was none
     * @throws IllegalArgumentException when a value is out of its range
     */
    public HttpResponse {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(headers, "headers");
        body = body == null ? new byte[0] : body;
    }

    /** {@return whether the status is 2xx} */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** {@return the body as UTF-8 text} */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "HttpResponse[" + status + " for " + request + ", " + body.length + " bytes]";
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
