package io.github.connectedcar.cli;

import io.github.connectedcar.ConnectedCarAsyncClient;
import io.github.connectedcar.ConnectedCarClientBuilder;
import io.github.connectedcar.auth.FileTokenStore;
import io.github.connectedcar.ford.Endpoints;
import io.github.connectedcar.simulator.BrowserLogin;
import io.github.connectedcar.simulator.FordCloudSimulator;
import io.github.connectedcar.simulator.SimulatedAccount;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * The command line in-process against a simulator on a real socket ({@code --endpoint}), as a script runs it: no
 * terminal, so plain lines and no colours; a token file of its own in {@code home}.
 */
final class CliHarness implements AutoCloseable {
    static final String PICKUP = "1FTFW1E50PFA00001";
    static final String CROSSOVER = "3FMTK3SU5PMA00002";

    /** What one run printed and returned. */
    record Run(int exitCode, String out, String err) {
        /** Standard output as the one JSON document it must be. */
        JsonNode json() {
            return StatusView.JSON.readTree(out);
        }
    }

    final FordCloudSimulator simulator;
    final Path home;
    final Path tokenFile;

    /** Starts a simulator running {@code speed} times faster than real time. */
    CliHarness(Path home, double speed) {
        this.home = home;
        this.tokenFile = home.resolve("tokens.json");
        this.simulator = FordCloudSimulator.builder().speed(speed).build().start();
    }

    Run cliWithInput(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Terminal terminal = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), new BufferedReader(new StringReader(stdin)), false,
            false);
        int code = ConnectedCarCli.run(terminal, args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    Run cli(String... args) {
        return cliWithInput("", args);
    }

    /** The arguments with the simulator as the endpoint and this harness's token file. */
    String[] withEndpoint(String... args) {
        return at(simulator.baseUrl(), args);
    }

    /** The arguments with {@code baseUrl} as the endpoint and this harness's token file. */
    String[] at(String baseUrl, String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--endpoint";
        all[args.length + 1] = baseUrl;
        all[args.length + 2] = "--token-file";
        all[args.length + 3] = tokenFile.toString();
        return all;
    }

    /** Runs the command line against the simulator. */
    Run run(String... args) {
        return cli(withEndpoint(args));
    }

    /** Stores a login in the token file the way the SDK does, so commands can run. */
    void loggedIn() {
        loggedIn(simulator.baseUrl());
    }

    void loggedIn(String baseUrl) {
        logIn(baseUrl, tokenFile);
    }

    /** Signs in to the simulator at {@code baseUrl} and stores the login in {@code tokenFile}, as the SDK does. */
    static void logIn(String baseUrl, Path tokenFile) {
        try (ConnectedCarAsyncClient client = new ConnectedCarClientBuilder()
                .endpoints(Endpoints.allAt(baseUrl))
                .tokenStore(new FileTokenStore(tokenFile))
                .buildAsyncClient()) {
            client.auth().beginLogin()
                .flatMap(pending -> new BrowserLogin().signIn(pending.authorizeUrl().toString(),
                        SimulatedAccount.DEFAULT_USERNAME, SimulatedAccount.DEFAULT_PASSWORD)
                    .flatMap(url -> client.auth().completeLogin(pending, url)))
                .block(Duration.ofSeconds(30));
        }
    }

    @Override
    public void close() {
        simulator.close();
    }
}
