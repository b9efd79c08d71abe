package io.github.connectedcar.command.internal;

import io.github.connectedcar.command.ActionResult;
import io.github.connectedcar.command.ClimateProfile;
import io.github.connectedcar.command.CommandOptions;
import io.github.connectedcar.command.GuardModeStatus;
import io.github.connectedcar.command.LightingZone;
import io.github.connectedcar.exception.CommandOutcomeUnknownException;
import io.github.connectedcar.exception.ServiceException;
import io.github.connectedcar.ford.internal.FordApi.Operation;
import io.github.connectedcar.ford.internal.FordApi;
import io.github.connectedcar.ford.internal.FordCalls;
import io.github.connectedcar.http.HttpMethod;
import io.github.connectedcar.http.HttpRequest;
import io.github.connectedcar.http.HttpResponse;
import io.github.connectedcar.http.TransportException;
import io.github.connectedcar.internal.Json;
import io.github.connectedcar.model.Capability;
import io.github.connectedcar.model.GuardModeState;
import java.util.Objects;
import java.util.function.BiFunction;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The calls on Ford's own hosts that act on a car without a command id to follow (docs/ford-api.md §5.1, "Not on
 * Autonomic"): guard mode, zone lighting, the remote climate profile. Each is one request (two for zone lighting
 * on); a change is never sent again once it may have left.
 */
public final class VehicleActions {
    private final FordCalls calls;
    private final CapabilityCache capabilities;

    public VehicleActions(FordCalls calls, CapabilityCache capabilities) {
        this.calls = Objects.requireNonNull(calls, "calls");
        this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
    }

    /** Guard mode: GET status, PUT enable or DELETE disable, with the car in the X-Vin header. Lazy. */
    public Mono<ActionResult> guardMode(String vin, Operation operation, CommandOptions options) {
        return Mono.defer(() -> {
            HttpRequest request = calls.request(operation).withHeader(FordApi.GUARD_MODE_VIN_HEADER, vin);
            return require(vin, operation, Capability.GUARD_MODE, options)
                .then(send(vin, request, this::guardModeOutcome));
        });
    }

    /** Guard mode's state: the GET, with the state read from {@code session.gmStatus} where the answer has it. Lazy. */
    public Mono<GuardModeStatus> guardModeStatus(String vin, CommandOptions options) {
        return guardMode(vin, FordApi.GUARD_MODE_STATUS, options)
            .map(answer -> new GuardModeStatus(answer, answer.body().map(VehicleActions::guardModeState).orElse(null)));
    }

    private static GuardModeState guardModeState(JsonNode body) {
        JsonNode state = body;
        for (String step : FordApi.GUARD_MODE_STATE_PATH) {
            state = state.path(step);
        }
        return state.isString() && !state.asString().isBlank() ? GuardModeState.of(state.asString()) : null;
    }

    /** Zone lighting on: activation, then the zone. Lazy. */
    public Mono<ActionResult> zoneLightingOn(String vin, LightingZone zone, CommandOptions options) {
        Objects.requireNonNull(zone, "zone");
        return require(vin, FordApi.ZONE_LIGHTING_ON, Capability.ZONE_LIGHTING, options)
            .then(Mono.defer(() -> send(vin, withVin(calls.request(FordApi.ZONE_LIGHTING_ON), vin), this::accepted)))
            .then(Mono.defer(() -> send(vin, zoneRequest(vin, zone), this::accepted)));
    }

    /** Zone lighting off: a DELETE carrying {"vin"}. Lazy. */
    public Mono<ActionResult> zoneLightingOff(String vin, CommandOptions options) {
        return require(vin, FordApi.ZONE_LIGHTING_OFF, Capability.ZONE_LIGHTING, options)
            .then(Mono.defer(() -> send(vin, withVin(calls.request(FordApi.ZONE_LIGHTING_OFF), vin),
                this::accepted)));
    }

    /** Selects the lit zone. Lazy. */
    public Mono<ActionResult> selectLightingZone(String vin, LightingZone zone, CommandOptions options) {
        Objects.requireNonNull(zone, "zone");
        return require(vin, FordApi.ZONE_LIGHTING_ZONE, Capability.ZONE_LIGHTING, options)
            .then(Mono.defer(() -> send(vin, zoneRequest(vin, zone), this::accepted)));
    }

    /** Replaces the remote climate profile; Ford answers {"status": 200} when it took it. Lazy. */
    public Mono<ActionResult> updateClimateProfile(String vin, ClimateProfile profile, CommandOptions options) {
        byte[] body = Json.write(CommandBodies.climateProfile(vin, profile));
        return require(vin, FordApi.CLIMATE_PROFILE_UPDATE, Capability.REMOTE_CLIMATE_CONTROL, options)
            .then(Mono.defer(() -> send(vin, calls.request(FordApi.CLIMATE_PROFILE_UPDATE)
                .withBody(body, "application/json"), this::climateOutcome)));
    }

    private HttpRequest zoneRequest(String vin, LightingZone zone) {
        return withVin(calls.request(FordApi.ZONE_LIGHTING_ZONE, String.valueOf(zone.number())), vin);
    }

    private static HttpRequest withVin(HttpRequest request, String vin) {
        return request.withBody(Json.write(CommandBodies.vin(vin)), "application/json");
    }

    private Mono<Void> require(String vin, Operation operation, Capability capability, CommandOptions options) {
        return options.skipCapabilityCheck() ? Mono.empty()
            : capabilities.require(vin, operation.name(), capability);
    }

    private Mono<ActionResult> send(String vin, HttpRequest request,
                                    BiFunction<String, HttpResponse, ActionResult> outcome) {
        Mono<HttpResponse> response = calls.send(request);
        if (request.method() != HttpMethod.GET) {
            response = response.onErrorMap(error -> unknownOutcome(vin, request, error));
        }
        return response.map(r -> outcome.apply(vin, r));
    }

    private static Throwable unknownOutcome(String vin, HttpRequest request, Throwable error) {
        boolean maybeSent = error instanceof TransportException transport && transport.requestMayHaveBeenSent();
        boolean failedService = error instanceof ServiceException service && service.getStatus() >= 500;
        if (!maybeSent && !failedService) {
            return error;
        }
        return new CommandOutcomeUnknownException(request.operation() + " for " + vin + " may have reached Ford, "
            + "but no usable answer came (" + error.getMessage() + "). It was not sent again: check the car before "
            + "repeating it.", vin, request.operation(), null, false, error);
    }

    private ActionResult guardModeOutcome(String vin, HttpResponse response) {
        JsonNode body = Json.parseObjectOrNull(response.body());
        Long code = Json.number(body, FordApi.GUARD_MODE_RETURN_CODE);
        String message = Json.text(body, FordApi.GUARD_MODE_RETURN_MESSAGE);
        String operation = response.request().operation();
        if (code == null || code == FordApi.GUARD_MODE_OK) {
            return new ActionResult(vin, operation, ActionResult.Outcome.DONE, response.status(),
                code == null ? null : code.intValue(), message, body);
        }
        if (code == FordApi.GUARD_MODE_ENROLLMENT_IN_PROGRESS) {
            return new ActionResult(vin, operation, ActionResult.Outcome.ENROLLMENT_IN_PROGRESS, response.status(),
                code.intValue(), message, body);
        }
        throw new ServiceException("Ford's guard mode service answered " + operation + " for " + vin + " with "
            + "returnCode " + code + (message == null ? "" : ": " + message), operation, response.status(),
            String.valueOf(code), null, response.bodyAsString());
    }

    private ActionResult climateOutcome(String vin, HttpResponse response) {
        JsonNode body = Json.parseObjectOrNull(response.body());
        Long status = Json.number(body, FordApi.CLIMATE_STATUS);
        String operation = response.request().operation();
        if (status != null && status != FordApi.CLIMATE_STATUS_OK) {
            throw new ServiceException("Ford did not take the climate profile of " + vin + " (status " + status
                + " in the answer to " + operation + ")", operation, response.status(), String.valueOf(status), null,
                response.bodyAsString());
        }
        return new ActionResult(vin, operation, ActionResult.Outcome.DONE, response.status(),
            status == null ? null : status.intValue(), null, body);
    }

    private ActionResult accepted(String vin, HttpResponse response) {
        ObjectNode body = Json.parseObjectOrNull(response.body());
        return new ActionResult(vin, response.request().operation(), ActionResult.Outcome.DONE, response.status(),
            null, null, body);
    }
}
