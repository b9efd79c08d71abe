package io.github.connectedcar.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.ConnectedCarAsyncClient;
import io.github.connectedcar.ConnectedCarClientBuilder;
import io.github.connectedcar.auth.AuthAsyncClient;
import io.github.connectedcar.auth.InMemoryTokenStore;
import io.github.connectedcar.command.CommandFlux;
import io.github.connectedcar.command.CommandOptions;
import io.github.connectedcar.command.CommandProgress;
import io.github.connectedcar.command.CommandResult;
import io.github.connectedcar.exception.CommandFailedException;
import io.github.connectedcar.ford.Endpoints;
import io.github.connectedcar.model.CommandState;
import io.github.connectedcar.model.EngineType;
import io.github.connectedcar.model.Vehicle;
import io.github.connectedcar.model.VehicleStatus;
import io.github.connectedcar.simulator.BrowserLogin;
import io.github.connectedcar.simulator.FordCloudSimulator;
import io.github.connectedcar.simulator.SimulatedAccount;
import io.github.connectedcar.simulator.fault.Fault;
import io.github.connectedcar.simulator.junit.FordCloudSimulatorExtension;
import io.github.connectedcar.simulator.vehicle.Door;
import io.github.connectedcar.status.StatusStreamOptions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

/**
 * The SDK against the simulator over real sockets: Reactor Netty on both sides, the browser step played by
 * {@link BrowserLogin}, nothing shared between tests but the simulator process (reset before each test).
 */
@Tag("integration")
class SdkAgainstSimulatorIntegrationTests {
    static final String PICKUP = "1FTFW1E50PFA00001";
    static final String CROSSOVER = "3FMTK3SU5PMA00002";
    static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final FordCloudSimulatorExtension SIMULATOR = FordCloudSimulatorExtension.configured(builder ->
        builder.speed(10));

    private ConnectedCarAsyncClient client;

    @BeforeEach
    void logIn() {
        client = new ConnectedCarClientBuilder()
            .endpoints(Endpoints.allAt(SIMULATOR.baseUrl()))
            .tokenStore(new InMemoryTokenStore())
            .buildAsyncClient();
        logIn(client);
    }

    /** Signs the client in to the simulator's default account through the browser flow. */
    static void logIn(ConnectedCarAsyncClient client) {
        AuthAsyncClient auth = client.auth();
        auth.beginLogin()
            .flatMap(pending -> new BrowserLogin()
                .signIn(pending.authorizeUrl().toString(), SimulatedAccount.DEFAULT_USERNAME,
                    SimulatedAccount.DEFAULT_PASSWORD)
                .flatMap(redirect -> auth.completeLogin(pending, redirect)))
            .block(WAIT);
    }

    @AfterEach
    void close() {
        client.close();
    }

    private FordCloudSimulator simulator() {
        return SIMULATOR.simulator();
    }

    @Test
    void listsBothVehiclesWithTheirEnginesAndCapabilities() {
        List<Vehicle> vehicles = client.vehicles().collectList().block(WAIT);

        assertThat(vehicles).extracting(Vehicle::vin).containsExactlyInAnyOrder(PICKUP, CROSSOVER);
        assertThat(vehicles).filteredOn(v -> v.vin().equals(PICKUP)).singleElement()
            .satisfies(v -> assertThat(v.engineType()).isEqualTo(EngineType.ICE));
        assertThat(vehicles).filteredOn(v -> v.vin().equals(CROSSOVER)).singleElement()
            .satisfies(v -> assertThat(v.engineType().isElectric()).isTrue());
    }

    @Test
    void readsTheStatusOfBothCars() {
        VehicleStatus pickup = client.vehicle(PICKUP).status().block(WAIT);
        VehicleStatus crossover = client.vehicle(CROSSOVER).status().block(WAIT);

        assertThat(pickup.vin()).contains(PICKUP);
        assertThat(pickup.fuelLevel()).isPresent();
        assertThat(pickup.odometer()).isPresent();
        assertThat(pickup.doors()).isNotEmpty();
        assertThat(pickup.tirePressures()).hasSize(4);
        assertThat(crossover.evStateOfCharge()).isPresent();
        assertThat(crossover.plugStatus()).isPresent();
    }

    @Test
    void expiredTokensMidSessionAreRenewedWithoutTheCallerNoticing() {
        client.vehicle(PICKUP).status().block(WAIT);
        long refreshesBefore = client.metrics().catRefreshes();

        simulator().expireTokens(SimulatedAccount.DEFAULT_USERNAME);

        assertThat(client.vehicle(PICKUP).status().block(WAIT).vin()).contains(PICKUP);
        assertThat(client.vehicles().collectList().block(WAIT)).hasSize(2);
        assertThat(client.metrics().catRefreshes()).isEqualTo(refreshesBefore + 1);
    }

    @Test
    void aThrottledReadIsRetriedAfterItsRetryAfter() {
        simulator().faults().inject(Fault.rateLimited(Duration.ofSeconds(1)).onPath("/v1/telemetry").times(1));

        VehicleStatus status = client.vehicle(PICKUP).status().block(WAIT);

        assertThat(status.vin()).contains(PICKUP);
        assertThat(simulator().requests().matching("GET", "/v1/telemetry/sources/fordpass/vehicles/" + PICKUP))
            .hasSize(2);
    }

    @Test
    void theWebsocketDeliversAStateChange() {
        StepVerifier.create(client.vehicle(PICKUP).statusUpdates())
            .assertNext(first -> assertThat(first.doors()).allSatisfy(d -> assertThat(d.value().isOpen()).isFalse()))
            .then(() -> simulator().vehicle(PICKUP).openDoor(Door.DRIVER_FRONT))
            .assertNext(changed -> assertThat(changed.doors()).anySatisfy(d -> assertThat(d.value().isOpen()).isTrue()))
            .thenCancel()
            .verify(WAIT);
    }

    @Test
    void aRemoteStartIsFollowedToSuccessAndTheCarCountsDown() {
        CommandFlux start = client.vehicle(PICKUP).start();

        List<CommandState> states = start.map(CommandProgress::state).collectList().block(WAIT);
        CommandResult result = start.result().block(WAIT);

        assertThat(states).startsWith(CommandState.REQUESTED).endsWith(CommandState.SUCCEEDED);
        assertThat(result.state()).isEqualTo(CommandState.SUCCEEDED);
        assertThat(simulator().requests().matching("POST", "/v1/command/vehicles/" + PICKUP)).hasSize(1);
        VehicleStatus after = client.vehicle(PICKUP).status().block(WAIT);
        assertThat(after.remoteStartCountdown()).hasValueSatisfying(countdown ->
            assertThat(countdown.value()).isPositive());
    }

    @Test
    void theVehicleListReadAtLoginServesTheCapabilityChecksSoACommandCostsOnlyItsPost() {
        String vehicleList = "/api/expdashboard/v1/details";
        assertThat(simulator().requests().matching("POST", vehicleList)).as("the login read the list once").hasSize(1);
        simulator().requests().clear();

        CommandResult first = client.vehicle(PICKUP).start().result().block(WAIT);
        CommandResult second = client.vehicle(CROSSOVER).lock().result().block(WAIT);

        assertThat(first.state()).isEqualTo(CommandState.SUCCEEDED);
        assertThat(second.state()).isEqualTo(CommandState.SUCCEEDED);
        assertThat(simulator().requests().matching("POST", vehicleList)).as("no vehicle list per command").isEmpty();
        assertThat(simulator().requests().matching("POST", "/v1/command/vehicles/")).hasSize(2);
        assertThat(simulator().requests().matching("GET", "/v1/telemetry/sources/fordpass/vehicles/"))
            .as("states pushed over the socket each command opens: no polls").isEmpty();
    }

    @Test
    void withoutPushACommandCostsItsPostAndAtMostThreeChecks() {
        try (ConnectedCarAsyncClient polling = new ConnectedCarClientBuilder()
            .endpoints(Endpoints.allAt(SIMULATOR.baseUrl()))
            .tokenStore(new InMemoryTokenStore())
            .statusStreamOptions(StatusStreamOptions.polling(Duration.ofMinutes(15)))
            .commandOptions(CommandOptions.defaults().withChecks(Duration.ofMillis(300), Duration.ofMillis(700),
                Duration.ofSeconds(3)))
            .buildAsyncClient()) {
            logIn(polling);
            simulator().requests().clear();

            CommandResult result = polling.vehicle(PICKUP).start().result().block(WAIT);

            assertThat(result.state()).isEqualTo(CommandState.SUCCEEDED);
            assertThat(simulator().requests().matching("POST", "/v1/command/vehicles/")).hasSize(1);
            assertThat(simulator().requests().matching("GET", "/v1/telemetry/")).as("checks").hasSizeBetween(1, 3);
            assertThat(simulator().requests().matching("POST", "/api/expdashboard/v1/details")).isEmpty();
        }
    }

    @Test
    void lockingWithADoorOpenFailsWithTheCarsReason() {
        simulator().vehicle(PICKUP).setLocked(false).openDoor(Door.DRIVER_FRONT);

        StepVerifier.create(client.vehicle(PICKUP).lock().result())
            .expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(CommandFailedException.class,
                failed -> assertThat(failed.getOemErrorCode()).isPresent()))
            .verify(WAIT);
        assertThat(client.vehicle(PICKUP).status().block(WAIT).allDoorsLocked()).contains(false);
    }
}
