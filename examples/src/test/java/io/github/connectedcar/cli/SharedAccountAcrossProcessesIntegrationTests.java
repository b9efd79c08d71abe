package io.github.connectedcar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.simulator.FordCloudSimulator;
import io.github.connectedcar.simulator.record.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Several command-line processes share one account through its files beside each other, as a cron job, a script and a
 * person at a terminal would: separate JVMs, against the simulator on a socket.
 */
@Tag("integration")
class SharedAccountAcrossProcessesIntegrationTests {
    private static final int PROCESSES = 3;
    private static final int ROUNDS = 3;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path home;

    private FordCloudSimulator simulator;
    private Path tokenFile;

    @BeforeEach
    void startSimulatorAndLogIn() {
        simulator = FordCloudSimulator.builder().build().start();
        tokenFile = home.resolve("tokens.json");
        CliHarness.logIn(simulator.baseUrl(), tokenFile);
    }

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    /**
     * Each round the stored CAT has just expired and three processes list the vehicles at once. Ford's refresh token
     * is single-use, so exactly one of them may renew it; the others must find and use the tokens it stored. (The list
     * needs the CAT only, so the nine runs and three renewals stay within the shared burst limit of 20 a minute.)
     */
    @Test
    void processesRacingAnExpiredLoginRenewItOnceAndNoneIsToldToLogInAgain() throws Exception {
        for (int round = 1; round <= ROUNDS; round++) {
            expireStoredAccessToken();
            List<Process> processes = new ArrayList<>();
            for (int i = 0; i < PROCESSES; i++) {
                processes.add(cli("vehicles", "--json"));
            }
            for (int i = 0; i < PROCESSES; i++) {
                Process process = processes.get(i);
                assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("process %d of round %d ended", i, round).isTrue();
                assertThat(process.exitValue()).as("round %d, process %d: %s", round, i, output(round, i))
                    .isEqualTo(ExitCode.OK);
            }
        }

        List<RecordedRequest> refreshes = simulator.requests()
            .matching(request -> request.path().endsWith("/cat-with-refresh-token"));
        assertThat(refreshes).as("one renewal per expiry across all processes").hasSize(ROUNDS)
            .allSatisfy(refresh -> assertThat(refresh.status()).isEqualTo(200));
    }

    /** Four processes race for the last two requests of the day's budget: two get them, two are refused. */
    @Test
    void processesRacingForTheLastPermitsOfTheBudgetGetExactlyThatMany() throws Exception {
        int daily = 250;
        int left = 2;
        Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
        ObjectNode usage = JSON.createObjectNode().put("format", "connectedcar-usage/1");
        var requests = usage.putObject("accounts").putObject("default").putArray("requests");
        for (int i = 0; i < daily - left; i++) {
            requests.add(hourAgo.plusMillis(i).toString());
        }
        Files.writeString(home.resolve("usage.json"), JSON.writeValueAsString(usage), StandardCharsets.UTF_8);
        simulator.requests().clear(); // the login of the set-up read the vehicle list once; count the race alone

        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            processes.add(cli("vehicles", "--json"));
        }
        List<Integer> exits = new ArrayList<>();
        for (Process process : processes) {
            assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
            exits.add(process.exitValue());
        }

        assertThat(exits).as("exit codes").containsExactlyInAnyOrder(ExitCode.OK, ExitCode.OK, ExitCode.RATE_LIMITED,
            ExitCode.RATE_LIMITED);
        assertThat(simulator.requests().matching(request -> request.path().contains("expdashboard")))
            .as("requests that reached Ford").hasSize(left);
    }

    /** Makes the stored CAT look expired (as it is after half an hour), leaving the refresh token as it is. */
    private void expireStoredAccessToken() throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(tokenFile.toFile());
        ObjectNode entry = (ObjectNode) root.get("accounts").get("default");
        entry.put("accessExpiresAt", Instant.now().minusSeconds(1).toString());
        Files.writeString(tokenFile, JSON.writeValueAsString(root), StandardCharsets.UTF_8);
    }

    private int launched;

    private Process cli(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
            .toString(), "-cp", System.getProperty("java.class.path"), ConnectedCarCli.class.getName()));
        command.addAll(List.of(args));
        command.addAll(List.of("--endpoint", simulator.baseUrl(), "--token-file", tokenFile.toString()));
        int round = launched / PROCESSES + 1;
        int index = launched++ % PROCESSES;
        return new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(home.resolve("round-" + round + "-process-" + index + ".log").toFile()).start();
    }

    private String output(int round, int index) throws Exception {
        return Files.readString(home.resolve("round-" + round + "-process-" + index + ".log"));
    }
}
