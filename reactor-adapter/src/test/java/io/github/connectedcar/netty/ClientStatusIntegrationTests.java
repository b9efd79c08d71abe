package io.github.connectedcar.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.ConnectedCarAsyncClient;
import io.github.connectedcar.ConnectedCarClient;
import io.github.connectedcar.ConnectedCarClientBuilder;
import io.github.connectedcar.exception.ServiceException;
import io.github.connectedcar.exception.VehicleNotFoundException;
import io.github.connectedcar.ford.Endpoints;
import io.github.connectedcar.http.RetryOptions;
import io.github.connectedcar.model.EngineType;
import io.github.connectedcar.model.Vehicle;
import io.github.connectedcar.netty.FordCloudDispatcher.Route;
import io.github.connectedcar.testing.TestClients;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.test.StepVerifier;

/**
 * The whole client over real sockets: {@code Endpoints.allAt(server)}, the Reactor Netty transport, a browser login,
 * then the vehicle list and a status, as Ford's cloud would answer them. One fresh MockWebServer per test.
 */
@Tag("integration")
@ExtendWith(MockWebServerExtension.class)
class ClientStatusIntegrationTests {
    /** A bound, not a timing: the first login over real sockets loads many classes on a busy machine. */
    private static final Duration VERIFY = Duration.ofSeconds(30);

    private MockWebServer server;
    private FordCloudDispatcher ford;
    private ReactorNettyTransport transport;
    private ConnectedCarAsyncClient client;

    @BeforeEach
    void setUp(MockWebServer server) {
        this.server = server;
        ford = new FordCloudDispatcher();
        server.setDispatcher(ford);
        transport = ReactorNettyTransport.builder().build();
        client = builder().buildAsyncClient();
        StepVerifier.create(TestClients.login(client)).expectComplete().verify(VERIFY);
    }

    private ConnectedCarClientBuilder builder() {
        return new ConnectedCarClientBuilder()
            .endpoints(Endpoints.allAt(server.url("/").toString()))
            .transport(transport)
            .retryOptions(RetryOptions.none());
    }

    @AfterEach
    void tearDown() {
        transport.close();
    }

    @Test
    void vehiclesComeFromTheMultiStatusDashboard() {
        StepVerifier.create(client.vehicles())
            .assertNext(vehicle -> {
                assertThat(vehicle.vin()).isEqualTo(TestClients.F150_VIN);
                assertThat(vehicle.nickname()).contains("Work Truck");
                assertThat(vehicle.engineType()).isEqualTo(EngineType.ICE);
            })
            .assertNext(vehicle -> {
                assertThat(vehicle.vin()).isEqualTo(TestClients.MACH_E_VIN);
                assertThat(vehicle.modelName()).contains("Mustang Mach-E");
                assertThat(vehicle.engineType()).isEqualTo(EngineType.BEV);
            })
            .expectComplete()
            .verify(VERIFY);

        RecordedRequest list = ford.requests(Route.VEHICLES).get(0);
        assertThat(list.getMethod()).isEqualTo("POST");
        assertThat(list.getTarget()).isEqualTo("/api/expdashboard/v1/details/");
        assertThat(list.getHeaders().get("auth-token")).startsWith("SeCrEt-cat-");
        assertThat(list.getHeaders().get("Authorization")).isNull();
        assertThat(list.getHeaders().get("Application-Id")).isEqualTo("BFE8C5ED-D687-4C19-A5DD-F92CDFC4503A");
        assertThat(list.getHeaders().get("countryCode")).isEqualTo("USA");
        assertThat(list.getHeaders().get("locale")).isEqualTo("en-US");
        assertThat(list.getHeaders().get("User-Agent")).isEqualTo("okhttp/4.12.0");
        assertThat(list.getBody().utf8()).isEqualTo("{\"dashboardRefreshRequest\":\"All\"}");
    }

    @Test
    void statusComesFromTelemetryWithTheTmcTokenAsBearer() {
        StepVerifier.create(client.vehicle(TestClients.MACH_E_VIN).status())
            .assertNext(status -> {
                assertThat(status.vin()).contains(TestClients.MACH_E_VIN);
                assertThat(status.odometer()).hasValueSatisfying(m -> assertThat(m.value()).isEqualTo(41876.0));
                assertThat(status.evStateOfCharge()).hasValueSatisfying(m -> assertThat(m.value()).isEqualTo(73.0));
            })
            .expectComplete()
            .verify(VERIFY);

        RecordedRequest telemetry = ford.requests(Route.TELEMETRY).get(0);
        assertThat(telemetry.getMethod()).isEqualTo("GET");
        assertThat(telemetry.getTarget()).isEqualTo("/v1/telemetry/sources/fordpass/vehicles/"
            + TestClients.MACH_E_VIN + "?lrdt=01-01-1970%2000%3A00%3A00");
        assertThat(telemetry.getHeaders().get("Authorization")).startsWith("Bearer SeCrEt-tmc-");
        assertThat(telemetry.getHeaders().get("auth-token")).isNull();
        assertThat(ford.count(Route.TMC_EXCHANGE)).isEqualTo(1);
    }

    @Test
    void loginSpeaksTheTokenEndpointsOverTheWire() {
        RecordedRequest exchange = ford.requests(Route.B2C_TOKEN).get(0);
        assertThat(exchange.getTarget()).isEqualTo("/4566605f-43a7-400a-946e-89cc9fdb0bd7/"
            + "B2C_1A_SignInSignUp_en-US/oauth2/v2.0/token");
        assertThat(exchange.getHeaders().get("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(exchange.getBody().utf8()).contains("scope=09852200-05fd-41f6-8c21-d36d3497dc64%20openid",
            "grant_type=authorization_code", "code_verifier=");
        RecordedRequest mint = ford.requests(Route.CAT_MINT).get(0);
        assertThat(mint.getBody().utf8()).startsWith("{\"idpToken\":\"SeCrEt-b2c-access-");
        assertThat(mint.getHeaders().get("Application-Id")).isEqualTo("BFE8C5ED-D687-4C19-A5DD-F92CDFC4503A");
        RecordedRequest tmc = ford.requests(Route.TMC_EXCHANGE).get(0);
        assertThat(tmc.getBody().utf8()).contains("subject_token=SeCrEt-cat-", "subject_issuer=fordpass",
            "client_id=fordpass-prod");
    }

    @Test
    void blockingClientReadsTheSameOverTheWire() {
        try (ConnectedCarClient blocking = new ConnectedCarClientBuilder()
            .endpoints(Endpoints.allAt(server.url("/").toString()))
            .transport(transport)
            .tokenStore(new io.github.connectedcar.auth.InMemoryTokenStore())
            .buildClient()) {
            blocking.auth().completeLogin(blocking.auth().beginLogin(), TestClients.PASTED_REDIRECT);

            assertThat(blocking.vehicles()).extracting(Vehicle::vin)
                .containsExactly(TestClients.F150_VIN, TestClients.MACH_E_VIN);
            assertThat(blocking.vehicle(TestClients.F150_VIN).status().fuelLevel()).isPresent();
        }
    }

    @Test
    void unknownVinIsVehicleNotFound() {
        StepVerifier.create(client.vehicle("1FMCU9GD5KUA00003").status())
            .expectError(VehicleNotFoundException.class)
            .verify(VERIFY);
    }

    @Test
    void firewallPageIsAServiceExceptionWithTheStatusAndBody() {
        ford.fail(Route.VEHICLES, new MockResponse.Builder().code(403).addHeader("Content-Type", "text/html")
            .body("<html><body>Access Denied</body></html>").build());

        StepVerifier.create(client.vehicles())
            .expectErrorSatisfies(error -> {
                assertThat(error).isInstanceOf(ServiceException.class).hasMessageContaining("firewall");
                assertThat(((ServiceException) error).getStatus()).isEqualTo(403);
                assertThat(((ServiceException) error).getBody()).contains("Access Denied");
            })
            .verify(VERIFY);
    }
}
