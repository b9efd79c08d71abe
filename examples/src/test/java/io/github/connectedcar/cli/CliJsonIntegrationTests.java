package io.github.connectedcar.cli;

import static io.github.connectedcar.cli.CliHarness.CROSSOVER;
import static io.github.connectedcar.cli.CliHarness.PICKUP;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.cli.CliHarness.Run;
import io.github.connectedcar.simulator.fault.Fault;
import io.github.connectedcar.simulator.vehicle.Door;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Under {@code --json} every answer, the demo's included, is one JSON document on stdout; every error too, with a
 * stable {@code error} object (type, message, action, fordCode, exitCode), and the process exits with the same code
 * as without {@code --json}.
 */
@Tag("integration")
class CliJsonIntegrationTests {
    @TempDir
    Path home;

    private CliHarness harness;

    @BeforeEach
    void startSimulator() {
        harness = new CliHarness(home, 20);
    }

    @AfterEach
    void stopSimulator() {
        harness.close();
    }

    /** The error object of a run, after checking the document's shape and that the exit codes agree. */
    private static JsonNode error(Run run, String type, int exitCode) {
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(exitCode);
        JsonNode document = run.json();
        assertThat(document.propertyNames()).containsExactly("error");
        JsonNode error = document.get("error");
        assertThat(error.get("type").asString()).isEqualTo(type);
        assertThat(error.get("exitCode").asInt()).isEqualTo(exitCode);
        assertThat(error.get("message").asString()).isNotBlank();
        assertThat(error.get("action").asString()).isNotBlank();
        assertThat(error.has("fordCode")).as("fordCode is always there, null when Ford gave none").isTrue();
        assertThat(run.err()).doesNotContain("Error: ");
        return error;
    }

    @Test
    void anUnknownOptionIsAUsageErrorInJson() {
        JsonNode error = error(harness.run("status", PICKUP, "--json", "--bogus"), Errors.USAGE, ExitCode.USAGE);

        assertThat(error.get("message").asString()).contains("Unknown option: '--bogus'");
        assertThat(error.get("action").asString()).isEqualTo("See: connectedcar status --help");
        assertThat(error.get("fordCode").isNull()).isTrue();
    }

    @Test
    void aJsonFlagAfterTheFailingArgumentStillGivesJson() {
        JsonNode error = error(harness.cli("status", "--json"), Errors.USAGE, ExitCode.USAGE);

        assertThat(error.get("message").asString()).contains("Missing required parameter: 'VIN'");
        error(harness.cli("charge", "--json"), Errors.USAGE, ExitCode.USAGE);
    }

    @Test
    void aBadParameterValueIsAUsageErrorInJson() {
        harness.loggedIn();

        JsonNode badVin = error(harness.run("status", "NOT-A-VIN", "--json"), Errors.USAGE, ExitCode.USAGE);
        assertThat(badVin.get("message").asString()).contains("is not a VIN");

        JsonNode badTarget = error(harness.run("charge", "settings", CROSSOVER, "--target", "55", "--json"),
            Errors.USAGE, ExitCode.USAGE);
        assertThat(badTarget.get("message").asString()).contains("steps of 10");
        assertThat(badTarget.get("action").asString()).isEqualTo("See: connectedcar charge settings --help");

        JsonNode notANumber = error(harness.run("honk", PICKUP, "--duration", "loud", "--json"), Errors.USAGE,
            ExitCode.USAGE);
        assertThat(notANumber.get("message").asString()).contains("loud");
        assertThat(harness.simulator.requests().matching(r -> r.path().contains("/command/"))).isEmpty();
    }

    @Test
    void noLoginIsLoginRequiredInJson() {
        JsonNode error = error(harness.run("status", PICKUP, "--json"), Errors.LOGIN_REQUIRED,
            ExitCode.AUTHENTICATION_REQUIRED);

        assertThat(error.get("action").asString()).isEqualTo("Run: connectedcar login");
    }

    @Test
    void aCommandTheCarRefusesCarriesFordsCodeInJson() {
        harness.loggedIn();
        harness.simulator.vehicle(PICKUP).openDoor(Door.DRIVER_FRONT);

        JsonNode error = error(harness.run("lock", PICKUP, "--json"), Errors.COMMAND_FAILED,
            ExitCode.COMMAND_FAILED);

        assertThat(error.get("fordCode").asString()).isEqualTo("DOOR_OPEN");
        assertThat(error.get("vin").asString()).isEqualTo(PICKUP);
        assertThat(error.get("command").asString()).isEqualTo("lock");
        assertThat(error.get("commandId").asString()).isNotBlank();
    }

    @Test
    void anErrorAnswerFromFordIsAFordErrorWithItsCodeInJson() {
        harness.loggedIn();

        // A target the SDK lets through (a multiple of 10) but the simulated command service refuses with 400.
        JsonNode error = error(harness.run("charge", "settings", CROSSOVER, "--target", "40", "--json"),
            Errors.FORD_ERROR, ExitCode.FAILURE);

        assertThat(error.get("fordCode").asString()).isEqualTo("BAD_REQUEST");
        assertThat(error.get("httpStatus").asInt()).isEqualTo(400);
    }

    @Test
    void aCommandTheCarCannotDoIsNotSupportedInJson() {
        harness.loggedIn();

        JsonNode error = error(harness.run("lights", "on", CROSSOVER, "--json"), Errors.COMMAND_NOT_SUPPORTED,
            ExitCode.COMMAND_FAILED);

        assertThat(error.get("capability").asString()).isEqualTo("zoneLighting");
        assertThat(error.get("action").asString()).contains("connectedcar vehicles");
    }

    @Test
    void anUnreachableFordIsANetworkErrorInJson() throws IOException {
        harness.loggedIn();
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }

        JsonNode error = error(harness.cli(harness.at("http://127.0.0.1:" + closedPort, "status", PICKUP, "--json")),
            Errors.NETWORK, ExitCode.NETWORK);

        assertThat(error.get("message").asString()).contains("connection refused");
        assertThat(error.get("action").asString()).contains("Check the network");
    }

    @Test
    void fordsThrottleIsRateLimitedInJson() {
        harness.loggedIn();
        harness.simulator.faults().inject(Fault.rateLimited(Duration.ofHours(1)).onPath("/v1/telemetry").always());

        JsonNode error = error(harness.run("status", PICKUP, "--json"), Errors.RATE_LIMITED, ExitCode.RATE_LIMITED);

        assertThat(error.get("retryAfterSeconds").asLong()).isEqualTo(3600);
    }

    @Test
    void aRefreshTooSoonIsRateLimitedWithTheTimeToWaitInJson() {
        harness.loggedIn();
        assertThat(harness.run("refresh", PICKUP).exitCode()).isEqualTo(ExitCode.OK);

        JsonNode error = error(harness.run("refresh", PICKUP, "--json"), Errors.REFRESH_TOO_SOON,
            ExitCode.RATE_LIMITED);

        assertThat(error.get("retryAt").asString()).isNotBlank();
        assertThat(error.get("vin").asString()).isEqualTo(PICKUP);
    }

    @Test
    void withoutJsonTheSameErrorIsTextOnStderrWithTheSameExitCode() {
        Run run = harness.run("status", PICKUP);

        assertThat(run.exitCode()).isEqualTo(ExitCode.AUTHENTICATION_REQUIRED);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("Error: ").contains("Run: connectedcar login");
    }

    @Test
    void theDemoTellsItsStoryOnStderrAndAnswersInJson() {
        Run run = harness.cli("demo", "--speed", "30", "--json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.json().get("demo").asString()).isEqualTo("finished");
        assertThat(run.err()).contains("Signed in as", "Demo finished");
    }
}
