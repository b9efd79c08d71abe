package io.github.connectedcar.simulator.internal.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.netty.handler.codec.http.QueryStringDecoder;
import tools.jackson.databind.JsonNode;

/**
 * An HTTP request as the handlers see it: already fully read, headers looked up case-insensitively.
 *
 * @param method     upper-case method
 * @param path       decoded path without query
 * @param rawQuery   the query string exactly as sent (without '?'), empty if none
 * @param headers    header names lower-cased, first value of each
 * @param body       the body as UTF-8 text, empty if none
 * @param pathParams values of the route template's {@code {name}} segments
 */
public record SimRequest(String method, String path, String rawQuery, Map<String, String> headers, String body,
                         Map<String, String> pathParams) {

    public SimRequest {
        headers = Map.copyOf(headers);
        pathParams = Map.copyOf(pathParams);
    }

    /** Builds a request from raw parts; header names are normalised to lower case. */
    public static SimRequest of(String method, String uri, Map<String, String> rawHeaders, String body) {
        int q = uri.indexOf('?');
        String rawPath = q < 0 ? uri : uri.substring(0, q);
        String rawQuery = q < 0 ? "" : uri.substring(q + 1);
        Map<String, String> lower = new LinkedHashMap<>();
        rawHeaders.forEach((k, v) -> lower.putIfAbsent(k.toLowerCase(Locale.ROOT), v));
        // decodeComponent is made for queries and turns '+' into a space; in a path '+' is literal.
        String path = QueryStringDecoder.decodeComponent(rawPath.replace("+", "%2B"));
        return new SimRequest(method.toUpperCase(Locale.ROOT), path, rawQuery, lower, body == null ? "" : body,
            Map.of());
    }

    public SimRequest withPathParams(Map<String, String> params) {
        return new SimRequest(method, path, rawQuery, headers, body, params);
    }

    /** A header's value, or null when absent. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** A header's value when present and not blank. */
    public Optional<String> headerValue(String name) {
        String value = header(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    public String pathParam(String name) {
        return pathParams.get(name);
    }

    /** Decoded query parameters, first value of each. */
    public Map<String, String> query() {
        return firstValues(new QueryStringDecoder(rawQuery, false).parameters());
    }

    /** The body parsed as {@code application/x-www-form-urlencoded}, first value of each field. */
    public Map<String, String> form() {
        return firstValues(new QueryStringDecoder(body, false).parameters());
    }

    /**
     * The body parsed as JSON.
     *
     * @throws ApiException 400 when the body is not JSON
     */
    public JsonNode json() {
        return Json.parse(body);
    }

    private static Map<String, String> firstValues(Map<String, List<String>> params) {
        Map<String, String> result = new LinkedHashMap<>();
        params.forEach((k, v) -> result.put(k, v.isEmpty() ? "" : v.get(0)));
        return result;
    }
}
