package io.connectedcar.http;

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

    public HttpRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(auth, "auth");
    }

    /** A request with no body, no credential, idempotent when the method is. */
    public static HttpRequest of(HttpMethod method, URI uri, String operation) {
        return new HttpRequest(method, uri, HttpHeaders.empty(), null, operation, AuthScheme.NONE,
            method.isIdempotentByDefault());
    }

    public HttpRequest withHeader(String name, String value) {
        return new HttpRequest(method, uri, headers.with(name, value), body, operation, auth, idempotent);
    }

    public HttpRequest withoutHeader(String name) {
        return new HttpRequest(method, uri, headers.without(name), body, operation, auth, idempotent);
    }

    public HttpRequest withHeaders(HttpHeaders newHeaders) {
        return new HttpRequest(method, uri, newHeaders, body, operation, auth, idempotent);
    }

    public HttpRequest withBody(byte[] newBody, String contentType) {
        return new HttpRequest(method, uri, headers.with("Content-Type", contentType), newBody, operation, auth,
            idempotent);
    }

    public HttpRequest withAuth(AuthScheme newAuth) {
        return new HttpRequest(method, uri, headers, body, operation, newAuth, idempotent);
    }

    public HttpRequest withIdempotent(boolean newIdempotent) {
        return new HttpRequest(method, uri, headers, body, operation, auth, newIdempotent);
    }

    public HttpRequest withUri(URI newUri) {
        return new HttpRequest(method, newUri, headers, body, operation, auth, idempotent);
    }

    /** The body as UTF-8 text, or an empty string. */
    /** {@return whether this is a websocket upgrade (a {@code ws://} or {@code wss://} URI)} */
    public boolean isWebSocket() {
        String scheme = uri.getScheme();
        return "ws".equalsIgnoreCase(scheme) || "wss".equalsIgnoreCase(scheme);
    }

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
