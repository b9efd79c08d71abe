package io.github.connectedcar.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.ConnectedCarAsyncClient;
import io.github.connectedcar.ConnectedCarClientBuilder;
import io.github.connectedcar.auth.InMemoryTokenStore;
import io.github.connectedcar.auth.TokenSet;
import io.github.connectedcar.exception.TokenRenewalFailedException;
import io.github.connectedcar.ford.Endpoints;
import io.github.connectedcar.http.HttpHeaders;
import io.github.connectedcar.http.HttpRequest;
import io.github.connectedcar.http.HttpResponse;
import io.github.connectedcar.http.HttpTransport;
import io.github.connectedcar.http.RetryOptions;
import io.github.connectedcar.http.TransportException;
import io.github.connectedcar.testing.TestClients;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * One {@code status()} to a closed port, over the Reactor Netty transport: the token call it needs first is tried
 * {@code maxRetries + 1} times by its own retry layer, and the read does not try it all again (it once made 4 × 4 =
 * 16 attempts and took 36.5 s with the default back-off).
 */
@Tag("integration")
class ClosedPortIntegrationTests {
    private static final Duration VERIFY = Duration.ofSeconds(10);

    private final ReactorNettyTransport transport = ReactorNettyTransport.builder().build();
    private final AtomicInteger attempts = new AtomicInteger();

    @AfterEach
    void tearDown() {
        transport.close();
    }

    /** The transport, counting the attempts that reach it. */
    private HttpTransport counting() {
        return new HttpTransport() {
            @Override
            public Mono<HttpResponse> send(HttpRequest request) {
                return Mono.defer(() -> {
                    attempts.incrementAndGet();
                    return transport.send(request);
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
    }

    private static int closedPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    @Test
    void aStatusToAClosedPortMakesOneLayerOfAttempts() throws IOException {
        InMemoryTokenStore store = new InMemoryTokenStore();
        store.save(ConnectedCarClientBuilder.DEFAULT_ACCOUNT,
            new TokenSet("cat", Instant.now().plusSeconds(3600), "refresh", null)).block(VERIFY);
        RetryOptions retries = RetryOptions.defaults().withDelays(Duration.ofMillis(10), Duration.ofMillis(50));
        ConnectedCarAsyncClient client = new ConnectedCarClientBuilder()
            .endpoints(Endpoints.allAt("http://127.0.0.1:" + closedPort()))
            .transport(counting())
            .tokenStore(store)
            .retryOptions(retries)
            .buildAsyncClient();

        StepVerifier.create(client.vehicle(TestClients.F150_VIN).status())
            .expectErrorSatisfies(error -> {
                assertThat(error).isInstanceOf(TokenRenewalFailedException.class)
                    .hasMessageContaining("connection refused").hasMessageContaining("was not sent");
                assertThat(error.getCause()).isInstanceOf(TransportException.class);
                assertThat(((TransportException) error.getCause()).requestMayHaveBeenSent()).isFalse();
            })
            .verify(VERIFY);

        assertThat(attempts).hasValue(retries.maxRetries() + 1);
    }
}
