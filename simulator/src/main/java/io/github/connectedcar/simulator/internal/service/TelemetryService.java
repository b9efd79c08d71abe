package io.github.connectedcar.simulator.internal.service;

import java.util.ArrayList;
import java.util.List;

import io.github.connectedcar.simulator.internal.account.AccountState;
import io.github.connectedcar.simulator.internal.http.Router;
import io.github.connectedcar.simulator.internal.http.SimRequest;
import io.github.connectedcar.simulator.internal.http.SimResponse;
import io.github.connectedcar.simulator.internal.vehicle.TelemetryRenderer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Autonomic telemetry (docs/ford-api.md §4, §4.2): the full status of a vehicle, and chosen metrics through
 * {@code :query}. Bearer TMC required; a VIN not on the caller's account answers 404.
 */
final class TelemetryService {

    static final String STATUS = "/v1/telemetry/sources/fordpass/vehicles/{vin}";
    static final String QUERY = "/v1beta/telemetry/sources/fordpass/vehicles/{vin}:query";

    private final ServiceContext context;
    private final Guards guards;

    TelemetryService(ServiceContext context, Guards guards) {
        this.context = context;
        this.guards = guards;
    }

    void register(Router router) {
        router.get(STATUS, this::status);
        router.post(QUERY, this::query);
    }

    /** The full document; the app's {@code ?lrdt=…} parameter is accepted and has no effect. */
    private SimResponse status(SimRequest request) {
        AccountState account = guards.requireTmc(request);
        String vin = ownedVin(account, request.pathParam("vin"));
        ObjectNode body = context.world().withVehicle(vin, TelemetryRenderer::full)
            .orElseThrow(() -> Guards.autonomicNotFound("vehicle not found"));
        return SimResponse.json(200, body);
    }

    private SimResponse query(SimRequest request) {
        AccountState account = guards.requireTmc(request);
        String vin = ownedVin(account, request.pathParam("vin"));
        JsonNode include = request.json().path("includeMetrics");
        if (!include.isArray()) {
            throw Guards.autonomicBadRequest("includeMetrics must be an array of metric names");
        }
        List<String> names = new ArrayList<>();
        include.forEach(n -> names.add(n.asString()));
        ObjectNode body = context.world().withVehicle(vin, v -> TelemetryRenderer.query(v, names))
            .orElseThrow(() -> Guards.autonomicNotFound("vehicle not found"));
        return SimResponse.json(200, body);
    }

    private String ownedVin(AccountState account, String vin) {
        String upper = vin.toUpperCase(java.util.Locale.ROOT);
        if (!context.world().owns(account.username(), upper)) {
            throw Guards.autonomicNotFound("vehicle " + upper + " not found");
        }
        return upper;
    }
}
