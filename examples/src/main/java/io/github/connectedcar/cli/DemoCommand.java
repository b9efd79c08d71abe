package io.github.connectedcar.cli;

import io.github.connectedcar.ConnectedCarAsyncClient;
import io.github.connectedcar.ConnectedCarClientBuilder;
import io.github.connectedcar.VehicleAsyncClient;
import io.github.connectedcar.auth.AuthAsyncClient;
import io.github.connectedcar.auth.InMemoryTokenStore;
import io.github.connectedcar.ford.Endpoints;
import io.github.connectedcar.model.Vehicle;
import io.github.connectedcar.model.VehicleStatus;
import io.github.connectedcar.simulator.BrowserLogin;
import io.github.connectedcar.simulator.FordCloudSimulator;
import io.github.connectedcar.simulator.SimulatedAccount;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The whole story with no Ford account and no network: an embedded simulator of Ford's cloud, the browser login,
 * the vehicle list, a status table per car, a remote start followed to its end, a lock and the status change it
 * makes, and charging started on the electric car.
 */
@Command(name = "demo", description = "Run the whole story against an embedded simulator of Ford's cloud "
    + "(no account, no network).")
final class DemoCommand extends CliCommand {
    static final String PICKUP = "1FTFW1E50PFA00001";
    static final String CROSSOVER = "3FMTK3SU5PMA00002";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Option(names = "--speed", paramLabel = "FACTOR", defaultValue = "4",
        description = "How much faster than real time the simulated cars live (default: ${DEFAULT-VALUE}).")
    double speed;

    @Override
    int execute() {
        Terminal answer = terminal;
        // Under --json the story goes to stderr and stdout gets one JSON document, like every other command.
        terminal = global.json ? terminal.onStderr() : terminal.storyteller();
        try (FordCloudSimulator simulator = FordCloudSimulator.builder().speed(speed).build().start()) {
            // Set the scene: the pickup was left unlocked, the crossover is plugged in but not charging.
            simulator.vehicle(PICKUP).setLocked(false);
            simulator.vehicle(CROSSOVER).plugIn().setCharging(false);
            terminal.note(terminal.bold("connectedcar demo") + ": running against an embedded simulator of Ford's "
                + "cloud at " + simulator.baseUrl() + " (" + speed + "x real time). No Ford account, no network.");
            try (ConnectedCarAsyncClient client = new ConnectedCarClientBuilder()
                    .endpoints(Endpoints.allAt(simulator.baseUrl()))
                    .tokenStore(new InMemoryTokenStore())
                    .clock(simulator.clock().asJavaClock()) // token lifetimes pass at the simulator's speed
                    .buildAsyncClient()) {
                int exit = story(client);
                if (global.json) {
                    answer.line(StatusView.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(
                        StatusView.JSON.createObjectNode().put("demo", "finished").put("simulator", simulator.baseUrl())
                            .put("speed", speed)));
                }
                return exit;
            }
        }
    }

    private int story(ConnectedCarAsyncClient client) {
        step("1. Sign in (the simulator plays the person at the browser)");
        AuthAsyncClient auth = client.auth();
        auth.beginLogin()
            .flatMap(pending -> new BrowserLogin().signIn(pending.authorizeUrl().toString(),
                    SimulatedAccount.DEFAULT_USERNAME, SimulatedAccount.DEFAULT_PASSWORD)
                .flatMap(redirect -> auth.completeLogin(pending, redirect)))
            .block(WAIT);
        terminal.note(terminal.green("✔") + " Signed in as " + SimulatedAccount.DEFAULT_USERNAME
            + " (PKCE code exchange, CAT and TMC tokens)");

        step("2. Vehicles");
        List<Vehicle> vehicles = client.vehicles().collectList().block(WAIT);
        terminal.table(List.of("VIN", "NAME", "MODEL", "ENGINE"), vehicles.stream().map(v -> List.of(v.vin(),
            v.nickname().orElse(""), v.modelName().orElse(""), v.engineType().toString())).toList());

        step("3. Status of each car");
        for (Vehicle vehicle : vehicles) {
            StatusCommand.print(terminal, vehicle.vin(), client.vehicle(vehicle.vin()).status().block(WAIT));
            terminal.line("");
        }

        CommandRunner runner = new CommandRunner(terminal, false);
        VehicleAsyncClient pickup = client.vehicle(PICKUP);
        step("4. Remote start the pickup, followed to its end");
        runner.follow("Remote start " + PICKUP, pickup.start(), pickup.commandOptions());
        VehicleStatus started = pickup.status().block(WAIT);
        terminal.line("  Remote start: " + started.remoteStartCountdown()
            .map(m -> StatusView.duration(m.value()) + " left").orElse("unknown")
            + ", ignition " + started.ignitionStatus().map(m -> m.value()).orElse("unknown")
            + " (a remote start leaves the ignition OFF)");

        step("5. Lock the pickup");
        String before = lockText(started);
        runner.follow("Lock " + PICKUP, pickup.lock(), pickup.commandOptions());
        String after = lockText(pickup.status().block(WAIT));
        terminal.line("  Locks: " + before + " → " + terminal.bold(after));

        step("6. Start charging the crossover");
        VehicleAsyncClient crossover = client.vehicle(CROSSOVER);
        runner.follow("Start charging " + CROSSOVER, crossover.startCharging(), crossover.commandOptions());
        VehicleStatus charging = crossover.status().block(WAIT);
        terminal.line("  Charge: " + charging.evStateOfCharge().map(m -> m.value() + " %").orElse("unknown")
            + ", " + charging.chargeDisplayStatus().map(m -> m.value().toString()).orElse("unknown"));

        terminal.note("");
        terminal.note(terminal.green("✔") + " Demo finished. Everything above ran against the simulator; for a real "
            + "car run: connectedcar login");
        return ExitCode.OK;
    }

    private void step(String title) {
        terminal.note("");
        terminal.note(terminal.bold(title));
    }

    private static String lockText(VehicleStatus status) {
        return status.allDoorsLocked().map(locked -> locked ? "all locked" : "UNLOCKED").orElse("unknown");
    }
}
