package io.github.connectedcar.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.ConnectedCarAsyncClient;
import io.github.connectedcar.ConnectedCarClientBuilder;
import io.github.connectedcar.exception.AuthenticationRequiredException;
import io.github.connectedcar.exception.RateLimitedException;
import io.github.connectedcar.exception.ServiceException;
import io.github.connectedcar.exception.TokenRenewalFailedException;
import io.github.connectedcar.ford.Endpoints;
import io.github.connectedcar.http.RetryOptions;
import io.github.connectedcar.http.TransportException;
import io.github.connectedcar.http.TransportOptions;
import io.github.connectedcar.netty.FordCloudDispatcher.Route;
import io.github.connectedcar.testing.TestClients;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;

/**
 * Retries over real sockets with the Reactor Netty transport: reads are sent again after a 5xx, a reset connection, a
 * response timeout or a 429; client errors never; a POST that may have reached the server never. Backoff is cut to
 * milliseconds here (the waits themselves are asserted in virtual time by core's RetryPolicyUnitTests).
 */
@Tag("integration")
@ExtendWith(MockWebServerExtension.class)
class ClientRetryIntegrationTests {
    private static final Duration VERIFY = Duration.ofSeconds(5);
    private static final RetryOptions FAST = RetryOptions.defaults().withDelays(Duration.ofMillis(10),
        Duration.ofMillis(50));

    private MockWebServer server;
    private FordCloudDispatcher ford;
    private ReactorNettyTransport transport;
    private ConnectedCarAsyncClient client;
    /** How many vehicle-list reads the login made (it reads the list once for the capability checks). */
    private int readAtLogin;

    @BeforeEach
    void setUp(MockWebServer server) {
        this.server = server;
        ford = new FordCloudDispatcher();
        server.setDispatcher(ford);
        transport = ReactorNettyTransport.builder()
            .options(TransportOptions.defaults().withResponseTimeout(Duration.ofMillis(500)))
            .build();
        client = new ConnectedCarClientBuilder()
            .endpoints(Endpoints.allAt(server.url("/").toString()))
            .transport(transport)
            .retryOptions(FAST)
            .buildAsyncClient();
        StepVerifier.create(TestClients.login(client)).expectComplete().verify(VERIFY);
        readAtLogin = ford.count(Route.VEHICLES); // the login reads the vehicle list once for the capability checks
    }

    @AfterEach
    void tearDown() {
        transport.close();
    }

    private void expectStatus() {
        StepVerifier.create(client.vehicle(TestClients.MACH_E_VIN).status())
            .assertNext(status -> assertThat(status.vin()).contains(TestClients.MACH_E_VIN))
            .expectComplete()
            .verify(VERIFY);
    }

    @Test
    void readIsRetriedAfterAServiceUnavailable() {
        ford.fail(Route.TELEMETRY, FordCloudDispatcher.json(503, "{\"message\":\"busy\"}"));

        expectStatus();

        assertThat(ford.count(Route.TELEMETRY)).isEqualTo(2);
    }

    @Test
    void readIsRetriedAfterTheConnectionWasReset() {
        ford.fail(Route.TELEMETRY, new MockResponse.Builder()
            .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());

        expectStatus();

        assertThat(ford.count(Route.TELEMETRY)).isEqualTo(2);
    }

    @Test
    void readIsRetriedAfterAResponseTimeout() {
        ford.fail(Route.TELEMETRY, new MockResponse.Builder().code(200).body("{}")
            .headersDelay(2, TimeUnit.SECONDS).build());

        expectStatus();

        assertThat(ford.count(Route.TELEMETRY)).isEqualTo(2);
    }

    @Test
    void readIsRetriedAfterTooManyRequestsOnceRetryAfterHasPassed() {
        ford.fail(Route.TELEMETRY, new MockResponse.Builder().code(429).addHeader("Retry-After", "1").build());

        expectStatus();

        List<Long> arrivals = ford.arrivals(Route.TELEMETRY);
        assertThat(arrivals).hasSize(2);
        assertThat(Duration.ofNanos(arrivals.get(1) - arrivals.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void retryAfterBeyondTheLimitIsRateLimitedWithoutRetry() {
        ford.fail(Route.TELEMETRY, new MockResponse.Builder().code(429).addHeader("Retry-After", "3600").build());

        StepVerifier.create(client.vehicle(TestClients.MACH_E_VIN).status())
            .expectErrorSatisfies(error -> assertThat(((RateLimitedException) error).getRetryAfter())
                .isEqualTo(Duration.ofHours(1)))
            .verify(VERIFY);

        assertThat(ford.count(Route.TELEMETRY)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 403, 404})
    void clientErrorsAreNotRetried(int code) {
        ford.fail(Route.VEHICLES, FordCloudDispatcher.json(code, "{\"message\":\"no\"}"));

        StepVerifier.create(client.vehicles())
            .expectErrorSatisfies(error -> assertThat(((ServiceException) error).getStatus()).isEqualTo(code))
            .verify(VERIFY);

        assertThat(ford.count(Route.VEHICLES) - readAtLogin).isEqualTo(1);
    }

    @Test
    void unauthorizedIsSentAgainOnlyOnceWithARenewedToken() {
        ford.fail(Route.VEHICLES, FordCloudDispatcher.json(401, "{\"message\":\"Unauthorized\"}"))
            .fail(Route.VEHICLES, FordCloudDispatcher.json(401, "{\"message\":\"Unauthorized\"}"));

        StepVerifier.create(client.vehicles()).expectError(AuthenticationRequiredException.class).verify(VERIFY);

        assertThat(ford.count(Route.VEHICLES) - readAtLogin).isEqualTo(2);
        assertThat(ford.count(Route.CAT_REFRESH)).isEqualTo(1);
        assertThat(ford.requests(Route.VEHICLES).subList(readAtLogin, ford.count(Route.VEHICLES))).extracting(r -> r.getHeaders().get("auth-token"))
            .doesNotHaveDuplicates();
    }

    @Test
    void refreshPostIsNotResentAfterTheConnectionDroppedOnceItWasSent() {
        ford.fail(Route.CAT_REFRESH, new MockResponse.Builder()
            .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());

        StepVerifier.create(client.auth().refresh())
            .expectErrorSatisfies(error -> {
                assertThat(error).isInstanceOf(TokenRenewalFailedException.class);
                assertThat(error.getCause()).isInstanceOf(TransportException.class);
                assertThat(((TransportException) error.getCause()).requestMayHaveBeenSent()).isTrue();
            })
            .verify(VERIFY);

        assertThat(ford.count(Route.CAT_REFRESH)).isEqualTo(1);
        assertThat(client.metrics().writeRetries().total()).isPositive();
        assertThat(client.metrics().writeRetries().succeededWithRetry()).isZero();
        assertThat(client.metrics().writeRetries().failedWithRetry()).isZero();
    }
}
