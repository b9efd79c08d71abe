package io.github.connectedcar.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.connectedcar.ConnectedCarAsyncClient;
import io.github.connectedcar.ConnectedCarClientBuilder;
import io.github.connectedcar.auth.PendingLogin;
import io.github.connectedcar.ford.Endpoints;
import io.github.connectedcar.http.RetryOptions;
import io.github.connectedcar.netty.FordCloudDispatcher.Route;
import io.github.connectedcar.testing.FakeFordAuth;
import io.github.connectedcar.testing.LogCapture;
import io.github.connectedcar.testing.TestClients;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Over real sockets, with DEBUG logging for the SDK and for Reactor Netty and Netty: a login, a refresh, a status
 * read and a refused call leave no code, verifier or token in any log line or exception message.
 */
@Tag("integration")
@ExtendWith(MockWebServerExtension.class)
class SecretsIntegrationTests {
    private static final Duration VERIFY = Duration.ofSeconds(5);

    private MockWebServer server;
    private FordCloudDispatcher ford;
    private ReactorNettyTransport transport;

    @BeforeEach
    void setUp(MockWebServer server) {
        this.server = server;
        ford = new FordCloudDispatcher();
        server.setDispatcher(ford);
        transport = ReactorNettyTransport.builder().build();
    }

    @AfterEach
    void tearDown() {
        transport.close();
    }

    @Test
    void loginRefreshAndStatusAtDebugLeakNoSecret() {
        List<String> messages = new ArrayList<>();
        LogCapture logs = new LogCapture("reactor.netty.http.client.HttpClientConnect");
        try (logs) {
            ConnectedCarAsyncClient client = new ConnectedCarClientBuilder()
                .endpoints(Endpoints.allAt(server.url("/").toString()))
                .transport(transport)
                .retryOptions(RetryOptions.none())
                .buildAsyncClient();
            PendingLogin pending = client.auth().beginLogin().block(VERIFY);
            client.auth().completeLogin(pending, TestClients.PASTED_REDIRECT).block(VERIFY);
            client.auth().refresh().block(VERIFY);
            assertThat(client.vehicles().collectList().block(VERIFY)).hasSize(2);
            assertThat(client.vehicle(TestClients.MACH_E_VIN).status().block(VERIFY)).isNotNull();
            ford.fail(Route.TELEMETRY, FordCloudDispatcher.json(401, "{\"message\":\"expired\"}"))
                .fail(Route.TELEMETRY, FordCloudDispatcher.json(401, "{\"message\":\"expired\"}"));
            Throwable refused = catchThrowable(() -> client.vehicle(TestClients.MACH_E_VIN).status().block(VERIFY));
            assertThat(refused).isNotNull();
            messages.add(LogCapture.describe(refused));
            messages.add(pending.toString());
        }

        Set<String> secrets = new HashSet<>(ford.secrets());
        secrets.add(FakeFordAuth.CODE);
        RecordedRequest exchange = ford.requests(Route.B2C_TOKEN).get(0);
        String verifier = formField(exchange.getBody().utf8(), "code_verifier");
        secrets.add(verifier);
        assertThat(verifier).hasSizeGreaterThan(40);
        assertThat(secrets).hasSizeGreaterThanOrEqualTo(10);

        List<String> lines = logs.lines();
        assertThat(lines).as("the SDK's and Reactor Netty's DEBUG logs were captured")
            .anyMatch(line -> line.contains("io.github.connectedcar.http") && line.contains("auth-token=REDACTED"))
            .anyMatch(line -> line.contains(" reactor.netty."));
        for (String secret : secrets) {
            assertThat(lines).as("log lines").noneMatch(line -> line.contains(secret));
            assertThat(messages).as("exception messages and toString()").noneMatch(text -> text.contains(secret));
        }
    }

    private static String formField(String body, String name) {
        for (String pair : body.split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in " + body.length() + " characters of form");
    }
}
