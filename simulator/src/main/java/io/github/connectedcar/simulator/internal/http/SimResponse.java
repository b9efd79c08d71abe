package io.github.connectedcar.simulator.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import tools.jackson.databind.JsonNode;

/**
 * A response decided by a handler, before it touches the wire. Keeping handlers free of Netty types lets the
 * front end apply faults, logging and quota uniformly, and keeps handlers trivially testable.
 *
 * @param status  HTTP status
 * @param headers response headers (besides content-length)
 * @param body    body bytes, possibly empty
 */
public record SimResponse(int status, Map<String, String> headers, byte[] body) {

    public SimResponse {
        headers = Map.copyOf(headers);
        body = Objects.requireNonNull(body, "body");
    }

    public static SimResponse json(int status, JsonNode node) {
        return new SimResponse(status, Map.of("Content-Type", "application/json"),
            Json.write(node).getBytes(StandardCharsets.UTF_8));
    }

    public static SimResponse html(int status, String html) {
        return new SimResponse(status, Map.of("Content-Type", "text/html; charset=utf-8"),
            html.getBytes(StandardCharsets.UTF_8));
    }

    /** A 302 to {@code location}, e.g. the {@code fordapp://userauthorized/?code=…} a browser cannot follow. */
    public static SimResponse redirect(String location) {
        return new SimResponse(302, Map.of("Location", location), new byte[0]);
    }

    public static SimResponse empty(int status) {
        return new SimResponse(status, Map.of(), new byte[0]);
    }

    /** A copy with one more header. */
    public SimResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new SimResponse(status, copy, body);
    }

    /** A copy with another body, same status and headers. */
    public SimResponse withBody(byte[] newBody) {
        return new SimResponse(status, headers, newBody);
    }

    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
