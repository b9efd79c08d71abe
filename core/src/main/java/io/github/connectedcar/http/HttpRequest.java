package io.github.connectedcar.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An immutable HTTP request plus what the pipeline needs to know about it: the operation's name (for logs and
 * errors), the credential it carries and whether it may be retried. Policies change a request by making a copy.
 *
 * @param method      the HTTP method
 * @param uri         the absolute URI
 * @param headers     the headers
 * @param body        the body, or {@code null}
 * @param operation   a short name of the Ford operation, such as {@code telemetry}; used in logs and errors
 * @param auth        the credential the token policy adds
 * @param idempotent  whether the retry policy may send it again; commands never are
 */
public record HttpRequest(HttpMethod method, URI uri, HttpHeaders headers, byte[] body, String operation,
                          AuthScheme auth, boolean idempotent) {

    /**
     * Checks the values.
     *
     * @param method      the HTTP method
     * @param uri         the absolute URI
     * @param headers     the headers
     * @param body        the body, or {@code null}
     * @param operation   a short name of the Ford operation, such as {@code telemetry}; used in logs and errors
     * @param auth        the credential the token policy adds
     * @param idempotent  whether the retry policy may send it again; commands never are
     * @throws IllegalArgumentException when a value is out of its range
     */
    public HttpRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(auth, "auth");
    }

    /**
     * A request with no body, no credential, idempotent when the method is.
     *
     * @param method    the method
     * @param uri       the absolute URI
     * @param operation a short name of the Ford operation, such as {@code telemetry}
     * @return the request
     */
    public static HttpRequest of(HttpMethod method, URI uri, String operation) {
        return new HttpRequest(method, uri, HttpHeaders.empty(), null, operation, AuthScheme.NONE,
            method.isIdempotentByDefault());
    }

    /**
     * A copy with a header set.
     *
     * @param name  the name, kept as spelled
     * @param value the value
     * @return the copy
     */
    public HttpRequest withHeader(String name, String value) {
        return new HttpRequest(method, uri, headers.with(name, value), body, operation, auth, idempotent);
    }

    /**
     * A copy without a header.
     *
     * @param name the name, in any letter case
     * @return the copy
     */
    public HttpRequest withoutHeader(String name) {
        return new HttpRequest(method, uri, headers.without(name), body, operation, auth, idempotent);
    }

    /**
     * A copy with another {@code headers}.
     *
     * @param newHeaders the headers
     * @return the copy; this one is unchanged
     * @throws IllegalArgumentException when the value is out of its range
     */
    /**
     * A copy with other headers.
     *
     * @param newHeaders the headers, replacing all of these
     * @return the copy
     */
    public HttpRequest withHeaders(HttpHeaders newHeaders) {
        return new HttpRequest(method, uri, newHeaders, body, operation, auth, idempotent);
    }

    /**
     * A copy with a body and its {@code Content-Type}.
     *
     * @param newBody     the body
     * @param contentType its media type, such as {@code application/json}
     * @return the copy
     */
    public HttpRequest withBody(byte[] newBody, String contentType) {
        return new HttpRequest(method, uri, headers.with("Content-Type", contentType), newBody, operation, auth,
            idempotent);
    }

    /**
     * A copy with another {@code auth}.
     *
     * @param newAuth the credential the token policy adds
     * @return the copy; this one is unchanged
     * @throws IllegalArgumentException when the value is out of its range
     */
    /**
     * A copy with another credential for the token policy to add.
     *
     * @param newAuth the credential
     * @return the copy
     */
    public HttpRequest withAuth(AuthScheme newAuth) {
        return new HttpRequest(method, uri, headers, body, operation, newAuth, idempotent);
    }

    /**
     * A copy with another {@code idempotent}.
     *
     * @param newIdempotent whether the retry policy may send it again; commands never are
     * @return the copy; this one is unchanged
     * @throws IllegalArgumentException when the value is out of its range
     */
    /**
     * A copy that the retry policy may, or may not, send again.
     *
     * @param newIdempotent whether it may be sent again
     * @return the copy
     */
    public HttpRequest withIdempotent(boolean newIdempotent) {
        return new HttpRequest(method, uri, headers, body, operation, auth, newIdempotent);
    }

    /**
     * A copy with another {@code uri}.
     *
     * @param newUri the absolute URI
     * @return the copy; this one is unchanged
     * @throws IllegalArgumentException when the value is out of its range
     */
    /**
     * A copy to another URI.
     *
     * @param newUri the absolute URI
     * @return the copy
     */
    public HttpRequest withUri(URI newUri) {
        return new HttpRequest(method, newUri, headers, body, operation, auth, idempotent);
    }

    /** {@return whether this is a websocket upgrade (a {@code ws://} or {@code wss://} URI)} */
    public boolean isWebSocket() {
        String scheme = uri.getScheme();
        return "ws".equalsIgnoreCase(scheme) || "wss".equalsIgnoreCase(scheme);
    }

    /** {@return the body as UTF-8 text, or an empty string} */
    public String bodyAsString() {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    /** {@return method, path and operation only: query strings, headers and bodies may hold secrets} */
    @Override
    public String toString() {
        return "HttpRequest[" + method + " " + uri.getScheme() + "://" + uri.getAuthority() + uri.getRawPath()
            + " (" + operation + ")]";
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
