package io.github.connectedcar.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.ConnectedCarAsyncClient;
import io.github.connectedcar.ConnectedCarClientBuilder;
import io.github.connectedcar.auth.InMemoryTokenStore;
import io.github.connectedcar.auth.TokenSet;
import io.github.connectedcar.command.CommandOptions;
import io.github.connectedcar.command.CommandResult;
import io.github.connectedcar.exception.CommandOutcomeUnknownException;
import io.github.connectedcar.ford.Endpoints;
import io.github.connectedcar.http.HttpHeaders;
import io.github.connectedcar.http.HttpRequest;
import io.github.connectedcar.http.HttpResponse;
import io.github.connectedcar.http.HttpTransport;
import io.github.connectedcar.http.RetryOptions;
import io.github.connectedcar.http.TransportException;
import io.github.connectedcar.model.CommandState;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Commands over real sockets: the Reactor Netty transport against a fresh MockWebServer per test, where "may have
 * been sent" and "never left" are decided by the wire, not by a fake.
 */
@Tag("integration")
@ExtendWith(MockWebServerExtension.class)
class CommandIntegrationTests {
    private static final Duration VERIFY = Duration.ofSeconds(10);
    private static final String VIN = "1FTFW1E50PFA00001";
    private static final String COMMANDS = "/v1/command/vehicles/" + VIN + "/commands";
    /** Real time, so short: checks at 10, 30 and 80 ms, two seconds at most. */
    private static final CommandOptions QUICK = CommandOptions.defaults()
        .withChecks(Duration.ofMillis(10), Duration.ofMillis(30), Duration.ofMillis(80))
        .withTimeout(Duration.ofSeconds(2));

    private MockWebServer server;
    private ReactorNettyTransport transport;
    private ConnectedCarAsyncClient client;
    private final List<RecordedRequest> received = new CopyOnWriteArrayList<>();
    private volatile Function<RecordedRequest, MockResponse> commandAnswer =
        request -> json(201, "{\"id\":\"cmd-1\",\"currentStatus\":\"REQUESTED\"}");

    @BeforeEach
    void setUp(MockWebServer server) {
        this.server = server;
        server.setDispatcher(new FordDispatcher());
        transport = ReactorNettyTransport.builder().build();
    }

    @AfterEach
    void tearDown() {
        if (client != null) {
            client.close();
        }
        transport.close();
    }

    private ConnectedCarAsyncClient client(Endpoints endpoints, HttpTransport wire, RetryOptions retry) {
        InMemoryTokenStore store = new InMemoryTokenStore();
        store.save(ConnectedCarClientBuilder.DEFAULT_ACCOUNT, new TokenSet("cat-0",
            Instant.now().plus(Duration.ofDays(1)), "refresh-0", null)).block(VERIFY);
        return new ConnectedCarClientBuilder()
            .endpoints(endpoints)
            .transport(wire)
            .tokenStore(store)
            .retryOptions(retry)
            .commandOptions(QUICK)
            .buildAsyncClient();
    }

    private Endpoints serverEndpoints() {
        return Endpoints.allAt(server.url("/").toString());
    }

    private List<RecordedRequest> received(String method, String path) {
        return received.stream().filter(r -> r.getMethod().equals(method) && r.getUrl().encodedPath().equals(path))
            .toList();
    }

    @Test
    void commandIsNotResentAfterLostResponse() {
        commandAnswer = request -> new MockResponse.Builder()
            .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
            .build();
        client = client(serverEndpoints(), transport, RetryOptions.defaults());

        StepVerifier.create(client.vehicle(VIN).lock().result())
            .expectErrorSatisfies(error -> {
                assertThat(error).isInstanceOf(CommandOutcomeUnknownException.class)
                    .hasMessageContaining("lock").hasMessageContaining(VIN).hasMessageContaining("not sent again")
                    .hasCauseInstanceOf(TransportException.class);
                assertThat(((TransportException) error.getCause()).requestMayHaveBeenSent()).isTrue();
            })
            .verify(VERIFY);

        assertThat(received("POST", COMMANDS)).as("exactly one request reached the server").hasSize(1);
        assertThat(received("GET", "/v1/telemetry/sources/fordpass/vehicles/" + VIN)).isEmpty();
    }

    @Test
    void commandRefusedBeforeSendingIsRetriedAndSentOnce() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        CountDownLatch refused = new CountDownLatch(1);
        HttpTransport watching = new HttpTransport() {
            @Override
            public Mono<HttpResponse> send(HttpRequest request) {
                return transport.send(request).doOnError(TransportException.class, e -> {
                    if (!e.requestMayHaveBeenSent()) {
                        refused.countDown();
                    }
                });
            }

            @Override
            public Flux<String> websocket(URI uri, HttpHeaders headers, Publisher<String> outbound) {
                return transport.websocket(uri, headers, outbound);
            }

            @Override
            public void close() {
                transport.close();
            }
        };
        // Autonomic's commands and telemetry live on a port nobody listens on yet; login and the list on the server.
        Endpoints endpoints = serverEndpoints().with(Endpoints.Role.AUTONOMIC, "http://127.0.0.1:" + port);
        client = client(endpoints, watching, RetryOptions.defaults().withJitter(0)
            .withDelays(Duration.ofMillis(500), Duration.ofSeconds(2)));

        CompletableFuture<CommandResult> result = client.vehicle(VIN).lock().result().toFuture();
        assertThat(refused.await(5, TimeUnit.SECONDS)).as("the first attempt was refused").isTrue();
        try (MockWebServer late = new MockWebServer()) {
            late.setDispatcher(new FordDispatcher());
            late.start(InetAddress.getByName("127.0.0.1"), port);

            CommandResult done = result.get(10, TimeUnit.SECONDS);

            assertThat(done.state()).isEqualTo(CommandState.SUCCEEDED);
            assertThat(received("POST", COMMANDS)).as("the retry reached the server once").hasSize(1);
            assertThat(client.metrics().writeRetries().succeededWithRetry()).isEqualTo(1);
        }
    }

    @Test
    void commandIsSentAndFollowedToSuccessOverTheWire() throws InterruptedException {
        client = client(serverEndpoints(), transport, RetryOptions.defaults());

        StepVerifier.create(client.vehicle(VIN).lock().map(step -> step.state()))
            .expectNext(CommandState.REQUESTED, CommandState.SUCCEEDED)
            .expectComplete()
            .verify(VERIFY);

        RecordedRequest post = received("POST", COMMANDS).get(0);
        assertThat(post.getHeaders().get("Authorization")).isEqualTo("Bearer tmc-wire");
        assertThat(post.getBody().utf8()).isEqualTo("{\"type\":\"lock\",\"wakeUp\":true,\"tags\":{}}");
    }

    @Test
    void zoneLightingOffSendsItsVinBodyOnADelete() {
        client = client(serverEndpoints(), transport, RetryOptions.defaults());

        StepVerifier.create(client.vehicle(VIN).zoneLightingOff())
            .expectNextCount(1)
            .expectComplete()
            .verify(VERIFY);

        List<RecordedRequest> deletes = received("DELETE", "/vehicles/vpfi/zonelightingactivation");
        assertThat(deletes).hasSize(1);
        assertThat(deletes.get(0).getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(deletes.get(0).getBody().utf8()).isEqualTo("{\"vin\":\"" + VIN + "\"}");
        assertThat(deletes.get(0).getHeaders().get("auth-token")).isEqualTo("cat-0");
    }

    /** Token exchange, vehicle list, commands, telemetry and zone lighting, by path. */
    private final class FordDispatcher extends Dispatcher {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
            received.add(request);
            String path = request.getUrl().encodedPath();
            if (path.equals("/v1/auth/oidc/token")) {
                return json(200, "{\"access_token\":\"tmc-wire\",\"expires_in\":300,\"token_type\":\"Bearer\"}");
            }
            if (path.equals("/api/expdashboard/v1/details/")) {
                return json(207, fixture("/fixtures/dashboard-two-vehicles.json"));
            }
            if (path.equals(COMMANDS)) {
                return commandAnswer.apply(request);
            }
            if (path.startsWith("/v1/telemetry/")) {
                return json(200, "{\"states\":{\"lockCommand\":{\"commandId\":\"cmd-1\",\"value\":"
                    + "{\"toState\":\"SUCCESS\"}}}}");
            }
            if (path.startsWith("/vehicles/vpfi/")) {
                return json(200, "{}");
            }
            return json(404, "{\"message\":\"no route for " + path + "\"}");
        }
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body)
            .build();
    }

    private static String fixture(String path) {
        try (InputStream in = CommandIntegrationTests.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("No fixture " + path + " (from connectedcar-core's test-jar)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
