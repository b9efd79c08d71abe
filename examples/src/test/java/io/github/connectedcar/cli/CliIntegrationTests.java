package io.github.connectedcar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.ConnectedCarClientBuilder;
import io.github.connectedcar.auth.FileTokenStore;
import io.github.connectedcar.cli.CliHarness.Run;
import io.github.connectedcar.simulator.BrowserLogin;
import io.github.connectedcar.simulator.FordCloudSimulator;
import io.github.connectedcar.simulator.Main;
import io.github.connectedcar.simulator.SimulatedAccount;
import io.github.connectedcar.simulator.fault.Fault;
import io.github.connectedcar.simulator.vehicle.Door;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The command line in-process, against a simulator on a real socket ({@code --endpoint}), as a script would run it:
 * no terminal, so plain lines and no colours.
 */
@Tag("integration")
class CliIntegrationTests {
    private static final String PICKUP = CliHarness.PICKUP;
    private static final String CROSSOVER = CliHarness.CROSSOVER;

    @TempDir
    Path home;

    private CliHarness harness;
    private FordCloudSimulator simulator;
    private Path tokenFile;

    @BeforeEach
    void startSimulator() {
        harness = new CliHarness(home, 20);
        simulator = harness.simulator;
        tokenFile = harness.tokenFile;
    }

    @AfterEach
    void stopSimulator() {
        harness.close();
    }

    private Run cliWithInput(String stdin, String... args) {
        return harness.cliWithInput(stdin, args);
    }

    private Run cli(String... args) {
        return harness.cli(args);
    }

    private String[] withEndpoint(String... args) {
        return harness.withEndpoint(args);
    }

    private String[] at(String baseUrl, String... args) {
        return harness.at(baseUrl, args);
    }

    /** Stores a login in the token file the way the SDK does, so commands can run. */
    private void loggedIn() {
        harness.loggedIn();
    }

    private void loggedIn(String baseUrl) {
        harness.loggedIn(baseUrl);
    }

    @Test
    void loginReadsThePastedUrlAndStoresTheTokensOwnerOnly() throws Exception {
        PipedOutputStream typed = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(typed);
        PipedOutputStream errPipe = new PipedOutputStream();
        BufferedReader errLines = new BufferedReader(new InputStreamReader(new PipedInputStream(errPipe),
            StandardCharsets.UTF_8));
        Terminal terminal = new Terminal(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(errPipe, true, StandardCharsets.UTF_8),
            new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)), false, false);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() ->
            ConnectedCarCli.run(terminal, withEndpoint("login")));

        // Play the person: read the URL the CLI prints, sign in, paste the fordapp:// URL back.
        Pattern url = Pattern.compile("(http://\\S+/oauth2/v2\\.0/authorize\\S+)");
        StringBuilder printed = new StringBuilder();
        String authorizeUrl = null;
        while (authorizeUrl == null) {
            String line = errLines.readLine();
            assertThat(line).as("the CLI printed no authorize URL: %s", printed).isNotNull();
            printed.append(line).append('\n');
            Matcher m = url.matcher(line);
            if (m.find()) {
                authorizeUrl = m.group(1);
            }
        }
        String redirect = new BrowserLogin().signInBlocking(authorizeUrl, SimulatedAccount.DEFAULT_USERNAME,
            SimulatedAccount.DEFAULT_PASSWORD);
        typed.write((redirect + "\n").getBytes(StandardCharsets.UTF_8));
        typed.flush();
        CompletableFuture.runAsync(() -> {
            try {
                errLines.transferTo(Writer.nullWriter()); // keep the pipe flowing until the CLI is done
            } catch (IOException ignored) {
                // the CLI closed its end
            }
        });

        assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCode.OK);
        assertThat(Files.readString(tokenFile)).contains("refreshToken");
        if (Files.getFileStore(tokenFile).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile))).isEqualTo("rw-------");
        }
        assertThat(printed).contains("Open this URL and sign in");
    }

    /** The authorize URL a run printed. */
    private static String authorizeUrlIn(String printed) {
        Matcher m = Pattern.compile("(http://\\S+/oauth2/v2\\.0/authorize\\S+)").matcher(printed);
        assertThat(m.find()).as("the CLI printed no authorize URL: %s", printed).isTrue();
        return m.group(1);
    }

    @Test
    void loginThenLoginWithTheRedirectUrlSignsInAndForgetsThePendingLogin() throws IOException {
        Path pending = home.resolve(PendingLoginFile.NAME);
        Run begun = cliWithInput("", withEndpoint("login")); // a script: no one at the prompt

        assertThat(begun.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(begun.err()).contains("login --redirect-url");
        assertThat(pending).exists();
        if (Files.getFileStore(pending).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pending))).isEqualTo("rw-------");
        }
        String redirect = new BrowserLogin().signInBlocking(authorizeUrlIn(begun.err()),
            SimulatedAccount.DEFAULT_USERNAME, SimulatedAccount.DEFAULT_PASSWORD);

        Run finished = cli(withEndpoint("login", "--redirect-url", redirect));

        assertThat(finished.exitCode()).as(finished.err()).isEqualTo(ExitCode.OK);
        assertThat(Files.readString(tokenFile)).contains("refreshToken");
        assertThat(pending).as("deleted once used").doesNotExist();
        assertThat(cli(withEndpoint("vehicles")).exitCode()).isEqualTo(ExitCode.OK);
    }

    @Test
    void theRedirectUrlCanComeFromStandardInputToStayOutOfPs() {
        Run begun = cliWithInput("", withEndpoint("login"));
        String redirect = new BrowserLogin().signInBlocking(authorizeUrlIn(begun.err()),
            SimulatedAccount.DEFAULT_USERNAME, SimulatedAccount.DEFAULT_PASSWORD);

        Run finished = cliWithInput(redirect + "\n", withEndpoint("login", "--redirect-url", "-"));

        assertThat(finished.exitCode()).as(finished.err()).isEqualTo(ExitCode.OK);
        assertThat(home.resolve(PendingLoginFile.NAME)).doesNotExist();
    }

    @Test
    void aMistypedRedirectUrlKeepsThePendingLoginForAnotherTry() {
        Run begun = cliWithInput("", withEndpoint("login"));
        String redirect = new BrowserLogin().signInBlocking(authorizeUrlIn(begun.err()),
            SimulatedAccount.DEFAULT_USERNAME, SimulatedAccount.DEFAULT_PASSWORD);

        Run typo = cli(withEndpoint("login", "--redirect-url", "https://www.ford.com/"));
        assertThat(typo.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(home.resolve(PendingLoginFile.NAME)).exists();

        assertThat(cli(withEndpoint("login", "--redirect-url", redirect)).exitCode()).isEqualTo(ExitCode.OK);
    }

    @Test
    void theRedirectUrlWithoutAPendingLoginSaysToRunLoginFirst() {
        Run run = cli(withEndpoint("login", "--redirect-url", "fordapp://userauthorized/?code=abc"));

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("No login is pending").contains("Run connectedcar login first");
    }

    @Test
    void loginHelpSaysHowTheTwoStepsMeet() {
        Run run = cli("login", "--help");

        assertThat(run.out()).contains(PendingLoginFile.NAME).contains("--redirect-url")
            .contains("standard input");
    }

    @Test
    void aBadPastedUrlGivesAClearErrorAndTheUsageExitCode() {
        Run run = cliWithInput("https://www.ford.com/?code=12345\n", withEndpoint("login"));

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("Error: The pasted URL must start with fordapp://userauthorized")
            .doesNotContain("12345")
            .doesNotContain("\tat "); // no stack trace without --verbose
    }

    @Test
    void withoutALoginCommandsSayToLogInWithTheirOwnExitCode() {
        Run run = cli(withEndpoint("status", PICKUP));

        assertThat(run.exitCode()).isEqualTo(ExitCode.AUTHENTICATION_REQUIRED);
        assertThat(run.err()).contains("Run: connectedcar login");
    }

    @Test
    void vehiclesPrintsATableOfBothCars() {
        loggedIn();
        Run run = cli(withEndpoint("vehicles"));

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out().lines().findFirst()).hasValueSatisfying(header ->
            assertThat(header).startsWith("VIN").contains("MODEL", "ENGINE"));
        assertThat(run.out()).contains(PICKUP, CROSSOVER, "ICE", "BEV");
    }

    @Test
    void statusJsonHasStableFieldNamesWithUnits() {
        loggedIn();
        Run run = cli(withEndpoint("status", PICKUP, "--json"));

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        JsonNode json = StatusView.JSON.readTree(run.out());
        assertThat(json.get("vin").asString()).isEqualTo(PICKUP);
        assertThat(json.get("odometerKm").isNumber()).isTrue();
        assertThat(json.get("fuelLevelPercent").isNumber()).isTrue();
        assertThat(json.get("allDoorsLocked").isBoolean()).isTrue();
        assertThat(json.get("tyres")).hasSize(4);
        assertThat(json.get("tyres").get(0).has("pressureKpa")).isTrue();
        assertThat(json.get("doors").get(0).has("open")).isTrue();
        assertThat(json.has("position")).isTrue();
    }

    @Test
    void statusTableShowsUnits() {
        loggedIn();
        Run run = cli(withEndpoint("status", CROSSOVER));

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("WHAT", "VALUE", "MEASURED", " km", " %", "kPa");
    }

    @Test
    void aSecondStatusRunWithinTheAutonomicTokensLifeMakesNoTokenCall() throws IOException {
        loggedIn();
        assertThat(cli(withEndpoint("status", PICKUP)).exitCode()).isEqualTo(ExitCode.OK);
        assertThat(simulator.requests().matching("POST", "/v1/auth/oidc/token")).hasSize(1);
        assertThat(Files.readString(tokenFile)).contains("\"tmcToken\"");
        simulator.requests().clear();

        Run second = cli(withEndpoint("status", PICKUP));

        assertThat(second.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(simulator.requests().matching("POST", "/")).isEmpty(); // no token exchange, no CAT refresh
        assertThat(simulator.requests().matching("GET", "/v1/telemetry/")).hasSize(1);
        String tmc = new FileTokenStore(tokenFile).load(ConnectedCarClientBuilder.DEFAULT_ACCOUNT)
            .block(Duration.ofSeconds(5)).tmcToken();
        assertThat(second.out() + second.err()).doesNotContain(tmc);
    }

    @Test
    void remoteStartPrintsItsProgressAndSucceeds() {
        loggedIn();
        Run run = cli(withEndpoint("start", PICKUP));

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.err()).contains("Remote start " + PICKUP, "REQUESTED", "SUCCEEDED");
    }

    @Test
    void aCommandWhoseAnswerNeverComesEndsAtTheTimeoutAsMaybeSent() {
        loggedIn();
        simulator.faults().inject(Fault.latency(Duration.ofSeconds(60)).onPath("/v1/command").always());

        long start = System.nanoTime();
        Run run = cli(withEndpoint("start", PICKUP, "--timeout", "2"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.COMMAND_FAILED);
        assertThat(run.err()).contains("may have reached Ford").contains("within 2 s")
            .contains("check with connectedcar status");
        assertThat(took).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aTokenCallThatCannotConnectIsANetworkErrorTriedByOneRetryLayer() throws IOException {
        loggedIn();
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }

        Run run = cli(at("http://127.0.0.1:" + closedPort, "status", PICKUP));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.NETWORK);
        assertThat(run.err()).contains("connection refused").contains("was not sent")
            .contains("Check the network");
    }

    @Test
    void aTimeoutBelowOneSecondIsAUsageError() {
        Run run = cli(withEndpoint("status", PICKUP, "--timeout", "0"));

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--timeout must be at least 1 second");
    }

    @Test
    void aLockTheCarRefusesEndsWithTheCommandFailedExitCode() {
        loggedIn();
        simulator.vehicle(PICKUP).openDoor(Door.DRIVER_FRONT);
        Run run = cli(withEndpoint("lock", PICKUP));

        assertThat(run.exitCode()).isEqualTo(ExitCode.COMMAND_FAILED);
        assertThat(run.err()).contains("did not succeed").contains("Error: ");
    }

    @Test
    void aSecondRefreshRunIsRefusedBecauseTheFirstIsRecordedBesideTheTokenFile() throws IOException {
        loggedIn();
        Run first = cli(withEndpoint("refresh", PICKUP));
        assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCode.OK);

        Run second = cli(withEndpoint("refresh", PICKUP));

        assertThat(second.exitCode()).isEqualTo(ExitCode.RATE_LIMITED);
        assertThat(second.err()).contains("12 V battery").contains(PICKUP);
        Path usage = home.resolve("usage.json");
        assertThat(Files.readString(usage)).contains(PICKUP).contains("\"requests\"")
            .doesNotContain("accessToken");
        if (Files.getFileStore(usage).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(usage))).isEqualTo("rw-------");
        }
    }

    @Test
    void remoteStartJsonPrintsTheResult() {
        loggedIn();
        Run run = cli(withEndpoint("start", PICKUP, "--json"));

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        JsonNode json = StatusView.JSON.readTree(run.out());
        assertThat(json.get("command").asString()).isEqualTo("remoteStart");
        assertThat(json.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(json.get("commandId").asString()).isNotBlank();
    }

    @Test
    void demoRunsTheWholeStoryAndExitsZero() {
        Run run = cli("demo", "--speed", "30");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("embedded simulator", "Signed in as demo@example.com", PICKUP, CROSSOVER,
            "Remote start " + PICKUP, "SUCCEEDED", "Locks: UNLOCKED → all locked", "Start charging " + CROSSOVER,
            "Demo finished");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        Run run = cli("status", PICKUP, "--bogus");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("Unknown option: '--bogus'");
    }

    @Test
    void endpointRoutesEveryCallToAStandaloneSimulator() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process standalone = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
            Main.class.getName(), "--port", Integer.toString(port)))
            .redirectErrorStream(true).redirectOutput(home.resolve("simulator.log").toFile()).start();
        try {
            String baseUrl = "http://127.0.0.1:" + port;
            reactor.netty.http.client.HttpClient.create().get().uri(baseUrl + "/_simulator")
                .responseSingle((response, body) -> body.asString())
                .retryWhen(reactor.util.retry.Retry.fixedDelay(300, Duration.ofMillis(100)))
                .block(Duration.ofSeconds(40));
            loggedIn(baseUrl);

            Run run = cli(at(baseUrl, "vehicles", "--json"));

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
            assertThat(StatusView.JSON.readTree(run.out())).extracting(node -> node.get("vin").asString())
                .containsExactlyInAnyOrder(PICKUP, CROSSOVER);
        } finally {
            standalone.destroy();
            if (!standalone.waitFor(10, TimeUnit.SECONDS)) {
                standalone.destroyForcibly();
            }
        }
    }
}
