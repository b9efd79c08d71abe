package io.github.connectedcar.simulator.internal.service;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

import io.github.connectedcar.simulator.command.CommandTimings;
import io.github.connectedcar.simulator.internal.account.AccountState;
import io.github.connectedcar.simulator.internal.command.ApiVersion;
import io.github.connectedcar.simulator.internal.command.CommandRecord;
import io.github.connectedcar.simulator.internal.command.CommandType;
import io.github.connectedcar.simulator.internal.http.Json;
import io.github.connectedcar.simulator.internal.http.Router;
import io.github.connectedcar.simulator.internal.http.SimRequest;
import io.github.connectedcar.simulator.internal.http.SimResponse;
import io.github.connectedcar.simulator.vehicle.VehicleSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Autonomic commands (docs/ford-api.md §5.1): {@code POST /{v1|v1beta}/command/vehicles/{vin}/commands}. Checks the body,
 * that the type belongs to that base, carries the right {@code version}, suits the car (capability, plug), then
 * answers 201 with the command id and {@code currentStatus: REQUESTED}. Progress then shows in telemetry states.
 */
final class CommandService {

    static final String COMMANDS = "/{version}/command/vehicles/{vin}/commands";

    private static final Set<Integer> PANIC_DURATIONS = Set.of(1, 3, 5);

    private final ServiceContext context;
    private final Guards guards;
    private final CommandTimings timings;

    CommandService(ServiceContext context, Guards guards, CommandTimings timings) {
        this.context = context;
        this.guards = guards;
        this.timings = timings;
    }

    void register(Router router) {
        router.post(COMMANDS, this::send);
    }

    private SimResponse send(SimRequest request) {
        ApiVersion base = ApiVersion.ofPathSegment(request.pathParam("version"));
        if (base == null) {
            throw Guards.autonomicNotFound("No such resource: " + request.path());
        }
        AccountState account = guards.requireTmc(request);
        String vin = request.pathParam("vin").toUpperCase(Locale.ROOT);
        if (!context.world().owns(account.username(), vin)) {
            throw Guards.autonomicNotFound("vehicle " + vin + " not found");
        }
        JsonNode body = request.json();
        if (!body.isObject()) {
            throw Guards.autonomicBadRequest("The command body must be a JSON object");
        }
        JsonNode typeNode = body.path("type");
        if (!typeNode.isString() || typeNode.asString().isBlank()) {
            throw Guards.autonomicBadRequest("'type' is required");
        }
        String typeName = typeNode.asString();
        CommandType type = CommandType.ofWireName(typeName)
            .orElseThrow(() -> Guards.autonomicBadRequest("Unknown command type '" + typeName + "'"));
        if (type.apiVersion() != base) {
            throw Guards.autonomicBadRequest("Command type '" + typeName + "' is not available on /"
                + base.pathSegment() + "; send it to /" + type.apiVersion().pathSegment() + "/command/vehicles/"
                + vin + "/commands");
        }
        checkEnvelope(body, type);
        JsonNode properties = body.has("properties") && !body.get("properties").isNull() ? body.get("properties")
            : null;
        checkProperties(type, properties);
        Instant now = context.clock().now();
        CommandRecord command = new CommandRecord(Ids.random(), type,
            properties == null ? null : properties.deepCopy(), now, now.plus(timings.expiry()));
        ObjectNode answer = context.world().withVehicle(vin, v -> {
            checkSuits(v.spec(), type);
            v.commands().submit(command);
            ObjectNode a = Json.object().put("id", command.id());
            a.putObject("target").put("vehicleId", v.vehicleId()).put("vin", v.vin()).put("deviceId", v.deviceId());
            a.put("type", type.wireName())
                .put("currentStatus", "REQUESTED")
                .put("statusReason", "Command in progress")
                .put("createTime", Json.millis(now))
                .put("updateTime", Json.millis(now))
                .put("expireTime", Json.millis(command.expiresAt()))
                .put("failIfPrecluded", false)
                .put("wakeUp", body.path("wakeUp").asBoolean(true));
            return a;
        }).orElseThrow(() -> Guards.autonomicNotFound("vehicle " + vin + " not found"));
        return SimResponse.json(201, answer);
    }

    private static void checkEnvelope(JsonNode body, CommandType type) {
        if (body.has("wakeUp") && !body.get("wakeUp").isBoolean()) {
            throw Guards.autonomicBadRequest("'wakeUp' must be a boolean");
        }
        if (body.has("tags") && !body.get("tags").isObject()) {
            throw Guards.autonomicBadRequest("'tags' must be an object");
        }
        if (type.version().isPresent()) {
            String expected = type.version().get();
            JsonNode version = body.path("version");
            if (version.isMissingNode() || version.isNull()) {
                throw Guards.autonomicBadRequest("'" + type.wireName() + "' requires \"version\": \"" + expected
                    + "\"");
            }
            if (!version.asString().equals(expected)) {
                throw Guards.autonomicBadRequest("Unsupported version '" + version.asString() + "' for '"
                    + type.wireName() + "'; expected '" + expected + "'");
            }
        }
    }

    private static void checkProperties(CommandType type, JsonNode properties) {
        if (properties != null && !properties.isObject()) {
            throw Guards.autonomicBadRequest("'properties' must be an object");
        }
        switch (type) {
            case START_PANIC_CUE -> {
                JsonNode duration = properties == null ? null : properties.path("duration");
                if (duration == null || !duration.isIntegralNumber() || !PANIC_DURATIONS.contains(duration.asInt())) {
                    throw Guards.autonomicBadRequest("startPanicCue needs properties.duration of 1, 3 or 5");
                }
            }
            case UPDATE_CHARGE_SETTINGS -> {
                JsonNode settings = properties == null ? null : properties.path("chargeSettings");
                if (settings == null || !settings.isObject() || settings.isEmpty()) {
                    throw Guards.autonomicBadRequest("updateChargeSettingsCommand needs properties.chargeSettings");
                }
                for (String field : new String[] {"globalTargetSoc", "globalDCTargetSoc"}) {
                    JsonNode soc = settings.path(field);
                    if (soc.isMissingNode()) {
                        continue;
                    }
                    if (!soc.isNumber() || soc.asDouble() < 50 || soc.asDouble() > 100) {
                        throw Guards.autonomicBadRequest(field + " must be a number from 50 to 100");
                    }
                    if (soc.asDouble() < 80 && soc.asDouble() % 10 != 0) {
                        throw Guards.autonomicBadRequest(field + " below 80 must be a multiple of 10, got "
                            + soc.asString());
                    }
                }
            }
            case UPDATE_DEPARTURE_TIMES -> {
                if (properties == null || properties.isEmpty()) {
                    throw Guards.autonomicBadRequest("updateDepartureTimes needs the whole schedule in properties");
                }
            }
            case PUBLISH_ASU_SETTINGS -> {
                String state = properties == null ? "" : properties.path("ASUState").asString("");
                if (!state.equals("ON") && !state.equals("OFF")) {
                    throw Guards.autonomicBadRequest("publishASUSettingsCommand needs properties.ASUState ON or OFF");
                }
            }
            default -> {
            }
        }
    }

    /** A command the car cannot take is refused at once, before anything is queued. */
    private static void checkSuits(VehicleSpec spec, CommandType type) {
        if (type.requiresPlugIn() && !spec.engineType().isPlugIn()) {
            throw Guards.autonomicBadRequest("Vehicle " + spec.vin() + " (" + spec.engineType() + ") does not "
                + "support '" + type.wireName() + "': it has no charge port");
        }
        type.requiredCapability().ifPresent(capability -> {
            if (!spec.has(capability)) {
                throw Guards.autonomicBadRequest("Vehicle " + spec.vin() + " does not support '" + type.wireName()
                    + "' (capability " + capability.wireName() + " is NoDisplay)");
            }
        });
    }
}
