package io.github.connectedcar.simulator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.connectedcar.simulator.junit.FordCloudSimulatorExtension;
import io.github.connectedcar.simulator.record.AuthKind;
import io.github.connectedcar.simulator.record.RecordedRequest;
import io.github.connectedcar.simulator.record.RequestLog;
import io.github.connectedcar.simulator.vehicle.VehicleSpec;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Ford's vehicle, message and MPS services and Autonomic's telemetry (docs/ford-api.md §4, §4.1, §4.2, §5.1). */
@Tag("integration")
class VehicleServicesContractIntegrationTests {

    private static final String F150 = VehicleSpec.DEFAULT_F150_VIN;
    private static final String MACH_E = VehicleSpec.DEFAULT_MACH_E_VIN;

    @RegisterExtension
    static final FordCloudSimulatorExtension SIM = FordCloudSimulatorExtension.configured(b -> b.speed(0));

    private FordCloudClient client;
    private FordCloudClient.Tokens tokens;

    @BeforeEach
    void signIn() {
        client = new FordCloudClient(SIM.simulator());
        tokens = client.login();
    }

    @Test
    void theVehicleListAnswers207WithDetailsProfilesAndCapabilitiesJoinableByVin() {
        FordCloudClient.Response r = client.send("POST", "/api/expdashboard/v1/details/",
            FordCloudClient.ford(tokens.cat()), "{\"dashboardRefreshRequest\":\"All\"}");

        assertThat(r.status()).isEqualTo(207);
        JsonNode body = r.json();
        assertThat(vins(body.path("userVehicles").path("vehicleDetails"))).containsExactly(F150, MACH_E);
        Map<String, JsonNode> profiles = byVin(body.path("vehicleProfile"));
        Map<String, JsonNode> capabilities = byVin(body.path("vehicleCapabilities"));
        assertThat(profiles).containsOnlyKeys(F150, MACH_E);
        assertThat(capabilities).containsOnlyKeys(F150, MACH_E);
        assertThat(profiles.get(F150).path("engineType").asString()).isEqualTo("ICE");
        assertThat(profiles.get(MACH_E).path("engineType").asString()).isEqualTo("BEV");
        assertThat(profiles.get(F150).path("numberOfLightingZones").asString()).isEqualTo("4");
        assertThat(profiles.get(MACH_E).path("showEVBatteryLevel").asBoolean()).isTrue();
        assertThat(capabilities.get(F150).path("remoteStart").asString()).isEqualTo("Display");
        assertThat(capabilities.get(F150).path("guardMode").asString()).isEqualTo("Display");
        assertThat(capabilities.get(MACH_E).path("guardMode").asString()).isEqualTo("NoDisplay");
        assertThat(capabilities.get(MACH_E).path("departureTimes").asString()).isEqualTo("Display");
    }

    @Test
    void fordHostsWantAuthTokenAndAutonomicWantsBearer() {
        FordCloudClient.Response bearerOnFord = client.send("GET", "/api/messagecenter/v3/messages",
            FordCloudClient.with(FordCloudClient.ford(null), "Authorization", "Bearer " + tokens.cat()), null);
        Map<String, String> authTokenOnAutonomic = Map.of("auth-token", tokens.tmc());
        FordCloudClient.Response tokenOnAutonomic = client.send("GET",
            "/v1/telemetry/sources/fordpass/vehicles/" + F150, authTokenOnAutonomic, null);
        FordCloudClient.Response tmcAsCat = client.send("GET", "/api/messagecenter/v3/messages",
            FordCloudClient.ford(tokens.tmc()), null);
        FordCloudClient.Response catAsTmc = client.telemetry(tokens.cat(), F150);

        assertThat(bearerOnFord.status()).isEqualTo(401);
        assertThat(bearerOnFord.json().path("message").asString()).contains("auth-token");
        assertThat(tokenOnAutonomic.status()).isEqualTo(401);
        assertThat(tokenOnAutonomic.json().path("code").asString()).isEqualTo("UNAUTHORIZED");
        assertThat(tmcAsCat.status()).isEqualTo(401);
        assertThat(catAsTmc.status()).isEqualTo(401);

        assertThat(client.send("GET", "/api/messagecenter/v3/messages", FordCloudClient.ford(tokens.cat()), null)
            .status()).isEqualTo(200);
        assertThat(client.telemetry(tokens.tmc(), F150).status()).isEqualTo(200);
    }

    @Test
    void theRequestRecordShowsTheAuthKindWithoutTheSecret() {
        SIM.requests().clear();

        client.send("GET", "/api/messagecenter/v3/messages", FordCloudClient.ford(tokens.cat()), null);
        client.telemetry(tokens.tmc(), F150);

        List<RecordedRequest> all = SIM.requests().all();
        assertThat(all).extracting(RecordedRequest::authKind).containsExactly(AuthKind.AUTH_TOKEN, AuthKind.BEARER);
        assertThat(all.get(0).header("auth-token")).contains(RequestLog.REDACTED);
        assertThat(all.get(1).header("authorization")).contains("Bearer " + RequestLog.REDACTED);
        assertThat(all.get(1).query()).isEqualTo("lrdt=01-01-1970%2000:00:00");
        assertThat(all).extracting(RecordedRequest::account).containsOnly(SimulatedAccount.DEFAULT_USERNAME);
        assertThat(all).extracting(RecordedRequest::status).containsExactly(200, 200);
        assertThat(all.toString()).doesNotContain(tokens.cat(), tokens.tmc());
    }

    @Test
    void fordHostsNeedApplicationIdAndRefuseBrowserAgents() {
        Map<String, String> noAppId = new HashMap<>(FordCloudClient.ford(tokens.cat()));
        noAppId.remove("Application-Id");

        FordCloudClient.Response missing = client.send("GET", "/api/messagecenter/v3/messages", noAppId, null);
        FordCloudClient.Response browser = client.send("GET", "/api/messagecenter/v3/messages",
            FordCloudClient.with(FordCloudClient.ford(tokens.cat()), "User-Agent", "Mozilla/5.0 (iPhone)"), null);

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("errorCode").asString()).isEqualTo("432");
        assertThat(browser.status()).isEqualTo(403);
        assertThat(browser.header("Content-Type")).startsWith("text/html");
    }

    @Test
    void garageAndMessagesListTheAccountsVehicles() {
        FordCloudClient.Response garage = client.send("GET", "/api/fpcpl-user-garage-service/v1/user/garage",
            FordCloudClient.ford(tokens.cat()), null);
        FordCloudClient.Response messages = client.send("GET", "/api/messagecenter/v3/messages",
            FordCloudClient.ford(tokens.cat()), null);

        assertThat(garage.status()).isEqualTo(200);
        assertThat(StreamSupport.stream(garage.json().spliterator(), false).map(v -> v.path("vin").asString()))
            .containsExactly(F150, MACH_E);
        assertThat(messages.json().path("result").path("messages")).hasSize(2);
    }

    @Test
    void telemetryHasFordsMetricShapes() {
        JsonNode ice = client.telemetry(tokens.tmc(), F150).json();
        JsonNode bev = client.telemetry(tokens.tmc(), MACH_E).json();

        assertThat(ice.path("vin").asString()).isEqualTo(F150);
        assertThat(ice.path("vehicleId").asString()).isNotBlank();
        assertThat(ice.path("updateTime").asString()).endsWith("Z");
        JsonNode m = ice.path("metrics");
        assertThat(m.path("fuelLevel").path("value").asDouble()).isEqualTo(63.2);
        assertThat(m.path("fuelLevel").path("updateTime").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(m.path("fuelRange").path("value").asDouble()).isPositive();
        assertThat(m.path("odometer").path("value").asDouble()).isEqualTo(18234.5);
        assertThat(m.path("position").path("value").path("location").path("lat").asDouble()).isBetween(42.0, 43.0);
        assertThat(m.path("heading").path("value").path("heading").isNumber()).isTrue();
        assertThat(m.path("ignitionStatus").path("value").asString()).isEqualTo("OFF");
        assertThat(m.path("remoteStartCountdownTimer").path("value").asDouble()).isZero();
        assertThat(m.path("alarmStatus").path("value").asString()).isEqualTo("ARMED");
        assertThat(m.path("doorLockStatus").get(0).path("vehicleDoor").asString()).isEqualTo("ALL_DOORS");
        assertThat(m.path("doorLockStatus").get(0).path("value").asString()).isEqualTo("LOCKED");
        assertThat(m.path("doorStatus")).hasSize(6);
        assertThat(m.path("tirePressure")).hasSize(4);
        assertThat(m.path("tirePressure").get(0).path("vehicleWheel").asString()).isEqualTo("FRONT_LEFT");
        assertThat(m.path("windowStatus").get(0).path("value").path("doubleRange").isObject()).isTrue();
        assertThat(m.path("indicators").path("lowFuel").path("value").isBoolean()).isTrue();
        assertThat(m.path("customMetrics").isObject()).isTrue();
        assertThat(m.has("xevBatteryStateOfCharge")).isFalse();
        assertThat(ice.path("states").path("commandPreclusion").path("value").path("toState").asString())
            .isEqualTo("COMMANDS_PERMITTED");

        JsonNode e = bev.path("metrics");
        assertThat(e.has("fuelLevel")).isFalse();
        assertThat(e.path("xevBatteryStateOfCharge").path("value").asDouble()).isEqualTo(48.0);
        assertThat(e.path("xevBatteryActualStateOfCharge").path("value").asDouble()).isBetween(47.9, 48.1);
        assertThat(e.path("xevBatteryCapacity").path("value").asDouble()).isEqualTo(91.0);
        assertThat(e.path("xevBatteryRange").path("value").asDouble()).isPositive();
        assertThat(e.path("xevPlugChargerStatus").path("value").asString()).isEqualTo("CHARGING");
        assertThat(e.path("xevBatteryChargeDisplayStatus").path("value").asString()).isEqualTo("IN_PROGRESS");
        assertThat(e.path("xevBatteryTimeToFullCharge").path("value").asDouble()).isPositive();
    }

    @Test
    void theQueryReturnsOnlyTheChosenMetricsAndUnknownVinsAre404() {
        FordCloudClient.Response q = client.send("POST",
            "/v1beta/telemetry/sources/fordpass/vehicles/" + F150 + ":query", FordCloudClient.bearer(tokens.tmc()),
            "{\"includeMetrics\":[\"fuelLevel\",\"odometer\",\"noSuchMetric\"]}");

        assertThat(q.status()).isEqualTo(200);
        assertThat(q.json().path("metrics").propertyNames()).containsExactlyInAnyOrder("fuelLevel", "odometer");
        assertThat(client.telemetry(tokens.tmc(), "1FTFW1E50PFA09999").status()).isEqualTo(404);
    }

    @Test
    void guardModeEnrolsBeforeItCanBeDisabled() {
        Map<String, String> headers = FordCloudClient.with(FordCloudClient.ford(tokens.cat()), "X-Vin", F150);

        JsonNode enable = client.send("PUT", "/api/gmfi/v1/session", headers, null).json();
        JsonNode tooEarly = client.send("DELETE", "/api/gmfi/v1/session", headers, null).json();
        SIM.clock().advance(java.time.Duration.ofSeconds(31));
        JsonNode state = client.send("GET", "/api/gmfi/v1/session", headers, null).json();
        JsonNode disable = client.send("DELETE", "/api/gmfi/v1/session", headers, null).json();

        assertThat(enable.path("returnCode").asInt()).isEqualTo(200);
        assertThat(tooEarly.path("returnCode").asInt()).isEqualTo(300);
        assertThat(tooEarly.path("returnMessage").asString()).isEqualTo("Enrollment is still in progress");
        assertThat(state.path("session").path("gmStatus").asString()).isEqualTo("enable");
        assertThat(disable.path("returnCode").asInt()).isEqualTo(200);
    }

    @Test
    void zoneLightingAndClimateProfileAreSingleCalls() {
        Map<String, String> headers = FordCloudClient.ford(tokens.cat());
        String vinBody = "{\"vin\":\"" + F150 + "\"}";

        assertThat(client.send("PUT", "/vehicles/vpfi/zonelightingactivation", headers, vinBody).json()
            .path("returnCode").asInt()).isEqualTo(200);
        assertThat(client.send("PUT", "/vehicles/vpfi/2/zonelightingzone", headers, vinBody).json()
            .path("returnCode").asInt()).isEqualTo(200);
        assertThat(client.send("PUT", "/vehicles/vpfi/5/zonelightingzone", headers, vinBody).status())
            .isEqualTo(400);
        assertThat(client.send("DELETE", "/vehicles/vpfi/zonelightingactivation", headers, vinBody).json()
            .path("returnCode").asInt()).isEqualTo(200);
        assertThat(client.send("PUT", "/vehicles/vpfi/zonelightingactivation", headers,
            "{\"vin\":\"" + MACH_E + "\"}").status()).isEqualTo(400);
        assertThat(client.send("PUT", "/api/rcc/profile/update", headers, "{\"vin\":\"" + MACH_E + "\"}").json()
            .path("status").asInt()).isEqualTo(200);
    }

    @Test
    void preferredChargeTimesNeedAPlugInVehicle() {
        Map<String, String> headers = FordCloudClient.ford(tokens.cat());

        FordCloudClient.Response bev = client.send("GET",
            "/api/electrification/experiences/v2/vehicles/preferred-charge-times",
            FordCloudClient.with(headers, "vin", MACH_E), null);
        FordCloudClient.Response ice = client.send("GET",
            "/api/electrification/experiences/v2/vehicles/preferred-charge-times",
            FordCloudClient.with(headers, "vin", F150), null);

        assertThat(bev.status()).isEqualTo(200);
        assertThat(bev.json().path("chargeLocations").get(0).path("targetSoc").asDouble()).isEqualTo(90.0);
        assertThat(ice.status()).isEqualTo(400);
    }

    @Test
    void theEnergyTransferLogListsChargingSessionsNewestFirstForTheCarInDeviceId() {
        Map<String, String> headers = FordCloudClient.ford(tokens.cat());
        String path = "/api/electrification/experiences/v2/devices/energy-transfer-logs";

        FordCloudClient.Response bev = client.send("GET", path + "?maxRecords=20",
            FordCloudClient.with(headers, "deviceId", MACH_E), null);
        FordCloudClient.Response one = client.send("GET", path + "?maxRecords=1",
            FordCloudClient.with(headers, "deviceId", MACH_E), null);
        FordCloudClient.Response ice = client.send("GET", path, FordCloudClient.with(headers, "deviceId", F150), null);
        FordCloudClient.Response noDevice = client.send("GET", path, headers, null);
        FordCloudClient.Response stranger = client.send("GET", path,
            FordCloudClient.with(headers, "deviceId", "1FTFW1E50PFA09999"), null);

        assertThat(bev.status()).isEqualTo(200);
        JsonNode sessions = bev.json().path("energyTransferLogs");
        assertThat(sessions.size()).isEqualTo(2);
        JsonNode newest = sessions.get(0);
        assertThat(newest.path("deviceId").asString()).isEqualTo(MACH_E);
        assertThat(newest.path("energyConsumed").asDouble()).isPositive();
        assertThat(newest.path("energyTransferDuration").path("begin").asString())
            .isGreaterThan(sessions.get(1).path("energyTransferDuration").path("begin").asString());
        assertThat(newest.path("location").path("name").asString()).isEqualTo("Home");
        assertThat(one.json().path("energyTransferLogs").size()).isEqualTo(1);
        assertThat(ice.status()).isEqualTo(200);
        assertThat(ice.json().path("energyTransferLogs").size()).as("no charge port, no sessions").isZero();
        assertThat(noDevice.status()).isEqualTo(400);
        assertThat(stranger.status()).isEqualTo(404);
    }

    private static List<String> vins(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path("VIN").asString()).toList();
    }

    private static Map<String, JsonNode> byVin(JsonNode array) {
        Map<String, JsonNode> map = new HashMap<>();
        array.forEach(n -> map.put(n.path("VIN").asString(), n));
        return map;
    }
}
