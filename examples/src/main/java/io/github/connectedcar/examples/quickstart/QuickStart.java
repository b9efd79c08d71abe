package io.github.connectedcar.examples.quickstart;

import io.github.connectedcar.ConnectedCarAsyncClient;
import io.github.connectedcar.ConnectedCarClientBuilder;
import io.github.connectedcar.VehicleAsyncClient;
import io.github.connectedcar.auth.FileTokenStore;
import io.github.connectedcar.auth.InMemoryTokenStore;
import io.github.connectedcar.auth.PendingLogin;
import io.github.connectedcar.command.CommandFlux;
import io.github.connectedcar.command.CommandResult;
import io.github.connectedcar.ford.Endpoints;
import io.github.connectedcar.model.Vehicle;
import io.github.connectedcar.model.VehicleStatus;
import io.github.connectedcar.simulator.BrowserLogin;
import io.github.connectedcar.simulator.FordCloudSimulator;
import io.github.connectedcar.simulator.SimulatedAccount;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * The README's quick start as a program; the README shows the part between the "quick start" marks, word for word
 * ({@code QuickStartIntegrationTests} checks both).
 *
 * <p>Run as it is, it works against an embedded simulator of Ford's cloud (no account, no network):
 * {@code java -cp examples/target/connectedcar.jar io.github.connectedcar.examples.quickstart.QuickStart}. With
 * {@code --account VIN} it signs in to a real FordPass account and reads the pasted {@code fordapp://} URL from
 * standard input.
 */
public final class QuickStart {
    /** The simulator's pickup. */
    private static final String SIMULATED_PICKUP = "1FTFW1E50PFA00001";

    private QuickStart() {
    }

    public static void main(String[] args) {
        if (args.length == 2 && args[0].equals("--account")) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            run(account(), args[1], authorizeUrl -> {
                System.out.println("Open " + authorizeUrl + " in a desktop browser with its developer tools on the "
                    + "Network tab, sign in, and paste the fordapp://userauthorized/?code=... URL it ends on:");
                try {
                    return in.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            return;
        }
        try (FordCloudSimulator simulator = FordCloudSimulator.builder().speed(10).build().start()) {
            ConnectedCarClientBuilder simulated = new ConnectedCarClientBuilder()
                .endpoints(Endpoints.allAt(simulator.baseUrl()))
                .tokenStore(new InMemoryTokenStore());
            // The simulator plays the person at the browser.
            run(simulated, SIMULATED_PICKUP, authorizeUrl -> new BrowserLogin().signInBlocking(authorizeUrl,
                SimulatedAccount.DEFAULT_USERNAME, SimulatedAccount.DEFAULT_PASSWORD));
        }
    }

    // quick start: begin
    private static final Duration WAIT = Duration.ofSeconds(60);   // the longest wait for one answer

    /** A client of a real account: the region it was registered in, and where its login is kept. */
    static ConnectedCarClientBuilder account() {
        return new ConnectedCarClientBuilder()
            .region("US")                              // or "EU", "AU", a country code such as "DEU", Region.EUROPE
            .tokenStore(FileTokenStore.inUserHome());  // ~/.connectedcar/tokens.json, owner-only, replaced atomically
    }

    /**
     * Signs in, lists the cars, reads one car's status, remote-starts it with live progress and waits for the status
     * change the start makes. {@code browser} plays the person: it gets the URL to open and returns the
     * fordapp://userauthorized/?code=... URL the browser ended on (see "Logging in" below).
     */
    static void run(ConnectedCarClientBuilder builder, String vin, UnaryOperator<String> browser) {
        try (ConnectedCarAsyncClient client = builder.buildAsyncClient()) {
            // Once every few months: a person signs in in a browser (Ford blocks headless password logins).
            PendingLogin login = client.auth().beginLogin().block(WAIT);
            client.auth().completeLogin(login, browser.apply(login.authorizeUrl().toString())).block(WAIT);

            // From then on the token manager renews everything by itself.
            for (Vehicle vehicle : client.vehicles().collectList().block(WAIT)) {
                System.out.println(vehicle.vin() + "  " + vehicle.modelName().orElse("") + "  " + vehicle.engineType());
            }
            VehicleAsyncClient truck = client.vehicle(vin);
            VehicleStatus status = truck.status().block(WAIT);
            System.out.println("odometer " + status.odometer().map(km -> km.value() + " km").orElse("unknown")
                + ", fuel " + status.fuelLevel().map(fuel -> fuel.value() + " %").orElse("unknown")
                + ", locked " + status.allDoorsLocked().map(String::valueOf).orElse("unknown"));

            // A command is sent once and followed to its end.
            CommandFlux start = truck.start();
            start.subscribe(step -> System.out.println(step.state()));   // REQUESTED, QUEUED, DELIVERED, SUCCEEDED
            CommandResult result = start.result().block(WAIT);
            System.out.println("remote start done in " + result.duration().toSeconds() + " s");

            // Status changes as Ford pushes them (one shared websocket per car): here the start's countdown.
            VehicleStatus running = truck.statusUpdates()
                .filter(update -> update.remoteStartCountdown().isPresent())
                .blockFirst(WAIT);
            System.out.println("engine running, " + running.remoteStartCountdown().get().value().toMinutes()
                + " min left");
        }
    }
    // quick start: end
}
