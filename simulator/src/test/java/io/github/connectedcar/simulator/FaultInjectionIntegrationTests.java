package io.github.connectedcar.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.connectedcar.simulator.fault.Fault;
import io.github.connectedcar.simulator.internal.http.Json;
import io.github.connectedcar.simulator.junit.FordCloudSimulatorExtension;
import io.github.connectedcar.simulator.vehicle.VehicleSpec;
import reactor.netty.http.client.HttpClient;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Injected faults: statuses, resets, lost responses, malformed bodies, throttling, latency, path scoping. */
@Tag("integration")
class FaultInjectionIntegrationTests {

    private static final String F150 = VehicleSpec.DEFAULT_F150_VIN;
    private static final String TELEMETRY = "/v1/telemetry/sources/fordpass/vehicles/";

    @RegisterExtension
    static final FordCloudSimulatorExtension SIM = FordCloudSimulatorExtension.configured(b -> b.speed(0));

    private FordCloudClient client;
    private String tmc;

    @BeforeEach
    void signIn() {
        client = new FordCloudClient(SIM.simulator());
        tmc = client.login().tmc();
    }

    @Test
    void theNextNResponsesOnAPathAreServerErrorsThenServiceResumes() {
        SIM.faults().inject(Fault.status(503).onPath("/v1/telemetry").times(2));

        FordCloudClient.Response unaffected = client.send("GET", "/api/messagecenter/v3/messages",
            FordCloudClient.ford(client.login().cat()), null);
        int first = client.telemetry(tmc, F150).status();
        int second = client.telemetry(tmc, F150).status();
        int third = client.telemetry(tmc, F150).status();

        assertThat(unaffected.status()).isEqualTo(200);
        assertThat(first).isEqualTo(503);
        assertThat(second).isEqualTo(503);
        assertThat(third).isEqualTo(200);
        assertThat(SIM.faults().active()).isEmpty();
    }

    @Test
    void aConnectionResetAbortsTheExchange() {
        SIM.faults().inject(Fault.connectionReset().onPath(TELEMETRY));
        HttpClient netty = HttpClient.create().disableRetry(true).baseUrl(SIM.baseUrl())
            .headers(h -> h.set("Authorization", "Bearer " + tmc));

        StepVerifier.create(netty.get().uri(TELEMETRY + F150).responseSingle((res, body) -> body.asString()))
            .expectError()
            .verify(Duration.ofSeconds(10));
        assertThat(client.telemetry(tmc, F150).status()).isEqualTo(200);
        assertThat(SIM.requests().matching("GET", TELEMETRY)).extracting(r -> r.status()).containsExactly(0, 200);
    }

    @Test
    void aLostResponseStillExecutesTheCommand() {
        SIM.faults().inject(Fault.responseLost().onPath("/v1/command"));

        assertThatThrownBy(() -> client.command(tmc, "v1", F150, FordCloudClient.v1("unlock")))
            .isInstanceOf(java.io.UncheckedIOException.class);
        SIM.clock().advance(Duration.ofSeconds(10));

        assertThat(client.telemetry(tmc, F150).json().path("states").path("unlockCommand").path("value")
            .path("toState").asString()).isEqualTo("SUCCESS");
    }

    @Test
    void aMalformedBodyKeepsTheStatusButIsNotJson() {
        SIM.faults().inject(Fault.malformedBody().onPath(TELEMETRY));

        FordCloudClient.Response r = client.telemetry(tmc, F150);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).startsWith("{");
        assertThatThrownBy(r::json).isInstanceOf(io.github.connectedcar.simulator.internal.http.ApiException.class);
    }

    @Test
    void anInjected429CarriesRetryAfter() {
        SIM.faults().inject(Fault.rateLimited(Duration.ofSeconds(30)));

        FordCloudClient.Response r = client.telemetry(tmc, F150);

        assertThat(r.status()).isEqualTo(429);
        assertThat(r.header("Retry-After")).isEqualTo("30");
    }

    @Test
    void latencyDelaysTheAnswerWithoutBlocking() {
        SIM.faults().inject(Fault.latency(Duration.ofMillis(300)).onPath(TELEMETRY));
        HttpClient netty = HttpClient.create().baseUrl(SIM.baseUrl())
            .headers(h -> h.set("Authorization", "Bearer " + tmc));

        StepVerifier.create(netty.get().uri(TELEMETRY + F150).responseSingle((res, body) -> body.asString()
                .map(text -> res.status().code()))
                .elapsed())
            .assertNext(timed -> {
                assertThat(timed.getT2()).isEqualTo(200);
                assertThat(timed.getT1()).isGreaterThanOrEqualTo(300);
            })
            .expectComplete()
            .verify(Duration.ofSeconds(10));
    }

    @Test
    void faultsCanBeArmedThroughTheAdminApi() throws IOException, InterruptedException {
        String admin = SIM.baseUrl() + "/_simulator/faults";
        HttpResponse<String> armed = client.http().send(HttpRequest.newBuilder(URI.create(admin))
            .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"status\",\"status\":502,"
                + "\"pathPrefix\":\"/v1beta/telemetry\",\"always\":true}")).build(),
            HttpResponse.BodyHandlers.ofString());

        FordCloudClient.Response query = client.send("POST",
            "/v1beta/telemetry/sources/fordpass/vehicles/" + F150 + ":query", FordCloudClient.bearer(tmc),
            "{\"includeMetrics\":[\"odometer\"]}");
        FordCloudClient.Response fallback = client.telemetry(tmc, F150);
        client.send("DELETE", "/_simulator/faults", Map.of(), null);

        assertThat(armed.statusCode()).isEqualTo(200);
        assertThat(Json.parse(armed.body()).get(0).path("remaining").asInt()).isEqualTo(Fault.UNLIMITED);
        assertThat(query.status()).isEqualTo(502);
        assertThat(fallback.status()).isEqualTo(200);
        assertThat(SIM.faults().active()).isEmpty();
    }
}
