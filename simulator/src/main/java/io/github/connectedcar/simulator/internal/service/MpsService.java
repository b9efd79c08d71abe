package io.github.connectedcar.simulator.internal.service;

import java.util.Locale;

import io.github.connectedcar.simulator.internal.account.AccountState;
import io.github.connectedcar.simulator.internal.http.Json;
import io.github.connectedcar.simulator.internal.http.Router;
import io.github.connectedcar.simulator.internal.http.SimRequest;
import io.github.connectedcar.simulator.internal.http.SimResponse;
import io.github.connectedcar.simulator.internal.vehicle.SimulatedVehicle;
import io.github.connectedcar.simulator.vehicle.Capability;
import io.github.connectedcar.simulator.vehicle.GuardModeState;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ford's MPS services on {@code api.mps.ford.com} (docs/ford-api.md §5.1, "not on Autonomic"): guard mode and zone lighting.
 * Single calls answered at once with {@code {"returnCode", "returnMessage"}}; there is no command id to follow.
 */
final class MpsService {

    static final String GUARD_MODE = "/api/gmfi/v1/session";
    static final String ZONE_LIGHTING = "/vehicles/vpfi/zonelightingactivation";
    static final String ZONE = "/vehicles/vpfi/{zone}/zonelightingzone";

    private final ServiceContext context;
    private final Guards guards;

    MpsService(ServiceContext context, Guards guards) {
        this.context = context;
        this.guards = guards;
    }

    void register(Router router) {
        router.get(GUARD_MODE, request -> guardMode(request, GuardAction.READ));
        router.put(GUARD_MODE, request -> guardMode(request, GuardAction.ENABLE));
        router.delete(GUARD_MODE, request -> guardMode(request, GuardAction.DISABLE));
        router.put(ZONE_LIGHTING, request -> zoneLighting(request, true));
        router.delete(ZONE_LIGHTING, request -> zoneLighting(request, false));
        router.put(ZONE, this::lightZone);
    }

    private enum GuardAction { READ, ENABLE, DISABLE }

    private SimResponse guardMode(SimRequest request, GuardAction action) {
        AccountState account = guards.requireCat(request);
        String vin = request.headerValue("x-vin").map(v -> v.toUpperCase(Locale.ROOT)).orElse(null);
        if (vin == null) {
            return returnCode(400, "Missing X-Vin header");
        }
        return ownedVehicle(account, vin, Capability.GUARD_MODE, v -> switch (action) {
            case READ -> {
                ObjectNode body = result(200, "Success");
                body.putObject("session").put("gmStatus", guardStatus(v.mps().guardMode()));
                yield SimResponse.json(200, body);
            }
            case ENABLE -> {
                v.mps().enableGuardMode();
                yield returnCode(200, "Success");
            }
            case DISABLE -> v.mps().disableGuardMode() ? returnCode(200, "Success")
                : returnCode(300, "Enrollment is still in progress");
        });
    }

    private static String guardStatus(GuardModeState state) {
        return switch (state) {
            case DISABLED -> "disable";
            case ENROLLING -> "enrolling";
            case ENABLED -> "enable";
        };
    }

    /** Zone lighting on (PUT) or off (DELETE, with a JSON body {@code {"vin":…}}). */
    private SimResponse zoneLighting(SimRequest request, boolean on) {
        AccountState account = guards.requireCat(request);
        String vin = vinOf(request);
        if (vin == null) {
            return returnCode(400, "Missing vin");
        }
        return ownedVehicle(account, vin, Capability.ZONE_LIGHTING, v -> {
            v.mps().setZoneLighting(on);
            return returnCode(200, "Success");
        });
    }

    /** Lights one zone: 0 all, 1 front, 2 rear, 3 driver, 4 passenger (up to the car's number of zones). */
    private SimResponse lightZone(SimRequest request) {
        AccountState account = guards.requireCat(request);
        String vin = vinOf(request);
        if (vin == null) {
            return returnCode(400, "Missing vin");
        }
        int zone;
        try {
            zone = Integer.parseInt(request.pathParam("zone"));
        } catch (NumberFormatException e) {
            return returnCode(400, "Zone must be a number 0-4");
        }
        int requested = zone;
        return ownedVehicle(account, vin, Capability.ZONE_LIGHTING, v -> {
            if (requested < 0 || requested > 4 || requested > v.spec().lightingZones()) {
                return returnCode(400, "Zone " + requested + " is not available; this vehicle has zones 0-"
                    + v.spec().lightingZones());
            }
            v.mps().lightZone(requested);
            return returnCode(200, "Success");
        });
    }

    private String vinOf(SimRequest request) {
        if (!request.body().isBlank()) {
            JsonNode vin = request.json().path("vin");
            if (vin.isString() && !vin.asString().isBlank()) {
                return vin.asString().toUpperCase(Locale.ROOT);
            }
        }
        return request.headerValue("x-vin").or(() -> request.headerValue("vin"))
            .map(v -> v.toUpperCase(Locale.ROOT)).orElse(null);
    }

    private SimResponse ownedVehicle(AccountState account, String vin, Capability capability,
                                     java.util.function.Function<SimulatedVehicle, SimResponse> action) {
        if (!context.world().owns(account.username(), vin)) {
            return returnCode(404, "Vehicle not found for this account");
        }
        return context.world().withVehicle(vin, v -> v.spec().has(capability) ? action.apply(v)
            : returnCode(400, "Vehicle " + vin + " does not support " + capability.wireName()))
            .orElseGet(() -> returnCode(404, "Vehicle not found"));
    }

    private static ObjectNode result(int code, String message) {
        return Json.object().put("returnCode", code).put("returnMessage", message);
    }

    /** MPS carries its verdict in {@code returnCode}: HTTP 200 for 200 and 300, the error status otherwise. */
    private static SimResponse returnCode(int code, String message) {
        return SimResponse.json(code >= 400 ? code : 200, result(code, message));
    }
}
