package io.github.connectedcar.simulator.internal.service;

import java.util.Locale;
import java.util.Optional;

import io.github.connectedcar.simulator.internal.account.AccountState;
import io.github.connectedcar.simulator.internal.http.Json;
import io.github.connectedcar.simulator.internal.http.Router;
import io.github.connectedcar.simulator.internal.http.SimRequest;
import io.github.connectedcar.simulator.internal.http.SimResponse;
import io.github.connectedcar.simulator.internal.vehicle.SimulatedVehicle;
import io.github.connectedcar.simulator.vehicle.Capability;
import io.github.connectedcar.simulator.vehicle.EngineType;
import io.github.connectedcar.simulator.vehicle.VehicleSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ford's account and vehicle services on {@code api.vehicle.ford.com/api} and the message center on
 * {@code api.foundational.ford.com/api} (docs/ford-api.md §4): the vehicle list (answered 207), the garage, messages, the
 * remote-climate profile, preferred charge times and the energy-transfer (charging) log. All need {@code Application-Id} and {@code auth-token}.
 */
final class FordVehicleService {

    static final String DASHBOARD = "/api/expdashboard/v1/details/";
    static final String GARAGE = "/api/fpcpl-user-garage-service/v1/user/garage";
    static final String MESSAGES = "/api/messagecenter/v3/messages";
    static final String RCC_PROFILE = "/api/rcc/profile/update";
    static final String PREFERRED_CHARGE_TIMES = "/api/electrification/experiences/v2/vehicles/preferred-charge-times";
    static final String ENERGY_TRANSFER_LOGS = "/api/electrification/experiences/v2/devices/energy-transfer-logs";
    /** How many sessions the log answers when the query does not say. */
    static final int DEFAULT_MAX_RECORDS = 20;

    private final ServiceContext context;
    private final Guards guards;

    FordVehicleService(ServiceContext context, Guards guards) {
        this.context = context;
        this.guards = guards;
    }

    void register(Router router) {
        router.post(DASHBOARD, this::dashboard);
        router.post(DASHBOARD.substring(0, DASHBOARD.length() - 1), this::dashboard);
        router.get(GARAGE, this::garage);
        router.get(MESSAGES, this::messages);
        router.put(RCC_PROFILE, this::updateClimateProfile);
        router.get(PREFERRED_CHARGE_TIMES, this::preferredChargeTimes);
        router.get(ENERGY_TRANSFER_LOGS, this::energyTransferLogs);
    }

    /** The vehicle list: details, profiles and capabilities in three arrays to be joined by VIN; status 207. */
    private SimResponse dashboard(SimRequest request) {
        AccountState account = guards.requireCat(request);
        JsonNode body = request.json();
        if (!body.path("dashboardRefreshRequest").isString()) {
            throw Guards.fordBadRequest("Body must be {\"dashboardRefreshRequest\":\"All\"}");
        }
        ObjectNode answer = context.world().withVehiclesOf(account.username(), vehicles -> {
            ObjectNode root = Json.object();
            ObjectNode userVehicles = root.putObject("userVehicles");
            ArrayNode details = userVehicles.putArray("vehicleDetails");
            ArrayNode profiles = root.putArray("vehicleProfile");
            ArrayNode capabilities = root.putArray("vehicleCapabilities");
            for (SimulatedVehicle v : vehicles) {
                VehicleSpec s = v.spec();
                details.add(Json.object().put("VIN", s.vin()).put("nickName", s.nickname()).put("tcuEnabled", true)
                    .put("isASDN", false).put("modelName", s.model()).put("modelYear", s.modelYear())
                    .put("color", s.color()));
                profiles.add(profile(s));
                capabilities.add(capabilities(s));
            }
            userVehicles.set("status", status("200", 86_400));
            return root;
        });
        return SimResponse.json(207, answer);
    }

    private static ObjectNode profile(VehicleSpec s) {
        EngineType engine = s.engineType();
        ObjectNode p = Json.object()
            .put("VIN", s.vin())
            .put("make", s.make())
            .put("model", s.model())
            .put("year", s.modelYear())
            .put("engineType", engine.name())
            .put("fuelType", engine == EngineType.BEV ? "E" : "G")
            .put("numberOfLightingZones", Integer.toString(s.lightingZones()))
            .put("transmissionIndicator", s.transmission())
            .put("remoteClimateControl", s.remoteClimateControl())
            .put("remoteHeatingCooling", s.remoteHeatingCooling())
            .put("heatedSteeringWheel", s.heatedSteeringWheel())
            .put("driverHeatedSeat", s.driverHeatedSeat())
            .put("showEVBatteryLevel", engine.isPlugIn())
            .put("showFuelLevel", engine.hasFuelTank())
            .put("paintDescription", s.color())
            .put("vehicleImageLabel", s.modelYear() + " " + s.make() + " " + s.model());
        p.set("status", status("207", 108_000));
        return p;
    }

    private static ObjectNode capabilities(VehicleSpec s) {
        ObjectNode c = Json.object().put("VIN", s.vin());
        for (Capability capability : Capability.values()) {
            c.put(capability.wireName(), s.has(capability) ? "Display" : "NoDisplay");
        }
        c.put("userAuthStatus", "Authorized");
        c.set("status", status("207", 900));
        return c;
    }

    private static ObjectNode status(String code, int maxAge) {
        return Json.object().put("cache-control", "max-age=" + maxAge).put("statusCode", code);
    }

    private SimResponse garage(SimRequest request) {
        AccountState account = guards.requireCat(request);
        ArrayNode garage = context.world().withVehiclesOf(account.username(), vehicles -> {
            ArrayNode list = Json.array();
            for (SimulatedVehicle v : vehicles) {
                VehicleSpec s = v.spec();
                list.add(Json.object().put("vin", s.vin()).put("nickName", s.nickname()).put("make", s.make())
                    .put("modelName", s.model()).put("modelYear", Integer.toString(s.modelYear()))
                    .put("color", s.color()).put("engineType", s.engineType().name())
                    .put("vehicleAuthorizationIndicator", 1));
            }
            return list;
        });
        return SimResponse.json(200, garage);
    }

    private SimResponse messages(SimRequest request) {
        AccountState account = guards.requireCat(request);
        ArrayNode messages = context.world().withVehiclesOf(account.username(), vehicles -> {
            ArrayNode list = Json.array();
            int id = 1;
            for (SimulatedVehicle v : vehicles) {
                VehicleSpec s = v.spec();
                String subject = s.engineType().isPlugIn() ? "Your vehicle is charging" : "Scheduled maintenance";
                String body = s.engineType().isPlugIn()
                    ? "Your " + s.model() + " is plugged in and charging."
                    : "Your " + s.model() + " will need an oil change soon.";
                list.add(Json.object().put("messageId", id++).put("messageType", "VEHICLE")
                    .put("messageSubject", subject).put("messageBody", body).put("vin", s.vin())
                    .put("createdDate", Json.seconds(v.now().minusSeconds(3600L * id))).put("isRead", false));
            }
            return list;
        });
        ObjectNode answer = Json.object();
        answer.putObject("result").set("messages", messages);
        answer.put("status", 200);
        return SimResponse.json(200, answer);
    }

    /** Accepted and acknowledged with only {@code {"status":200}}, as Ford does. */
    private SimResponse updateClimateProfile(SimRequest request) {
        AccountState account = guards.requireCat(request);
        JsonNode body = request.json();
        if (!body.isObject()) {
            throw Guards.fordBadRequest("Body must be a JSON object");
        }
        String vin = body.path("vin").asString("");
        if (!vin.isEmpty() && !context.world().owns(account.username(), vin)) {
            throw Guards.fordNotFound("Vehicle not found for this account");
        }
        return SimResponse.json(200, Json.object().put("status", 200));
    }

    /** The VIN the request names in a header, upper case, of a car on the CAT's account; else 400 or 404. */
    private String ownedVinIn(SimRequest request, String header) {
        AccountState account = guards.requireCat(request);
        String vin = request.headerValue(header).orElseThrow(() -> Guards.fordBadRequest("Missing " + header
            + " header")).toUpperCase(Locale.ROOT);
        if (!context.world().owns(account.username(), vin)) {
            throw Guards.fordNotFound("Vehicle not found for this account");
        }
        return vin;
    }

    private SimResponse preferredChargeTimes(SimRequest request) {
        String vin = ownedVinIn(request, "vin");
        ObjectNode answer = context.world().withVehicle(vin, v -> {
            if (!v.spec().engineType().isPlugIn()) {
                return null;
            }
            ObjectNode root = Json.object().put("vin", v.vin());
            ObjectNode location = root.putArray("chargeLocations").addObject();
            location.put("locationId", "home").put("name", "Home").put("chargeNow", false)
                .put("targetSoc", v.charging().targetStateOfChargePercent())
                .put("departureTimesEnabled", v.settings().departureTimesEnabled());
            JsonNode schedule = v.settings().departureSchedule();
            location.set("preferredChargeTimes", schedule == null ? Json.array() : schedule.deepCopy());
            return root;
        }).orElseThrow(() -> Guards.fordBadRequest("Vehicle " + vin + " has no charge port"));
        return SimResponse.json(200, answer);
    }

    /**
     * The charging sessions of the car named in the {@code deviceId} header, newest first, at most {@code maxRecords}
     * (docs/ford-api.md §4.4); a car without charge port has an empty log.
     */
    private SimResponse energyTransferLogs(SimRequest request) {
        String vin = ownedVinIn(request, "deviceId");
        int maxRecords = Optional.ofNullable(request.query().get("maxRecords")).map(FordVehicleService::positive)
            .orElse(DEFAULT_MAX_RECORDS);
        ObjectNode answer = context.world().withVehicle(vin, v -> v.charging().chargeLog(maxRecords))
            .orElseThrow(() -> Guards.fordNotFound("Vehicle not found"));
        return SimResponse.json(200, answer);
    }

    private static int positive(String number) {
        try {
            int value = Integer.parseInt(number.strip());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw Guards.fordBadRequest("maxRecords must be a positive whole number");
    }
}
