package io.github.connectedcar.simulator.internal.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps method and path to a handler. Templates use {@code {name}} for one path segment; a segment may carry a
 * literal suffix, as in Autonomic's {@code /vehicles/{vin}:query}. Unknown paths answer 404, known paths with
 * another method 405, both as JSON.
 */
public final class Router {

    /** A handler: synchronous and non-blocking (everything it touches is in memory). */
    @FunctionalInterface
    public interface Handler extends Function<SimRequest, SimResponse> {
    }

    private record Route(String method, String template, Pattern pattern, List<String> names, Handler handler) {
    }

    private final List<Route> routes = new ArrayList<>();

    public Router get(String template, Handler handler) {
        return add("GET", template, handler);
    }

    public Router post(String template, Handler handler) {
        return add("POST", template, handler);
    }

    public Router put(String template, Handler handler) {
        return add("PUT", template, handler);
    }

    public Router delete(String template, Handler handler) {
        return add("DELETE", template, handler);
    }

    public Router patch(String template, Handler handler) {
        return add("PATCH", template, handler);
    }

    public Router add(String method, String template, Handler handler) {
        List<String> names = new ArrayList<>();
        StringBuilder regex = new StringBuilder();
        Matcher m = Pattern.compile("\\{([A-Za-z]+)}").matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start())));
            regex.append("([^/:]+)");
            names.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        routes.add(new Route(method, template, Pattern.compile(regex.toString()), names, handler));
        return this;
    }

    /** Whether some route's template matches this path (any method). */
    public boolean knows(String path) {
        return routes.stream().anyMatch(r -> r.pattern.matcher(path).matches());
    }

    /**
     * Runs the matching handler; an {@link ApiException} becomes its response.
     */
    public SimResponse route(SimRequest request) {
        Set<String> allowed = new LinkedHashSet<>();
        for (Route route : routes) {
            Matcher m = route.pattern.matcher(request.path());
            if (!m.matches()) {
                continue;
            }
            if (!route.method.equals(request.method())) {
                allowed.add(route.method);
                continue;
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < route.names.size(); i++) {
                params.put(route.names.get(i), m.group(i + 1));
            }
            try {
                return route.handler.apply(request.withPathParams(params));
            } catch (ApiException e) {
                return e.response();
            }
        }
        if (!allowed.isEmpty()) {
            return SimResponse.json(405, Json.object().put("status", 405).put("error", "Method Not Allowed")
                .put("message", request.method() + " is not supported here; use " + String.join(", ", allowed)))
                .withHeader("Allow", String.join(", ", allowed));
        }
        return SimResponse.json(404, Json.object().put("status", 404).put("error", "Not Found")
            .put("message", "No such resource: " + request.path()));
    }
}
