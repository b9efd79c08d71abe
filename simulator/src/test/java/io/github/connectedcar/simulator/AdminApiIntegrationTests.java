package io.github.connectedcar.simulator;

import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.connectedcar.simulator.junit.FordCloudSimulatorExtension;
import io.github.connectedcar.simulator.protocol.FordProtocol;
import io.github.connectedcar.simulator.vehicle.VehicleSpec;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP admin API mirrors the Java controls. */
@Tag("integration")
class AdminApiIntegrationTests {

    private static final String F150 = VehicleSpec.DEFAULT_F150_VIN;
    private static final String MACH_E = VehicleSpec.DEFAULT_MACH_E_VIN;

    @RegisterExtension
    static final FordCloudSimulatorExtension SIM = FordCloudSimulatorExtension.configured(b -> b.speed(0));

    private FordCloudClient.Response admin(String method, String path, String body) {
        return new FordCloudClient(SIM.simulator()).send(method, "/_simulator" + path,
            Map.of("Content-Type", "application/json"), body);
    }

    @Test
    void theOverviewListsAccountsAndEndpoints() {
        JsonNode overview = admin("GET", "", null).json();

        assertThat(overview.path("baseUrl").asString()).isEqualTo(SIM.baseUrl());
        assertThat(overview.path("accounts").get(0).path("username").asString())
            .isEqualTo(SimulatedAccount.DEFAULT_USERNAME);
        assertThat(overview.path("adminEndpoints").size()).isEqualTo(FordCloudSimulator.ADMIN_ENDPOINTS.size());
    }

    @Test
    void theClockAdvancesAndChangesSpeed() {
        String before = admin("GET", "/clock", null).json().path("now").asString();

        JsonNode advanced = admin("POST", "/clock/advance", "{\"duration\":\"PT90M\"}").json();
        JsonNode faster = admin("PUT", "/clock/speed", "{\"speed\":60}").json();

        assertThat(java.time.Duration.between(java.time.Instant.parse(before),
            java.time.Instant.parse(advanced.path("now").asString()))).isEqualTo(java.time.Duration.ofMinutes(90));
        assertThat(faster.path("speed").asDouble()).isEqualTo(60.0);
    }

    @Test
    void vehiclesArePatchedLikeAPersonAtTheCar() {
        JsonNode patched = admin("PATCH", "/vehicles/" + F150,
            "{\"doors\":{\"REAR_LEFT\":\"OPEN\"},\"deepSleep\":true,\"fuelLevel\":12.5}").json();
        JsonNode bev = admin("PATCH", "/vehicles/" + MACH_E,
            "{\"pluggedIn\":false,\"stateOfCharge\":30}").json();
        FordCloudClient.Response bad = admin("PATCH", "/vehicles/" + F150, "{\"stateOfCharge\":30}");
        FordCloudClient.Response unknownField = admin("PATCH", "/vehicles/" + F150, "{\"wings\":2}");

        assertThat(patched.path("summary").path("openDoors").get(0).asString()).isEqualTo("REAR_LEFT");
        assertThat(patched.path("summary").path("deepSleep").asBoolean()).isTrue();
        assertThat(patched.path("summary").path("fuelLevelPercent").asDouble()).isEqualTo(12.5);
        assertThat(bev.path("summary").path("pluggedIn").asBoolean()).isFalse();
        assertThat(bev.path("summary").path("stateOfChargePercent").asDouble()).isEqualTo(30.0);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("error").asString()).contains("ICE");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(admin("GET", "/vehicles/" + F150, null).json().path("telemetry").path("metrics")
            .path("fuelLevel").path("value").asDouble()).isEqualTo(12.5);
    }

    @Test
    void theRecordIsReadableAndTokensCanBeExpired() {
        FordCloudClient client = new FordCloudClient(SIM.simulator());
        FordCloudClient.Tokens tokens = client.login();

        JsonNode record = admin("GET", "/requests?pathPrefix=/api/token", null).json();
        JsonNode expired = admin("POST", "/accounts/" + SimulatedAccount.DEFAULT_USERNAME + "/expire-tokens",
            "{\"includeRefreshTokens\":true}").json();

        assertThat(record.size()).isEqualTo(1);
        assertThat(record.get(0).path("path").asString()).isEqualTo("/api/token/v2/cat-with-b2c-access-token");
        assertThat(record.get(0).path("headers").path("application-id").asString())
            .isEqualTo(FordProtocol.APP_ID_NORTH_AMERICA);
        assertThat(expired.path("expired").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(client.refreshCat(tokens.catRefresh()).json().path("errorCode").asString()).isEqualTo("460");
    }

    @Test
    void resetRestoresTheInitialWorld() {
        admin("PATCH", "/vehicles/" + F150, "{\"locked\":false}");
        admin("PUT", "/quota", "{\"requestsPerWindow\":5}");

        admin("POST", "/reset", null);

        assertThat(SIM.vehicle(F150).summary().get("locked")).isEqualTo(true);
        assertThat(admin("GET", "/quota", null).json().path("requestsPerWindow").asInt())
            .isEqualTo(QuotaPolicy.DEFAULT_REQUESTS_PER_WINDOW);
    }
}
