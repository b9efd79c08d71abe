package io.github.connectedcar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.connectedcar.auth.AuthClient;
import io.github.connectedcar.auth.PendingLogin;
import io.github.connectedcar.exception.AuthenticationRequiredException;
import io.github.connectedcar.exception.OperationTimeoutException;
import io.github.connectedcar.exception.ServiceException;
import io.github.connectedcar.exception.VehicleNotFoundException;
import io.github.connectedcar.http.AuthScheme;
import io.github.connectedcar.http.DeadlineOptions;
import io.github.connectedcar.model.Capability;
import io.github.connectedcar.model.EngineType;
import io.github.connectedcar.model.Vehicle;
import io.github.connectedcar.model.VehicleStatus;
import io.github.connectedcar.testing.FakeFordAuth;
import io.github.connectedcar.testing.InMemoryTransport;
import io.github.connectedcar.testing.TestClients;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

/** The blocking facade gives the same results and the same typed exceptions as the reactive client. */
@Tag("unit")
class BlockingClientUnitTests {
    private InMemoryTransport transport;
    private ConnectedCarClient client;

    @BeforeEach
    void setUp() {
        transport = TestClients.withVehicleRoutes(new InMemoryTransport());
        new FakeFordAuth().install(transport);
        client = TestClients.builder(transport).buildClient();
    }

    @AfterEach
    void tearDown() {
        VirtualTimeScheduler.reset();
    }

    private void login() {
        AuthClient auth = client.auth();
        PendingLogin pending = auth.beginLogin();
        assertThat(pending.authorizeUrl().toString()).startsWith("https://login.ford.com/");
        auth.completeLogin(pending, TestClients.PASTED_REDIRECT);
    }

    @Test
    void loginThenVehiclesReturnsTheList() {
        login();

        List<Vehicle> vehicles = client.vehicles();

        assertThat(vehicles).extracting(Vehicle::vin).containsExactly(TestClients.F150_VIN, TestClients.MACH_E_VIN);
        assertThat(vehicles.get(1).engineType()).isEqualTo(EngineType.BEV);
    }

    @Test
    void statusReturnsTheTelemetry() {
        login();

        VehicleStatus status = client.vehicle(TestClients.MACH_E_VIN).status();

        assertThat(status.vin()).contains(TestClients.MACH_E_VIN);
        assertThat(status.odometer()).hasValueSatisfying(m -> assertThat(m.value()).isEqualTo(41876.0));
    }

    @Test
    void detailsReturnsTheVehicleFromTheList() {
        login();

        assertThat(client.vehicle(TestClients.F150_VIN).details().modelName()).contains("F-150");
    }

    @Test
    void capabilitiesComeFromTheVehicleList() {
        login();

        assertThat(client.vehicle(TestClients.F150_VIN).capabilities())
            .contains(Capability.REMOTE_START, Capability.REMOTE_LOCK)
            .doesNotContain(Capability.CHARGING);
        assertThat(client.vehicle(TestClients.MACH_E_VIN).capabilities()).contains(Capability.CHARGING);
    }

    @Test
    void refreshRenewsBothTokens() {
        login();

        client.auth().refresh();

        assertThat(ClientInternals.tokens(client.async()).catRefreshCount()).isEqualTo(1);
        assertThat(ClientInternals.tokens(client.async()).token(AuthScheme.CAT).block(Duration.ofSeconds(5)))
            .isEqualTo("cat-2");
        assertThat(transport.count("tmc-exchange")).isEqualTo(2);
    }

    @Test
    void logoutForgetsTheLogin() {
        login();

        client.auth().logout();

        assertThatThrownBy(client::vehicles).isInstanceOf(AuthenticationRequiredException.class);
    }

    @Test
    void errorsArriveAsTheSameTypedExceptions() {
        assertThatThrownBy(client::vehicles).isExactlyInstanceOf(AuthenticationRequiredException.class)
            .hasMessageContaining("beginLogin()");
        login();
        assertThatThrownBy(() -> client.vehicle("1FMCU9GD5KUA00003").status())
            .isExactlyInstanceOf(VehicleNotFoundException.class);
        transport.on("vehicles", request -> Mono.just(InMemoryTransport.json(request, 500,
            "{\"message\":\"boom\"}")));
        assertThatThrownBy(client::vehicles).isExactlyInstanceOf(ServiceException.class)
            .hasMessageContaining("boom");
    }

    @Test
    void refusedCodeArrivesAsAuthenticationRequired() {
        PendingLogin pending = client.auth().beginLogin();

        assertThatThrownBy(() -> client.auth().completeLogin(pending, "fordapp://userauthorized/?code=wrong"))
            .isExactlyInstanceOf(AuthenticationRequiredException.class);
        assertThatThrownBy(() -> client.auth().completeLogin(pending, "wrong"))
            .isExactlyInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void callThatNeverAnswersTimesOutWithOperationTimeout() throws Exception {
        VirtualTimeScheduler time = VirtualTimeScheduler.getOrSet();
        Duration blockTimeout = Duration.ofMinutes(5);
        // Calls with no deadline of their own: the facade's timeout is what ends the wait.
        ConnectedCarClient patient = TestClients.builder(transport).clientOptions(new ClientOptions(blockTimeout))
            .deadlineOptions(DeadlineOptions.all(Duration.ofDays(1)))
            .buildClient();
        TestClients.login(patient.async()).block(Duration.ofSeconds(5));
        CountDownLatch sent = new CountDownLatch(1);
        transport.on("telemetry", request -> {
            sent.countDown();
            return Mono.never();
        });
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<VehicleStatus> call = CompletableFuture.supplyAsync(
                () -> patient.vehicle(TestClients.MACH_E_VIN).status(), caller);
            assertThat(sent.await(5, TimeUnit.SECONDS)).isTrue();

            time.advanceTimeBy(blockTimeout.minusSeconds(1));
            assertThat(call).isNotDone();
            time.advanceTimeBy(Duration.ofSeconds(1));

            assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isExactlyInstanceOf(OperationTimeoutException.class)
                .hasMessageContaining("status of " + TestClients.MACH_E_VIN)
                .hasMessageContaining("300 s")
                .satisfies(e -> assertThat(((OperationTimeoutException) e).getTimeout()).isEqualTo(blockTimeout));
        } finally {
            caller.shutdownNow();
        }
    }
}
