package io.github.connectedcar.ford.internal;

import io.github.connectedcar.exception.DecodeException;
import io.github.connectedcar.ford.Endpoints;
import io.github.connectedcar.ford.Region;
import io.github.connectedcar.http.HttpRequest;
import io.github.connectedcar.http.HttpResponse;
import io.github.connectedcar.http.internal.HttpPipeline;
import io.github.connectedcar.http.internal.WebSocketSession;
import io.github.connectedcar.internal.Json;
import io.github.connectedcar.model.ChargingSession;
import io.github.connectedcar.model.Vehicle;
import io.github.connectedcar.model.VehicleStatus;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * What every client of one account shares: the pipeline, where Ford lives, the region and the clock; plus the one
 * way a call's answer is judged (2xx, 207 included, is success; anything else becomes a typed exception).
 *
 * <p>The request of an operation with at most one path parameter (a car's VIN) is built once and kept: requests are
 * immutable, and building one parses a URI and copies its headers, on every status read otherwise.
 */
public final class FordCalls {
    /** More distinct requests than a large fleet's cars times their operations: past it the cache starts over. */
    static final int MAX_CACHED_REQUESTS = 4096;

    private final HttpPipeline pipeline;
    private final Endpoints endpoints;
    private final Region region;
    private final Clock clock;
    private final Map<RequestKey, HttpRequest> requests = new ConcurrentHashMap<>();

    /** The operation (by identity: the table's constants) and its only path parameter, or "" when it has none. */
    private record RequestKey(FordApi.Operation operation, String param) {
        @Override
        public boolean equals(Object o) {
            return o instanceof RequestKey other && other.operation == operation && other.param.equals(param);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(operation) * 31 + param.hashCode();
        }
    }

    /**
     * @param pipeline  the data pipeline (with the token policy)
     * @param endpoints the hosts
     * @param region    the account's region
     * @param clock     the clock (virtual in tests)
     */
    public FordCalls(HttpPipeline pipeline, Endpoints endpoints, Region region, Clock clock) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
        this.region = Objects.requireNonNull(region, "region");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public HttpPipeline pipeline() {
        return pipeline;
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    public Region region() {
        return region;
    }

    public Clock clock() {
        return clock;
    }

    /** The request for an operation of the endpoint table; the same instance for the same operation and car. */
    public HttpRequest request(FordApi.Operation operation, String... pathParams) {
        if (pathParams.length > 1 || pathParams.length == 1 && pathParams[0] == null) {
            return operation.request(endpoints, region, pathParams);
        }
        RequestKey key = new RequestKey(operation, pathParams.length == 0 ? "" : pathParams[0]);
        HttpRequest cached = requests.get(key);
        if (cached != null) {
            return cached;
        }
        HttpRequest built = operation.request(endpoints, region, pathParams);
        if (requests.size() >= MAX_CACHED_REQUESTS) {
            requests.clear();
        }
        requests.put(key, built);
        return built;
    }

    /** Sends the request; a non-2xx answer becomes the matching typed exception. Lazy. */
    public Mono<HttpResponse> send(HttpRequest request) {
        return pipeline.send(request).handle((response, sink) -> {
            if (response.isSuccess()) {
                sink.next(response);
            } else {
                sink.error(FordErrors.toException(response, clock));
            }
        });
    }

    /** Sends the request and reads the answer as JSON. Lazy. */
    public Mono<JsonNode> json(HttpRequest request) {
        return send(request).map(FordCalls::parse);
    }

    /** The full telemetry of one car (docs/ford-api.md §4.2). Lazy. */
    public Mono<JsonNode> telemetry(String vin) {
        return json(request(FordApi.TELEMETRY, vin));
    }

    /**
     * The status of one car (docs/ford-api.md §4.2), read from the answer's bytes straight into a
     * {@link io.github.connectedcar.model.VehicleStatus}. Lazy.
     */
    public Mono<VehicleStatus> status(String vin) {
        return send(request(FordApi.TELEMETRY, vin)).map(response -> TelemetryMapper.parse(response.body()));
    }

    /**
     * The car's charging sessions from its energy-transfer log (docs/ford-api.md §4.4), newest first. Lazy.
     *
     * @param maxRecords how many sessions to ask for
     */
    public Flux<ChargingSession> chargingSessions(String vin, int maxRecords) {
        return json(request(FordApi.ENERGY_TRANSFER_LOGS, Integer.toString(maxRecords))
                .withHeader(FordApi.ENERGY_TRANSFER_LOGS_DEVICE_HEADER, vin))
            .flatMapIterable(ChargeLogMapper::toSessions);
    }

    /** The account's vehicles with their profiles and capabilities (docs/ford-api.md §4.1). Lazy. */
    public Flux<Vehicle> vehicles() {
        return json(request(FordApi.VEHICLE_DASHBOARD)
                .withBody(FordApi.VEHICLE_DASHBOARD_BODY.getBytes(StandardCharsets.UTF_8), "application/json"))
            .flatMapIterable(VehicleListMapper::toVehicles);
    }

    /**
     * Opens the telemetry websocket of one car through the pipeline (docs/ford-api.md §6). Lazy.
     *
     * @param outbound frames to send once it is open
     */
    public Mono<WebSocketSession> telemetryWebSocket(String vin, Publisher<String> outbound) {
        // The upgrade is built per subscription and left out of the request cache: a socket opens once in hours,
        // and a status stream keeps this Mono (so whatever it holds) for its whole life.
        return Mono.defer(() -> pipeline.websocket(FordApi.TELEMETRY_WEBSOCKET.request(endpoints, region, vin),
            outbound));
    }

    /**
     * The response body as a JSON tree.
     *
     * @throws DecodeException naming the operation when the body is not JSON
     */
    public static JsonNode parse(HttpResponse response) {
        String operation = response.request().operation();
        if (response.body().length == 0) {
            throw new DecodeException(operation, "The " + operation + " response (HTTP " + response.status()
                + ") had an empty body where JSON was expected", null);
        }
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (JacksonException e) {
            throw new DecodeException(operation, "The " + operation + " response (HTTP " + response.status()
                + ") is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
