package io.github.connectedcar.simulator;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import java.util.Set;
import java.util.function.Function;

import io.github.connectedcar.simulator.fault.Fault;
import io.github.connectedcar.simulator.internal.http.ApiException;
import io.github.connectedcar.simulator.internal.http.Json;
import io.github.connectedcar.simulator.internal.http.Router;
import io.github.connectedcar.simulator.internal.http.SimRequest;
import io.github.connectedcar.simulator.internal.http.SimResponse;
import io.github.connectedcar.simulator.record.RecordedRequest;
import io.github.connectedcar.simulator.vehicle.Door;
import io.github.connectedcar.simulator.vehicle.Wheel;
import io.github.connectedcar.simulator.vehicle.Window;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The admin API under {@code /_simulator}: the HTTP mirror of {@link FordCloudSimulator}'s Java controls, for
 * driving a standalone simulator from scripts or another language. JSON in, JSON out; errors are 400 with
 * {@code {"error": …}}.
 */
final class AdminApi {

    static final List<String> ENDPOINTS = List.of(
        "GET    /_simulator                                  overview: clock, accounts, vehicles, endpoints",
        "POST   /_simulator/reset                            back to the initial state",
        "GET    /_simulator/clock                            {now, speed}",
        "POST   /_simulator/clock/advance                    {\"seconds\": n} or {\"duration\": \"PT5M\"}",
        "PUT    /_simulator/clock/speed                      {\"speed\": 60}",
        "GET    /_simulator/vehicles                         summaries",
        "GET    /_simulator/vehicles/{vin}                   {summary, telemetry}",
        "PATCH  /_simulator/vehicles/{vin}                   {doors:{REAR_LEFT:OPEN}, hood, locked, deepSleep, "
            + "stateOfCharge, pluggedIn, charging, chargePowerKw, fuelLevel, outsideTemperature, battery12v, "
            + "tirePressure:{FRONT_LEFT:180}, windows:{DRIVER_FRONT:50}, indicators:{name:true}, "
            + "position:{lat,lon}, drive:{speedKmh,heading}|false}",
        "GET    /_simulator/faults                           armed faults",
        "POST   /_simulator/faults                           {type: latency|status|rateLimited|reset|responseLost|"
            + "malformed, pathPrefix, times|always, status, millis, retryAfterSeconds}",
        "DELETE /_simulator/faults                           disarm all",
        "POST   /_simulator/websockets/drop                  {pathPrefix}",
        "GET    /_simulator/accounts                         quota counters, disabled flags",
        "POST   /_simulator/accounts/{username}/expire-tokens {includeRefreshTokens: false}",
        "POST   /_simulator/accounts/{username}/enable       re-enable, clear counters",
        "GET    /_simulator/quota                            the policy",
        "PUT    /_simulator/quota                            {requestsPerWindow, windowSeconds, retryAfterSeconds, "
            + "disableAfterRejections}",
        "GET    /_simulator/requests                         the record (?pathPrefix=/v1)",
        "DELETE /_simulator/requests                         clear the record");

    private static final Set<String> VEHICLE_FIELDS = Set.of("doors", "hood", "locked", "deepSleep",
        "stateOfCharge", "pluggedIn", "charging", "chargePowerKw", "fuelLevel", "outsideTemperature", "battery12v",
        "tirePressure", "windows", "indicators", "position", "drive");

    private final FordCloudSimulator sim;

    AdminApi(FordCloudSimulator sim) {
        this.sim = sim;
    }

    Router router() {
        Router r = new Router();
        r.get("/_simulator", this::overview);
        r.post("/_simulator/reset", req -> {
            sim.reset();
            return ok(Json.object().put("reset", true));
        });
        r.get("/_simulator/clock", req -> ok(clock()));
        r.post("/_simulator/clock/advance", this::advance);
        r.put("/_simulator/clock/speed", req -> guarded(() -> {
            sim.setSpeed(requireNumber(req.json(), "speed"));
            return ok(clock());
        }));
        r.get("/_simulator/vehicles", req -> ok(Json.MAPPER.valueToTree(sim.world()
            .withAllVehicles(vs -> vs.stream().map(v -> v.summary()).toList()))));
        r.get("/_simulator/vehicles/{vin}", req -> vehicle(req, control -> {
            ObjectNode body = Json.object();
            body.set("summary", Json.MAPPER.valueToTree(control.summary()));
            body.set("telemetry", control.telemetry());
            return ok(body);
        }));
        r.patch("/_simulator/vehicles/{vin}", req -> vehicle(req, control -> patchVehicle(control, req.json())));
        r.get("/_simulator/faults", req -> ok(faults()));
        r.post("/_simulator/faults", req -> guarded(() -> {
            sim.faults().inject(fault(req.json()));
            return ok(faults());
        }));
        r.delete("/_simulator/faults", req -> {
            sim.faults().clear();
            return ok(faults());
        });
        r.post("/_simulator/websockets/drop", req -> {
            String prefix = req.body().isBlank() ? "/" : req.json().path("pathPrefix").asString("/");
            return ok(Json.object().put("dropped", sim.faults().dropWebsockets(prefix)));
        });
        r.get("/_simulator/accounts", req -> ok(accounts()));
        r.post("/_simulator/accounts/{username}/expire-tokens", req -> guarded(() -> {
            boolean refresh = !req.body().isBlank() && req.json().path("includeRefreshTokens").asBoolean(false);
            int count = sim.expireTokens(req.pathParam("username"), refresh);
            return ok(Json.object().put("expired", count));
        }));
        r.post("/_simulator/accounts/{username}/enable", req -> guarded(() -> {
            sim.enableAccount(req.pathParam("username"));
            return ok(accounts());
        }));
        r.get("/_simulator/quota", req -> ok(quota(sim.quota())));
        r.put("/_simulator/quota", this::setQuota);
        r.get("/_simulator/requests", this::requests);
        r.delete("/_simulator/requests", req -> {
            sim.requests().clear();
            return ok(Json.object().put("cleared", true));
        });
        return r;
    }

    private SimResponse overview(SimRequest request) {
        ObjectNode body = Json.object();
        body.put("baseUrl", sim.baseUrl());
        body.set("clock", clock());
        body.set("accounts", accounts());
        ArrayNode endpoints = body.putArray("adminEndpoints");
        ENDPOINTS.forEach(endpoints::add);
        return ok(body);
    }

    private ObjectNode clock() {
        return Json.object().put("now", Json.millis(sim.clock().now())).put("speed", sim.clock().speed());
    }

    private SimResponse advance(SimRequest request) {
        return guarded(() -> {
            JsonNode body = request.json();
            Duration duration;
            if (body.path("duration").isString()) {
                try {
                    duration = Duration.parse(body.path("duration").asString());
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("duration must be ISO-8601 like PT5M");
                }
            } else {
                duration = Duration.ofMillis(Math.round(requireNumber(body, "seconds") * 1000));
            }
            sim.advance(duration);
            return ok(clock());
        });
    }

    private SimResponse vehicle(SimRequest request, Function<VehicleControl, SimResponse> action) {
        return guarded(() -> action.apply(sim.vehicle(request.pathParam("vin"))));
    }

    private SimResponse patchVehicle(VehicleControl control, JsonNode body) {
        if (!body.isObject()) {
            throw new IllegalArgumentException("Body must be a JSON object");
        }
        for (String field : body.propertyNames()) {
            if (!VEHICLE_FIELDS.contains(field)) {
                throw new IllegalArgumentException("Unknown field '" + field + "'; known: " + VEHICLE_FIELDS);
            }
        }
        body.path("doors").forEachEntry((door, state) -> {
            Door d = enumValue(Door.class, door);
            if (isOpen(state)) {
                control.openDoor(d);
            } else {
                control.closeDoor(d);
            }
        });
        if (body.has("hood")) {
            control.setHoodOpen(isOpen(body.get("hood")));
        }
        if (body.has("locked")) {
            control.setLocked(requireBoolean(body, "locked"));
        }
        if (body.has("deepSleep")) {
            control.setDeepSleep(requireBoolean(body, "deepSleep"));
        }
        if (body.has("pluggedIn")) {
            if (requireBoolean(body, "pluggedIn")) {
                control.plugIn();
            } else {
                control.unplug();
            }
        }
        if (body.has("stateOfCharge")) {
            control.setStateOfCharge(requireNumber(body, "stateOfCharge"));
        }
        if (body.has("chargePowerKw")) {
            control.setChargePowerKw(requireNumber(body, "chargePowerKw"));
        }
        if (body.has("charging")) {
            control.setCharging(requireBoolean(body, "charging"));
        }
        if (body.has("fuelLevel")) {
            control.setFuelLevel(requireNumber(body, "fuelLevel"));
        }
        if (body.has("outsideTemperature")) {
            control.setOutsideTemperature(requireNumber(body, "outsideTemperature"));
        }
        if (body.has("battery12v")) {
            control.setBattery12vPercent(requireNumber(body, "battery12v"));
        }
        body.path("tirePressure").forEachEntry((wheel, kpa) ->
            control.setTirePressure(enumValue(Wheel.class, wheel), number(kpa, "tirePressure." + wheel)));
        body.path("windows").forEachEntry((window, percent) ->
            control.setWindowOpenPercent(enumValue(Window.class, window), number(percent, "windows." + window)));
        body.path("indicators").forEachEntry((name, on) -> {
            if (!on.isBoolean()) {
                throw new IllegalArgumentException("indicators." + name + " must be true or false");
            }
            control.setIndicator(name, on.asBoolean());
        });
        if (body.has("position")) {
            JsonNode p = body.get("position");
            control.setPosition(requireNumber(p, "lat"), requireNumber(p, "lon"));
        }
        if (body.has("drive")) {
            JsonNode drive = body.get("drive");
            if (drive.isObject()) {
                control.startDriving(requireNumber(drive, "speedKmh"), drive.path("heading").asDouble(0));
            } else {
                control.stopDriving();
            }
        }
        ObjectNode answer = Json.object();
        answer.set("summary", Json.MAPPER.valueToTree(control.summary()));
        return ok(answer);
    }

    private static boolean isOpen(JsonNode state) {
        if (state.isBoolean()) {
            return state.asBoolean();
        }
        String s = state.asString("").toUpperCase(Locale.ROOT);
        if (!s.equals("OPEN") && !s.equals("CLOSED")) {
            throw new IllegalArgumentException("Expected OPEN or CLOSED (or true/false), got " + state);
        }
        return s.equals("OPEN");
    }

    private static Fault fault(JsonNode body) {
        String type = body.path("type").asString("");
        Fault fault = switch (type) {
            case "latency" -> Fault.latency(Duration.ofMillis(Math.round(requireNumber(body, "millis"))));
            case "status" -> Fault.status((int) requireNumber(body, "status"));
            case "rateLimited" -> Fault.rateLimited(Duration.ofSeconds(body.path("retryAfterSeconds").asLong(62)));
            case "reset" -> Fault.connectionReset();
            case "responseLost" -> Fault.responseLost();
            case "malformed" -> Fault.malformedBody();
            default -> throw new IllegalArgumentException("Unknown fault type '" + type + "'; use latency, status, "
                + "rateLimited, reset, responseLost or malformed");
        };
        if (body.path("pathPrefix").isString()) {
            fault = fault.onPath(body.path("pathPrefix").asString());
        }
        if (body.path("always").asBoolean(false)) {
            fault = fault.always();
        } else if (body.has("times")) {
            fault = fault.times((int) requireNumber(body, "times"));
        }
        return fault;
    }

    private ArrayNode faults() {
        ArrayNode list = Json.array();
        for (Fault f : sim.faults().active()) {
            list.add(Json.object().put("kind", f.kind().name()).put("pathPrefix", f.pathPrefix())
                .put("remaining", f.times()).put("status", f.status()).put("latencyMillis", f.latency().toMillis())
                .put("retryAfterSeconds", f.retryAfter().toSeconds()));
        }
        return list;
    }

    private ArrayNode accounts() {
        ArrayNode list = Json.array();
        sim.accountStates().forEach(a -> list.add(Json.MAPPER.<JsonNode>valueToTree(a.snapshot())));
        return list;
    }

    private SimResponse setQuota(SimRequest request) {
        return guarded(() -> {
            JsonNode body = request.json();
            QuotaPolicy current = sim.quota();
            QuotaPolicy policy = new QuotaPolicy(
                body.path("requestsPerWindow").asInt(current.requestsPerWindow()),
                body.has("windowSeconds") ? Duration.ofSeconds(body.path("windowSeconds").asLong())
                    : current.window(),
                body.has("retryAfterSeconds") ? Duration.ofSeconds(body.path("retryAfterSeconds").asLong())
                    : current.retryAfter(),
                body.path("disableAfterRejections").asInt(current.disableAfterRejections()));
            sim.setQuota(policy);
            return ok(quota(policy));
        });
    }

    private static ObjectNode quota(QuotaPolicy p) {
        return Json.object().put("requestsPerWindow", p.requestsPerWindow()).put("windowSeconds",
                p.window().toSeconds()).put("retryAfterSeconds", p.retryAfter().toSeconds())
            .put("disableAfterRejections", p.disableAfterRejections());
    }

    private SimResponse requests(SimRequest request) {
        String prefix = request.query().getOrDefault("pathPrefix", "/");
        ArrayNode list = Json.array();
        for (RecordedRequest r : sim.requests().matching(x -> x.path().startsWith(prefix))) {
            ObjectNode entry = Json.object().put("time", Json.millis(r.time())).put("method", r.method())
                .put("path", r.path()).put("query", r.query()).put("authKind", r.authKind().name())
                .put("account", r.account()).put("status", r.status());
            entry.set("headers", Json.MAPPER.valueToTree(r.headers()));
            list.add(entry);
        }
        return ok(list);
    }

    // ---------------------------------------------------------------- helpers

    /** Runs an admin action, turning an invalid argument or state into a 400 with its message. */
    private static SimResponse guarded(java.util.function.Supplier<SimResponse> action) {
        try {
            return action.get();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ApiException(SimResponse.json(400, Json.object().put("error", e.getMessage())));
        }
    }

    private static SimResponse ok(JsonNode body) {
        return SimResponse.json(200, body);
    }

    private static double requireNumber(JsonNode node, String field) {
        return number(node.path(field), field);
    }

    private static double number(JsonNode value, String field) {
        if (!value.isNumber()) {
            throw new IllegalArgumentException("'" + field + "' must be a number");
        }
        return value.asDouble();
    }

    private static boolean requireBoolean(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isBoolean()) {
            throw new IllegalArgumentException("'" + field + "' must be true or false");
        }
        return value.asBoolean();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown " + type.getSimpleName() + " '" + name + "'; known: "
                + List.of(type.getEnumConstants()));
        }
    }

}
