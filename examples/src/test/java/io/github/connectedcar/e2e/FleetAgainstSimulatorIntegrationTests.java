package io.github.connectedcar.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.ConnectedCarAsyncClient;
import io.github.connectedcar.ConnectedCarClientBuilder;
import io.github.connectedcar.auth.InMemoryTokenStore;
import io.github.connectedcar.command.CommandResult;
import io.github.connectedcar.ford.Endpoints;
import io.github.connectedcar.model.CommandState;
import io.github.connectedcar.model.VehicleStatus;
import io.github.connectedcar.protection.QuotaOptions;
import io.github.connectedcar.simulator.FordCloudSimulator;
import io.github.connectedcar.simulator.QuotaPolicy;
import io.github.connectedcar.simulator.SimulatedAccount;
import io.github.connectedcar.simulator.record.RecordedRequest;
import io.github.connectedcar.simulator.vehicle.VehicleSpec;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;

/**
 * Many cars at once against the simulator over real sockets, on the default transport options: open status streams
 * leave the REST pool to calls, and commands are followed by push (counted in the simulator's request record).
 */
@Tag("integration")
class FleetAgainstSimulatorIntegrationTests {
    private static final int CARS = 200;
    private static final List<String> VINS = IntStream.range(0, CARS)
        .mapToObj(i -> String.format(Locale.ROOT, "1FTFW1E50PFB%05d", i)).toList();
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static FordCloudSimulator simulator;
    private ConnectedCarAsyncClient client;
    private final Disposable.Composite streams = Disposables.composite();

    @BeforeAll
    static void start() {
        SimulatedAccount.Builder account = SimulatedAccount.builder(SimulatedAccount.DEFAULT_USERNAME,
            SimulatedAccount.DEFAULT_PASSWORD);
        VINS.forEach(vin -> account.vehicle(VehicleSpec.f150(vin)));
        simulator = FordCloudSimulator.builder()
            .account(account.build())
            .quota(QuotaPolicy.perWindow(Integer.MAX_VALUE, Duration.ofDays(1)))
            .requestLogCapacity(10_000)
            .speed(10)
            .build().start();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void logIn() {
        simulator.reset();
        // Default transport options; only the account budget is lifted (it would allow 20 requests a minute).
        client = new ConnectedCarClientBuilder()
            .endpoints(Endpoints.allAt(simulator.baseUrl()))
            .tokenStore(new InMemoryTokenStore())
            .quota(QuotaOptions.unlimited())
            .buildAsyncClient();
        SdkAgainstSimulatorIntegrationTests.logIn(client);
    }

    @AfterEach
    void close() {
        streams.dispose();
        client.close();
    }

    /** Opens a status stream per car and waits until each has its first status. */
    private void openStreams(List<String> vins) {
        Set<String> up = ConcurrentHashMap.newKeySet();
        vins.forEach(vin -> streams.add(client.vehicle(vin).statusUpdates().subscribe(status -> up.add(vin))));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (up.size() < vins.size() && System.nanoTime() < deadline) {
            sleep(50);
        }
        assertThat(up).as("streams with a first status").hasSize(vins.size());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<RecordedRequest> telemetryReads(String vin) {
        return simulator.requests().matching("GET", "/v1/telemetry/sources/fordpass/vehicles/" + vin).stream()
            .filter(request -> !request.path().endsWith("/ws"))
            .toList();
    }

    @Test
    void restCallsKeepWorkingWhile200StreamsAreOpenOnDefaultOptions() {
        openStreams(VINS);
        assertThat(simulator.openWebsockets()).isEqualTo(CARS);

        // More reads at once than the pool has connections: the rest wait their turn instead of failing.
        List<VehicleStatus> read = Flux.fromIterable(VINS)
            .flatMap(vin -> client.vehicle(vin).status(), CARS)
            .collectList()
            .block(WAIT);
        assertThat(read).hasSize(CARS);
        assertThat(client.vehicles().collectList().block(WAIT)).hasSize(CARS);
        assertThat(simulator.openWebsockets()).as("the streams stayed open").isEqualTo(CARS);
    }

    @Test
    void aCommandOnACarWithAnOpenStreamIsFollowedByPushWithZeroPolls() {
        String vin = VINS.get(0);
        client.vehicles().collectList().block(WAIT); // warm: the capability list is kept from here on
        openStreams(List.of(vin));
        client.vehicle(vin).unlock().result().block(WAIT); // the capability check loads the kept vehicle list
        simulator.requests().clear();

        CommandResult result = client.vehicle(vin).lock().result().block(WAIT);

        assertThat(result.state()).isEqualTo(CommandState.SUCCEEDED);
        assertThat(telemetryReads(vin)).as("telemetry polls").isEmpty();
        // One request in all: the POST (no vehicle list, no upgrade, no poll).
        assertThat(simulator.requests().all()).singleElement()
            .satisfies(request -> assertThat(request.method()).isEqualTo("POST"));
    }

    @Test
    void aCommandWithoutAStreamCostsThePostAndOneUpgradeAndNoPolls() {
        String vin = VINS.get(1);
        client.vehicle(vin).unlock().result().block(WAIT); // loads the kept vehicle list
        simulator.requests().clear();

        CommandResult result = client.vehicle(vin).lock().result().block(WAIT);

        assertThat(result.state()).isEqualTo(CommandState.SUCCEEDED);
        assertThat(telemetryReads(vin)).as("telemetry polls").isEmpty();
        assertThat(simulator.requests().all()).extracting(RecordedRequest::method)
            .containsExactlyInAnyOrder("POST", "GET");
    }
}
