package io.connectedcar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectedcar.ConnectedCarAsyncClient;
import io.connectedcar.ConnectedCarClientBuilder;
import io.connectedcar.auth.InMemoryTokenStore;
import io.connectedcar.ford.Endpoints;
import io.connectedcar.simulator.BrowserLogin;
import io.connectedcar.simulator.FordCloudSimulator;
import io.connectedcar.simulator.SimulatedAccount;
import io.connectedcar.simulator.vehicle.Door;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

/** The serve command's HTTP endpoints over real sockets: JSON reads and the status stream as server-sent events. */
@Tag("integration")
class StatusHttpServerIntegrationTests {
    private static final String PICKUP = "1FTFW1E50PFA00001";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private FordCloudSimulator simulator;
    private ConnectedCarAsyncClient client;
    private DisposableServer server;
    private HttpClient http;

    @BeforeEach
    void start() {
        simulator = FordCloudSimulator.builder().build().start();
        client = new ConnectedCarClientBuilder()
            .endpoints(Endpoints.allAt(simulator.baseUrl()))
            .tokenStore(new InMemoryTokenStore())
            .buildAsyncClient();
        client.auth().beginLogin()
            .flatMap(pending -> new BrowserLogin().signIn(pending.authorizeUrl().toString(),
                    SimulatedAccount.DEFAULT_USERNAME, SimulatedAccount.DEFAULT_PASSWORD)
                .flatMap(url -> client.auth().completeLogin(pending, url)))
            .block(WAIT);
        server = StatusHttpServer.start(client, "127.0.0.1", 0);
        http = HttpClient.create().baseUrl("http://127.0.0.1:" + server.port());
    }

    @AfterEach
    void stop() {
        server.disposeNow();
        client.close();
        simulator.close();
    }

    @Test
    void vehiclesAreServedAsJson() {
        String body = http.get().uri("/vehicles").responseContent().aggregate().asString().block(WAIT);

        JsonNode vehicles = StatusView.JSON.readTree(body);
        assertThat(vehicles).hasSize(2);
        assertThat(vehicles.get(0).has("vin")).isTrue();
    }

    private int statusWith(String host, String origin) {
        return http.headers(headers -> {
                headers.set("Host", host);
                if (origin != null) {
                    headers.set("Origin", origin);
                }
            })
            .get().uri("/vehicles/" + PICKUP + "/status").response().block(WAIT).status().code();
    }

    @ParameterizedTest(name = "Host {0}, Origin {1}")
    @CsvSource(nullValues = "none", value = {
        "attacker.example:PORT, none",              // DNS rebinding: the attacker's name, our address
        "127.0.0.1:PORT, https://attacker.example", // a request from another site's page
        "127.0.0.1:1, none",                        // another port
        "localhost.attacker.example:PORT, none"})
    void aRequestNotAddressedToThisServerIsForbidden(String host, String origin) {
        String port = Integer.toString(server.port());

        assertThat(statusWith(host.replace("PORT", port), origin == null ? null : origin.replace("PORT", port)))
            .isEqualTo(403);
    }

    @ParameterizedTest(name = "Host {0}, Origin {1}")
    @CsvSource(nullValues = "none", value = {
        "127.0.0.1:PORT, none",
        "localhost:PORT, none",
        "127.0.0.1:PORT, http://127.0.0.1:PORT",
        "LOCALHOST:PORT, http://localhost:PORT"})
    void aRequestAddressedToThisServerIsAnswered(String host, String origin) {
        String port = Integer.toString(server.port());

        assertThat(statusWith(host.replace("PORT", port), origin == null ? null : origin.replace("PORT", port)))
            .isEqualTo(200);
    }

    @Test
    void anUnknownVinIsNotFound() {
        int status = http.get().uri("/vehicles/NOTAVIN/status").response().block(WAIT).status().code();

        assertThat(status).isEqualTo(404);
    }

    @Test
    void theStatusStreamSendsAnEventForEachChange() {
        StepVerifier.create(http.get().uri("/vehicles/" + PICKUP + "/status/stream")
                .responseContent().asString()
                .filter(chunk -> chunk.contains("event: status")))
            .assertNext(first -> assertThat(first).contains("\"vin\":\"" + PICKUP + "\"", "\"open\":false"))
            .then(() -> simulator.vehicle(PICKUP).openDoor(Door.DRIVER_FRONT))
            .assertNext(changed -> assertThat(changed).contains("\"open\":true"))
            .thenCancel()
            .verify(WAIT);
    }
}
