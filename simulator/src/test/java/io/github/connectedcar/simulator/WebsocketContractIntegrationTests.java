package io.github.connectedcar.simulator;

import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.connectedcar.simulator.junit.FordCloudSimulatorExtension;
import io.github.connectedcar.simulator.vehicle.Door;
import io.github.connectedcar.simulator.vehicle.VehicleSpec;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Autonomic's websocket push (docs/ford-api.md §6). */
@Tag("integration")
class WebsocketContractIntegrationTests {

    private static final String F150 = VehicleSpec.DEFAULT_F150_VIN;

    @RegisterExtension
    static final FordCloudSimulatorExtension SIM = FordCloudSimulatorExtension.configured(b -> b.speed(0));

    private FordCloudClient client;
    private FordCloudClient.Tokens tokens;
    private WebsocketClient socket;

    @BeforeEach
    void connect() {
        client = new FordCloudClient(SIM.simulator());
        tokens = client.login();
        socket = WebsocketClient.connect(client.http(), SIM.simulator().websocketBaseUrl(), F150, tokens.tmc());
    }

    @AfterEach
    void disconnect() {
        socket.abort();
    }

    @Test
    void aStateChangeIsPushedAsAPartialDataFrame() throws InterruptedException {
        SIM.vehicle(F150).openDoor(Door.TAILGATE);

        JsonNode frame = socket.next(f -> f.has("_data"));

        JsonNode data = frame.path("_data");
        assertThat(data.path("updateTime").asString()).endsWith("Z");
        assertThat(data.path("metrics").propertyNames()).containsExactly("doorStatus");
        assertThat(data.path("metrics").path("doorStatus").toString()).contains("\"TAILGATE\"").contains("OPEN");
    }

    @Test
    void everyStepOfACommandIsPushedEvenWhenTimeJumps() throws InterruptedException {
        String id = client.command(tokens.tmc(), "v1", F150, FordCloudClient.v1("unlock")).json()
            .path("id").asString();

        SIM.clock().advance(Duration.ofSeconds(10));

        for (String state : new String[] {"REQUEST_QUEUED", "RECEIVED_BY_DEVICE", "SUCCESS"}) {
            JsonNode frame = socket.next(f -> f.path("_data").path("states").has("unlockCommand"));
            JsonNode entry = frame.path("_data").path("states").path("unlockCommand");
            assertThat(entry.path("commandId").asString()).isEqualTo(id);
            assertThat(entry.path("value").path("toState").asString()).isEqualTo(state);
        }
    }

    @Test
    void keepAlivesAreEmptyObjects() throws InterruptedException {
        SIM.clock().advance(FordCloudSimulator.Builder.DEFAULT_KEEP_ALIVE_INTERVAL);

        assertThat(socket.next(f -> !f.has("_data")).isEmpty()).isTrue();
    }

    @Test
    void anInBandAccessTokenIsAcknowledgedWith202AndKeepsTheSessionAlive() throws InterruptedException {
        SIM.clock().advance(Duration.ofSeconds(200));
        String newTmc = client.exchangeTmc(tokens.cat()).json().path("access_token").asString();

        socket.send("{\"accessToken\":\"" + newTmc + "\"}");
        JsonNode ack = socket.next(f -> f.has("_httpStatus"));
        SIM.clock().advance(Duration.ofSeconds(150));
        SIM.vehicle(F150).setOutsideTemperature(20);

        assertThat(ack.path("_httpStatus").asInt()).isEqualTo(202);
        assertThat(socket.next(f -> f.has("_data") || f.has("_error")).has("_data")).isTrue();
    }

    @Test
    void theSessionEndsWithA401ErrorWhenItsTokenExpires() throws InterruptedException {
        SIM.clock().advance(Duration.ofSeconds(301));

        JsonNode error = socket.next(f -> f.has("_error"));

        assertThat(error.path("_error").path("code").asInt()).isEqualTo(401);
        assertThat(error.path("_error").path("message").asString()).isEqualTo("provided token was expired");
        assertThat(socket.awaitEnd()).startsWith("close");
    }

    @Test
    void droppedWebsocketsEndWithoutHandshake() {
        int dropped = SIM.faults().dropWebsockets();

        assertThat(dropped).isEqualTo(1);
        assertThat(socket.awaitEnd()).isNotEmpty();
        assertThat(SIM.simulator().openWebsockets()).isZero();
    }

    @Test
    void theUpgradeNeedsABearerToken() {
        assertThatThrownBy(() -> client.http().newWebSocketBuilder()
            .buildAsync(URI.create(SIM.simulator().websocketBaseUrl() + "/v1beta/telemetry/sources/fordpass/vehicles/"
                + F150 + "/ws"), new WebsocketClient())
            .orTimeout(5, TimeUnit.SECONDS).join())
            .isInstanceOf(CompletionException.class)
            .cause().isInstanceOf(WebSocketHandshakeException.class)
            .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode()).isEqualTo(401));
    }
}
