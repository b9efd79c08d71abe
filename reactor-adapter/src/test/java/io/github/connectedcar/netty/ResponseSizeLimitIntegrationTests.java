package io.github.connectedcar.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.ConnectedCarAsyncClient;
import io.github.connectedcar.ConnectedCarClientBuilder;
import io.github.connectedcar.ford.Endpoints;
import io.github.connectedcar.http.HttpMethod;
import io.github.connectedcar.http.HttpRequest;
import io.github.connectedcar.http.ResponseTooLargeException;
import io.github.connectedcar.http.RetryOptions;
import io.github.connectedcar.http.TransportOptions;
import io.github.connectedcar.testing.MisbehavingServer;
import io.github.connectedcar.testing.TestClients;
import java.net.URI;
import java.time.Duration;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;

/**
 * A body past {@link TransportOptions#maxResponseBytes()} ends the call with {@link ResponseTooLargeException} and
 * closes the connection, whether the server declares its length or not: the server cannot finish writing a 50 MB
 * answer, so the client neither kept nor drained it.
 */
@Tag("integration")
@ExtendWith(MockWebServerExtension.class)
class ResponseSizeLimitIntegrationTests {
    private static final Duration VERIFY = Duration.ofSeconds(10);
    private static final long FIFTY_MB = 50L * 1024 * 1024;
    private static final int LIMIT = 1024 * 1024;

    private final ReactorNettyTransport transport = ReactorNettyTransport.builder()
        .options(TransportOptions.defaults().withMaxResponseBytes(LIMIT))
        .build();
    private MisbehavingServer server;

    @AfterEach
    void tearDown() {
        transport.close();
        if (server != null) {
            server.close();
        }
    }

    private HttpRequest telemetry() {
        return HttpRequest.of(HttpMethod.GET, URI.create(server.baseUrl() + "/v1/telemetry"), "telemetry");
    }

    @ParameterizedTest(name = "declared length: {0}")
    @ValueSource(booleans = {true, false})
    void aBodyPastTheLimitEndsTheCallAndClosesTheConnection(boolean declareLength) throws InterruptedException {
        server = MisbehavingServer.start(MisbehavingServer.hugeBody(FIFTY_MB, declareLength));

        StepVerifier.create(transport.send(telemetry()))
            .expectErrorSatisfies(error -> {
                assertThat(error).isInstanceOf(ResponseTooLargeException.class)
                    .hasMessageContaining("telemetry").hasMessageContaining("1 MB")
                    .hasMessageContaining("connection was closed");
                assertThat(((ResponseTooLargeException) error).getLimit()).isEqualTo(LIMIT);
                assertThat(((ResponseTooLargeException) error).requestMayHaveBeenSent()).isTrue();
            })
            .verify(VERIFY);

        for (int i = 0; i < 50 && !server.allConnectionsClosed(); i++) {
            Thread.sleep(100);
        }
        assertThat(server.allConnectionsClosed()).as("the client closed the connection").isTrue();
        assertThat(server.bodyBytesWritten()).as("the server could not write it all").isLessThan(FIFTY_MB);
    }

    @Test
    void aBodyOfExactlyTheLimitIsReadWhole() {
        server = MisbehavingServer.start(MisbehavingServer.hugeBody(LIMIT, false));

        StepVerifier.create(transport.send(telemetry()))
            .assertNext(response -> assertThat(response.body()).hasSize(LIMIT))
            .expectComplete()
            .verify(VERIFY);
    }

    @Test
    void aReadWithABodyPastTheLimitIsNotRetried(MockWebServer ford) {
        server = MisbehavingServer.start(MisbehavingServer.hugeBody(FIFTY_MB, true));
        ford.setDispatcher(new FordCloudDispatcher());
        ConnectedCarAsyncClient client = new ConnectedCarClientBuilder()
            .endpoints(Endpoints.allAt(ford.url("/").toString()).with(Endpoints.Role.AUTONOMIC, server.baseUrl()))
            .transport(transport)
            .retryOptions(RetryOptions.defaults().withDelays(Duration.ofMillis(10), Duration.ofMillis(50)))
            .buildAsyncClient();
        StepVerifier.create(TestClients.login(client)).expectComplete().verify(VERIFY);

        StepVerifier.create(client.vehicle(TestClients.F150_VIN).status())
            .expectError(ResponseTooLargeException.class)
            .verify(VERIFY);
        assertThat(server.requests()).isEqualTo(1);
    }
}
