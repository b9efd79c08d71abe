package io.github.connectedcar.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.ConnectedCarAsyncClient;
import io.github.connectedcar.ConnectedCarClientBuilder;
import io.github.connectedcar.auth.InMemoryTokenStore;
import io.github.connectedcar.auth.TokenSet;
import io.github.connectedcar.ford.Endpoints;
import io.github.connectedcar.protection.QuotaOptions;
import io.github.connectedcar.testing.TestClients;
import io.netty.handler.codec.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Where the pool's connections run: calls that all waited for one token renewal must not open every connection on
 * the event loop the renewal's answer arrived on (Reactor Netty places a connection asked for on an event loop on
 * that loop).
 */
@Tag("integration")
class ConnectionPlacementIntegrationTests {
    private static final Duration VERIFY = Duration.ofSeconds(30);
    private static final int CALLS = 8;
    private static final byte[] TOKEN_EXCHANGE = "{\"access_token\":\"tmc\",\"expires_in\":3600}"
        .getBytes(StandardCharsets.UTF_8);

    private final DisposableServer server = HttpServer.create().host("127.0.0.1").port(0)
        // Telemetry answers slowly, so that the calls overlap and each needs a connection of its own.
        .handle((request, response) -> request.method() == HttpMethod.POST
            ? response.sendByteArray(Mono.just(TOKEN_EXCHANGE))
            : Mono.delay(Duration.ofMillis(100)).then(response.sendString(Mono.just("{}")).then()))
        .bindNow();
    private final ReactorNettyTransport transport = ReactorNettyTransport.builder().build();

    @AfterEach
    void tearDown() {
        transport.close();
        server.disposeNow();
    }

    @Test
    void callsThatWaitedForATokenRenewalOpenTheirConnectionsOnSeveralEventLoops() {
        InMemoryTokenStore store = new InMemoryTokenStore();
        store.save(ConnectedCarClientBuilder.DEFAULT_ACCOUNT,
            new TokenSet("cat", Instant.now().plus(Duration.ofDays(1)), "refresh", null)).block(VERIFY);
        ConnectedCarAsyncClient client = new ConnectedCarClientBuilder()
            .endpoints(Endpoints.allAt("http://127.0.0.1:" + server.port()))
            .transport(transport)
            .tokenStore(store)
            .quota(QuotaOptions.unlimited())
            .buildAsyncClient();

        // Every read needs the TMC token the store lacks: all wait for one exchange, then read at once.
        List<String> answeredOn = Flux.range(0, CALLS)
            .flatMap(i -> client.vehicle(TestClients.F150_VIN).status().map(status -> Thread.currentThread().getName()),
                CALLS)
            .collectList()
            .block(VERIFY);

        Set<String> loops = new TreeSet<>(answeredOn);
        assertThat(answeredOn).hasSize(CALLS).allSatisfy(thread -> assertThat(thread).startsWith("reactor-http-"));
        assertThat(loops).as("the event loops the reads' connections ran on").hasSizeGreaterThan(1);
    }
}
