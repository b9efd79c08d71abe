package io.github.connectedcar.cli;

import static io.github.connectedcar.cli.CliHarness.CROSSOVER;
import static io.github.connectedcar.cli.CliHarness.PICKUP;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.cli.CliHarness.Run;
import io.github.connectedcar.simulator.vehicle.GuardModeState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The car commands of the command line against a simulator running 10 times faster than real time, so Ford's
 * timestamps run ahead of this machine's clock.
 */
@Tag("integration")
class CliCarCommandsIntegrationTests {
    @TempDir
    Path home;

    private CliHarness harness;

    @BeforeEach
    void startSimulator() {
        harness = new CliHarness(home, 10);
        harness.loggedIn();
    }

    @AfterEach
    void stopSimulator() {
        harness.close();
    }

    private JsonNode succeeded(Run run) {
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK);
        return run.json();
    }

    @Test
    void aLocksDurationIsMeasuredOnThisMachinesClockNotAcrossClocks() {
        long started = System.nanoTime();
        JsonNode result = succeeded(harness.run("lock", PICKUP, "--json"));
        Duration wall = Duration.ofNanos(System.nanoTime() - started);

        double seconds = result.get("durationSeconds").asDouble();
        assertThat(seconds).isPositive().isLessThanOrEqualTo(wall.toMillis() / 1000.0);
        Instant requested = Instant.parse(result.get("requestedAt").asString());
        Instant completed = Instant.parse(result.get("completedAt").asString());
        assertThat(Duration.between(requested, completed).toMillis() / 1000.0).isEqualTo(seconds);
        // Ford's own timestamp is kept, by Ford's (here ten times faster) clock.
        assertThat(Instant.parse(result.get("fordReportedAt").asString())).isAfter(completed);
    }

    @Test
    void guardStatusSaysWhetherGuardModeIsOn() {
        Run off = harness.run("guard", "status", PICKUP);
        assertThat(off.exitCode()).as(off.err()).isEqualTo(ExitCode.OK);
        assertThat(off.out()).contains("Guard mode of " + PICKUP + ": off");
        JsonNode offJson = succeeded(harness.run("guard", "status", PICKUP, "--json"));
        assertThat(offJson.get("on").asBoolean()).isFalse();
        assertThat(offJson.get("state").asString()).isEqualTo("disable");

        assertThat(harness.run("guard", "on", PICKUP).exitCode()).isEqualTo(ExitCode.OK);

        JsonNode enrolling = succeeded(harness.run("guard", "status", PICKUP, "--json"));
        assertThat(enrolling.get("state").asString()).isEqualTo("enrolling");
        assertThat(enrolling.get("on").asBoolean()).isFalse();
        harness.simulator.advance(Duration.ofMinutes(1));
        assertThat(harness.simulator.vehicle(PICKUP).guardMode()).isEqualTo(GuardModeState.ENABLED);

        JsonNode on = succeeded(harness.run("guard", "status", PICKUP, "--json"));
        assertThat(on.get("on").asBoolean()).isTrue();
        assertThat(on.get("vin").asString()).isEqualTo(PICKUP);
        assertThat(harness.run("guard", "status", PICKUP).out()).contains(": on");
    }

    @Test
    void chargeSettingsChangeTheTargetChargeLevel() {
        JsonNode result = succeeded(harness.run("charge", "settings", CROSSOVER, "--target", "60", "--json"));

        assertThat(result.get("command").asString()).isEqualTo("updateChargeSettingsCommand");
        assertThat(result.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(harness.simulator.vehicle(CROSSOVER).telemetry().toString()).contains("\"globalTargetSoc\":60");
    }

    @Test
    void departuresAreSetTurnedOnAndOffAndCleared() {
        JsonNode set = succeeded(harness.run("departures", "set", CROSSOVER, "--location", "1",
            "--departure", "MON,07:30,HIGH", "--departure", "friday,08:15", "--json"));
        assertThat(set.get("command").asString()).isEqualTo("updateDepartureTimes");
        assertThat(departures().toString()).contains("MONDAY").contains("FRIDAY").contains("HIGH");

        succeeded(harness.run("departures", "on", CROSSOVER, "--json"));
        assertThat(departures().get("enabled").asBoolean()).isTrue();
        succeeded(harness.run("departures", "off", CROSSOVER, "--json"));
        assertThat(departures().get("enabled").asBoolean()).isFalse();

        succeeded(harness.run("departures", "clear", CROSSOVER, "--json"));
        assertThat(departures().toString()).doesNotContain("MONDAY");
    }

    private JsonNode departures() {
        return harness.simulator.vehicle(CROSSOVER).telemetry().path("metrics").path("xevDepartureSchedules")
            .path("value");
    }

    @Test
    void aDepartureThatIsNotDayAndTimeIsAUsageError() {
        Run run = harness.run("departures", "set", CROSSOVER, "--location", "1", "--departure", "someday,7");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("DAY,HH:MM");
    }

    @Test
    void zoneLightingGoesOnInAZoneChangesZoneAndGoesOff() {
        JsonNode on = succeeded(harness.run("lights", "on", PICKUP, "--zone", "front", "--json"));
        assertThat(on.get("outcome").asString()).isEqualTo("DONE");
        assertThat(harness.simulator.requests().matching("PUT", "/vehicles/vpfi/1/zonelightingzone")).hasSize(1);

        succeeded(harness.run("lights", "zone", PICKUP, "driver", "--json"));
        assertThat(harness.simulator.requests().matching("PUT", "/vehicles/vpfi/3/zonelightingzone")).hasSize(1);

        Run off = harness.run("lights", "off", PICKUP);
        assertThat(off.exitCode()).as(off.err()).isEqualTo(ExitCode.OK);
        assertThat(harness.simulator.requests().matching("DELETE", "/vehicles/vpfi/zonelightingactivation"))
            .hasSize(1);
    }

    @Test
    void theClimateProfileIsReplaced() {
        JsonNode result = succeeded(harness.run("climate", CROSSOVER, "--temperature", "21.5",
            "--preference", "RccRearDefrost_Rq=On", "--json"));

        assertThat(result.get("outcome").asString()).isEqualTo("DONE");
        assertThat(result.get("returnCode").asInt()).isEqualTo(200);
        assertThat(harness.simulator.requests().matching("PUT", "/api/rcc/profile/update")).hasSize(1);
    }

    @Test
    void theTrailerLightCheckStartsAndStops() {
        JsonNode start = succeeded(harness.run("trailer-light-check", "start", PICKUP, "--json"));
        assertThat(start.get("command").asString()).isEqualTo("startTrailerLightCheck");
        assertThat(start.get("state").asString()).isEqualTo("SUCCEEDED");

        JsonNode stop = succeeded(harness.run("trailer-light-check", "stop", PICKUP, "--json"));
        assertThat(stop.get("command").asString()).isEqualTo("stopTrailerLightCheck");
    }

    @Test
    void automaticSoftwareUpdatesAreTurnedOff() {
        JsonNode result = succeeded(harness.run("software-updates", PICKUP, "off", "--json"));

        assertThat(result.get("command").asString()).isEqualTo("publishASUSettingsCommand");
        assertThat(harness.simulator.vehicle(PICKUP).telemetry().path("metrics").path("configurations")
            .path("automaticSoftwareUpdateOptInSetting").path("value").asString()).isEqualTo("OFF");
    }
}
