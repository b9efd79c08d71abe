package io.github.connectedcar.simulator;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.connectedcar.simulator.junit.FordCloudSimulatorExtension;
import io.github.connectedcar.simulator.vehicle.Door;
import io.github.connectedcar.simulator.vehicle.VehicleSpec;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Autonomic commands (docs/ford-api.md §5): acceptance rules, progress in telemetry states over simulated time, effects
 * and failures. The clock is frozen; only {@code advance} moves it.
 */
@Tag("integration")
class CommandContractIntegrationTests {

    private static final String F150 = VehicleSpec.DEFAULT_F150_VIN;
    private static final String MACH_E = VehicleSpec.DEFAULT_MACH_E_VIN;

    /** Tokens outlive the hours these tests advance, so each test signs in once. */
    @RegisterExtension
    static final FordCloudSimulatorExtension SIM = FordCloudSimulatorExtension.configured(b -> b.speed(0)
        .tokenLifetimes(TokenLifetimes.defaults().withCatAccess(Duration.ofDays(1))
            .withTmcAccess(Duration.ofDays(1))));

    private FordCloudClient client;
    private String tmc;

    @BeforeEach
    void signIn() {
        client = new FordCloudClient(SIM.simulator());
        tmc = client.login().tmc();
    }

    private String send(String base, String vin, String body) {
        FordCloudClient.Response r = client.command(tmc, base, vin, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().path("currentStatus").asString()).isEqualTo("REQUESTED");
        return r.json().path("id").asString();
    }

    private JsonNode states(String vin) {
        return client.telemetry(tmc, vin).json().path("states");
    }

    private JsonNode metrics(String vin) {
        return client.telemetry(tmc, vin).json().path("metrics");
    }

    @Test
    void aCommandProgressesFromQueuedThroughReceivedToSuccessUnderItsStateKey() {
        String id = send("v1", F150, FordCloudClient.v1("remoteStart"));

        assertThat(states(F150).has("remoteStartCommand")).isFalse();
        SIM.clock().advance(Duration.ofSeconds(2));
        JsonNode queued = states(F150).path("remoteStartCommand");
        SIM.clock().advance(Duration.ofSeconds(3));
        JsonNode received = states(F150).path("remoteStartCommand");
        SIM.clock().advance(Duration.ofSeconds(5));
        JsonNode done = states(F150).path("remoteStartCommand");

        assertThat(queued.path("commandId").asString()).isEqualTo(id);
        assertThat(queued.path("value").path("toState").asString()).isEqualTo("REQUEST_QUEUED");
        assertThat(received.path("value").path("toState").asString()).isEqualTo("RECEIVED_BY_DEVICE");
        assertThat(done.path("commandId").asString()).isEqualTo(id);
        assertThat(done.path("value").path("fromState").asString()).isEqualTo("RECEIVED_BY_DEVICE");
        assertThat(done.path("value").path("toState").asString()).isEqualTo("SUCCESS");
        assertThat(done.path("updateTime").asString()).isNotBlank();
    }

    @Test
    void remoteStartCountsDownFrom900WhileTheIgnitionStaysOff() {
        send("v1", F150, FordCloudClient.v1("remoteStart"));
        SIM.clock().advance(Duration.ofSeconds(10));

        JsonNode started = metrics(F150);
        SIM.clock().advance(Duration.ofSeconds(300));
        JsonNode later = metrics(F150);
        SIM.clock().advance(Duration.ofSeconds(600));
        JsonNode over = metrics(F150);

        assertThat(started.path("remoteStartCountdownTimer").path("value").asDouble()).isEqualTo(900.0);
        assertThat(started.path("ignitionStatus").path("value").asString()).isEqualTo("OFF");
        assertThat(later.path("remoteStartCountdownTimer").path("value").asDouble()).isEqualTo(600.0);
        assertThat(over.path("remoteStartCountdownTimer").path("value").asDouble()).isZero();
    }

    @Test
    void cancelRemoteStartStopsTheEngine() {
        send("v1", F150, FordCloudClient.v1("remoteStart"));
        SIM.clock().advance(Duration.ofSeconds(10));
        send("v1", F150, FordCloudClient.v1("cancelRemoteStart"));
        SIM.clock().advance(Duration.ofSeconds(10));

        assertThat(states(F150).path("cancelRemoteStartCommand").path("value").path("toState").asString())
            .isEqualTo("SUCCESS");
        assertThat(metrics(F150).path("remoteStartCountdownTimer").path("value").asDouble()).isZero();
    }

    @Test
    void unlockAndLockChangeAllDoorsLockStatus() {
        send("v1", F150, FordCloudClient.v1("unlock"));
        SIM.clock().advance(Duration.ofSeconds(10));
        String unlocked = metrics(F150).path("doorLockStatus").get(0).path("value").asString();
        send("v1", F150, FordCloudClient.v1("lock"));
        SIM.clock().advance(Duration.ofSeconds(10));
        JsonNode lockState = states(F150).path("lockCommand");

        assertThat(unlocked).isEqualTo("UNLOCKED");
        assertThat(lockState.path("value").path("toState").asString()).isEqualTo("SUCCESS");
        assertThat(lockState.path("value").path("metrics").path("doorLockStatus").get(0).path("value").asString())
            .isEqualTo("LOCKED");
        assertThat(metrics(F150).path("doorLockStatus").get(0).path("value").asString()).isEqualTo("LOCKED");
    }

    @Test
    void lockingWithADoorOpenFailsOnTheDeviceWithAnOemCode() {
        SIM.vehicle(F150).setLocked(false).openDoor(Door.REAR_LEFT);
        String id = send("v1", F150, FordCloudClient.v1("lock"));

        SIM.clock().advance(Duration.ofSeconds(10));
        JsonNode state = states(F150).path("lockCommand");

        assertThat(state.path("commandId").asString()).isEqualTo(id);
        assertThat(state.path("value").path("toState").asString()).isEqualTo("COMMAND_FAILED_ON_DEVICE");
        JsonNode failure = state.path("value").path("data").path("commandError").path("commandExecutionFailure");
        assertThat(failure.path("oemErrorCode").asString()).isEqualTo("DOOR_OPEN");
        assertThat(failure.path("oemErrorContext").asString()).contains("REAR_LEFT");
        assertThat(metrics(F150).path("doorLockStatus").get(0).path("value").asString()).isEqualTo("UNLOCKED");
    }

    @Test
    void aCarInDeepSleepLetsCommandsExpire() {
        SIM.vehicle(F150).setDeepSleep(true);
        String id = send("v1", F150, FordCloudClient.v1("unlock"));

        SIM.clock().advance(Duration.ofSeconds(60));
        String pending = states(F150).path("unlockCommand").path("value").path("toState").asString();
        SIM.clock().advance(Duration.ofSeconds(30));
        JsonNode state = states(F150);

        assertThat(pending).isEqualTo("REQUEST_QUEUED");
        assertThat(state.path("commandPreclusion").path("value").path("toState").asString())
            .isEqualTo("COMMANDS_PRECLUDED");
        assertThat(state.path("unlockCommand").path("commandId").asString()).isEqualTo(id);
        assertThat(state.path("unlockCommand").path("value").path("toState").asString()).isEqualTo("EXPIRED");
    }

    @Test
    void statusRefreshTakesLongerAndRefreshesUpdateTimes() {
        String before = metrics(F150).path("odometer").path("updateTime").asString();
        send("v1", F150, FordCloudClient.v1("statusRefresh"));

        SIM.clock().advance(Duration.ofSeconds(10));
        String after10s = states(F150).path("statusRefreshCommand").path("value").path("toState").asString();
        SIM.clock().advance(Duration.ofSeconds(50));
        JsonNode metrics = metrics(F150);

        assertThat(after10s).isEqualTo("REQUEST_QUEUED");
        assertThat(states(F150).path("statusRefreshCommand").path("value").path("toState").asString())
            .isEqualTo("SUCCESS");
        assertThat(metrics.path("odometer").path("updateTime").asString()).isGreaterThan(before);
    }

    @Test
    void typesAreRefusedOnTheWrongBaseOrWhenUnknown() {
        FordCloudClient.Response wrongBase = client.command(tmc, "v1", MACH_E,
            FordCloudClient.v1beta("startGlobalChargeCommand", "1.0.1"));
        FordCloudClient.Response lockOnBeta = client.command(tmc, "v1beta", F150, FordCloudClient.v1("lock"));
        FordCloudClient.Response unknown = client.command(tmc, "v1", F150, FordCloudClient.v1("launchRocket"));
        FordCloudClient.Response noVersion = client.command(tmc, "v1beta", MACH_E,
            FordCloudClient.v1("startGlobalChargeCommand"));

        assertThat(wrongBase.status()).isEqualTo(400);
        assertThat(wrongBase.json().path("message").asString()).contains("/v1beta/");
        assertThat(lockOnBeta.status()).isEqualTo(400);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("message").asString()).contains("launchRocket");
        assertThat(noVersion.status()).isEqualTo(400);
        assertThat(noVersion.json().path("message").asString()).contains("version");
    }

    @Test
    void aCarRefusesCommandsItCannotDo() {
        FordCloudClient.Response charging = client.command(tmc, "v1beta", F150,
            FordCloudClient.v1beta("startGlobalChargeCommand", "1.0.1"));
        FordCloudClient.Response trailer = client.command(tmc, "v1", MACH_E,
            FordCloudClient.v1("startTrailerLightCheck"));

        assertThat(charging.status()).isEqualTo(400);
        assertThat(charging.json().path("message").asString()).contains("ICE").contains("charge port");
        assertThat(trailer.status()).isEqualTo(400);
        assertThat(trailer.json().path("message").asString()).contains("trailerLightCheck");
    }

    @Test
    void chargingRaisesTheStateOfChargeAndCanBePausedAndRestarted() {
        double start = metrics(MACH_E).path("xevBatteryActualStateOfCharge").path("value").asDouble();
        SIM.clock().advance(Duration.ofHours(1));
        double afterHour = metrics(MACH_E).path("xevBatteryActualStateOfCharge").path("value").asDouble();

        send("v1beta", MACH_E, FordCloudClient.v1beta("pauseGlobalChargeCommand", "1.0.1"));
        SIM.clock().advance(Duration.ofSeconds(10));
        JsonNode paused = metrics(MACH_E);
        SIM.clock().advance(Duration.ofHours(1));
        double stillPaused = metrics(MACH_E).path("xevBatteryActualStateOfCharge").path("value").asDouble();
        send("v1beta", MACH_E, FordCloudClient.v1beta("startGlobalChargeCommand", "1.0.1"));
        SIM.clock().advance(Duration.ofSeconds(10));

        assertThat(afterHour - start).isBetween(7.0, 8.5);
        assertThat(paused.path("xevPlugChargerStatus").path("value").asString()).isEqualTo("CONNECTED");
        assertThat(paused.path("xevBatteryChargeDisplayStatus").path("value").asString()).isEqualTo("PAUSED");
        assertThat(stillPaused).isEqualTo(paused.path("xevBatteryActualStateOfCharge").path("value").asDouble());
        assertThat(states(MACH_E).path("startGlobalChargeCommand").path("value").path("toState").asString())
            .isEqualTo("SUCCESS");
        assertThat(metrics(MACH_E).path("xevPlugChargerStatus").path("value").asString()).isEqualTo("CHARGING");
    }

    @Test
    void startingToChargeUnpluggedFailsOnTheDevice() {
        SIM.vehicle(MACH_E).unplug();
        send("v1beta", MACH_E, FordCloudClient.v1beta("startGlobalChargeCommand", "1.0.1"));
        SIM.clock().advance(Duration.ofSeconds(10));

        JsonNode state = states(MACH_E).path("startGlobalChargeCommand");
        assertThat(state.path("value").path("toState").asString()).isEqualTo("COMMAND_FAILED_ON_DEVICE");
        assertThat(state.path("value").path("data").path("commandError").path("commandExecutionFailure")
            .path("oemErrorCode").asString()).isEqualTo("NOT_PLUGGED_IN");
    }

    @Test
    void departureTimesAndChargeSettingsAreValidatedAndApplied() {
        FordCloudClient.Response badSoc = client.command(tmc, "v1beta", MACH_E, "{\"type\":\"updateChargeSettingsCommand\","
            + "\"wakeUp\":true,\"tags\":{},\"version\":\"1.0.1\",\"properties\":{\"chargeSettings\":"
            + "{\"globalTargetSoc\":55}}}");
        send("v1beta", MACH_E, "{\"type\":\"updateChargeSettingsCommand\",\"wakeUp\":true,\"tags\":{},"
            + "\"version\":\"1.0.1\",\"properties\":{\"chargeSettings\":{\"globalTargetSoc\":80}}}");
        send("v1beta", MACH_E, "{\"type\":\"updateDepartureTimes\",\"wakeUp\":true,\"tags\":{},\"version\":\"1\","
            + "\"properties\":{\"departureTimes\":[{\"day\":\"MONDAY\",\"time\":\"07:30\"}]}}");
        send("v1beta", MACH_E, FordCloudClient.v1beta("enableDepartureTimes", "1"));
        SIM.clock().advance(Duration.ofSeconds(10));

        assertThat(badSoc.status()).isEqualTo(400);
        assertThat(badSoc.json().path("message").asString()).contains("multiple of 10");
        JsonNode states = states(MACH_E);
        assertThat(states.path("updateDepartureTimes").path("value").path("toState").asString())
            .isEqualTo("SUCCESS");
        assertThat(states.path("enableDepartureTimes").path("value").path("toState").asString())
            .isEqualTo("SUCCESS");
        JsonNode metrics = metrics(MACH_E);
        assertThat(metrics.path("xevDepartureSchedules").path("value").path("enabled").asBoolean()).isTrue();
        assertThat(metrics.path("xevDepartureSchedules").path("value").path("schedules").path("departureTimes"))
            .hasSize(1);
        assertThat(metrics.path("configurations").path("chargeSettings").path("value").path("globalTargetSoc")
            .asDouble()).isEqualTo(80.0);
    }

    @Test
    void panicCueNeedsADurationOfOneThreeOrFive() {
        FordCloudClient.Response bad = client.command(tmc, "v1", F150,
            "{\"type\":\"startPanicCue\",\"wakeUp\":true,\"tags\":{},\"properties\":{\"duration\":2}}");
        send("v1", F150, "{\"type\":\"startPanicCue\",\"wakeUp\":true,\"tags\":{},\"properties\":{\"duration\":3}}");
        SIM.clock().advance(Duration.ofSeconds(10));

        assertThat(bad.status()).isEqualTo(400);
        assertThat(metrics(F150).path("panicAlarmStatus").path("value").asString()).isEqualTo("ACTIVE");
        assertThat(states(F150).path("startPanicCueCommand").path("value").path("toState").asString())
            .isEqualTo("SUCCESS");
    }
}
