package io.github.connectedcar.service;

import static io.github.connectedcar.service.SignIn.CROSSOVER;
import static io.github.connectedcar.service.SignIn.PICKUP;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.service.Views.StatusView;
import io.github.connectedcar.simulator.FordCloudSimulator;
import io.github.connectedcar.simulator.fault.Fault;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** Every endpoint of the service over real HTTP, against its embedded simulator. */
@Tag("integration")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"connectedcar.simulator.speed=20", "connectedcar.budget.daily-limit=100000",
        "connectedcar.budget.burst-limit=100000"})
@AutoConfigureWebTestClient(timeout = "PT60S")
class ServiceIntegrationTests {
    private static final Duration VERIFY = Duration.ofSeconds(30);
    private static final ParameterizedTypeReference<ServerSentEvent<StatusView>> STATUS_EVENTS =
        new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENTS =
        new ParameterizedTypeReference<>() { };

    @Autowired
    WebTestClient web;

    @Autowired
    FordCloudSimulator simulator;

    @BeforeEach
    void signIn() {
        SignIn.through(web);
    }

    @AfterEach
    void restoreTheSimulator() {
        simulator.faults().clear();
        simulator.vehicle(PICKUP).setHoodOpen(false);
    }

    @Test
    void vehiclesListsTheAccountsCars() {
        web.get().uri("/api/vehicles").exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$[*].vin").value(vins -> assertThat((List<Object>) vins).containsExactlyInAnyOrder(PICKUP, CROSSOVER))
            .jsonPath("$[?(@.vin == '" + PICKUP + "')].modelName").isEqualTo(List.of("F-150"));
    }

    @Test
    void statusIsTheCarsStatusAsJson() {
        web.get().uri("/api/vehicles/{vin}/status", PICKUP).exchange()
            .expectStatus().isOk()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
            .expectBody()
            .jsonPath("$.vin").isEqualTo(PICKUP)
            .jsonPath("$.fuelLevelPercent").isNumber()
            .jsonPath("$.allDoorsLocked").isBoolean();
    }

    @Test
    void anUnknownCarIs404AsAProblem() {
        web.get().uri("/api/vehicles/{vin}/status", "NOTAVIN").exchange()
            .expectStatus().isNotFound()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.status").isEqualTo(404);
        web.post().uri("/api/vehicles/{vin}/commands/start", "1FTFW1E50PFA99999")
            .accept(MediaType.APPLICATION_JSON).exchange()
            .expectStatus().isNotFound()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anUnknownCommandIs404() {
        web.post().uri("/api/vehicles/{vin}/commands/launch", PICKUP).accept(MediaType.APPLICATION_JSON).exchange()
            .expectStatus().isNotFound()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("start"));
    }

    @Test
    void withoutALoginEveryCallIs401() {
        web.post().uri("/api/logout").exchange().expectStatus().isNoContent();

        web.get().uri("/api/vehicles").exchange()
            .expectStatus().isUnauthorized()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.title").isEqualTo("Sign in needed");
        web.get().uri("/api/vehicles/{vin}/status/stream", PICKUP).accept(MediaType.TEXT_EVENT_STREAM).exchange()
            .expectStatus().isUnauthorized()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/api/account").exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.signedIn").isEqualTo(false);
    }

    @Test
    void fordsRateLimitIs429WithRetryAfter() {
        simulator.faults().inject(Fault.rateLimited(Duration.ofMinutes(10)).always());

        web.get().uri("/api/vehicles").exchange()
            .expectStatus().isEqualTo(429)
            .expectHeader().valueMatches(HttpHeaders.RETRY_AFTER, "\\d+")
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aCommandTheCarRefusesIs409WithFordsReason() {
        simulator.vehicle(PICKUP).setHoodOpen(true);

        web.post().uri("/api/vehicles/{vin}/commands/start", PICKUP).accept(MediaType.APPLICATION_JSON).exchange()
            .expectStatus().isEqualTo(409)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.oemErrorCode").isEqualTo("HOOD_OPEN")
            .jsonPath("$.command").isEqualTo("remoteStart");
    }

    @Test
    void aCommandStreamsItsProgressThenItsResult() {
        Flux<ServerSentEvent<Map<String, Object>>> events = web.post()
            .uri("/api/vehicles/{vin}/commands/lock", PICKUP).accept(MediaType.TEXT_EVENT_STREAM).exchange()
            .expectStatus().isOk()
            .returnResult(EVENTS).getResponseBody();

        List<ServerSentEvent<Map<String, Object>>> all = events.collectList().block(VERIFY);
        assertThat(all).extracting(ServerSentEvent::event).startsWith("progress").endsWith("result")
            .containsOnly("progress", "result");
        assertThat(all).filteredOn(event -> "progress".equals(event.event()))
            .extracting(event -> event.data().get("state")).startsWith("REQUESTED").endsWith("SUCCEEDED");
        assertThat(all.get(all.size() - 1).data()).containsEntry("state", "SUCCEEDED").containsEntry("vin", PICKUP);
    }

    @Test
    void aRefusalAfterTheCommandWasAcceptedEndsTheStreamWithTheProblem() {
        simulator.vehicle(PICKUP).setHoodOpen(true);

        List<ServerSentEvent<Map<String, Object>>> all = web.post()
            .uri("/api/vehicles/{vin}/commands/start", PICKUP).accept(MediaType.TEXT_EVENT_STREAM).exchange()
            .expectStatus().isOk()
            .returnResult(EVENTS).getResponseBody().collectList().block(VERIFY);

        ServerSentEvent<Map<String, Object>> last = all.get(all.size() - 1);
        assertThat(last.event()).isEqualTo("error");
        assertThat(last.data()).containsEntry("status", 409).containsEntry("oemErrorCode", "HOOD_OPEN");
    }

    @Test
    void theStatusStreamReceivesTheChangeACommandCauses() throws InterruptedException {
        BlockingQueue<StatusView> received = new LinkedBlockingQueue<>();
        Disposable stream = web.get().uri("/api/vehicles/{vin}/status/stream", PICKUP)
            .accept(MediaType.TEXT_EVENT_STREAM).exchange()
            .expectStatus().isOk()
            .returnResult(STATUS_EVENTS).getResponseBody()
            .subscribe(event -> received.add(event.data()));
        try {
            StatusView first = received.poll(VERIFY.toSeconds(), TimeUnit.SECONDS);
            assertThat(first).isNotNull();
            assertThat(first.remoteStartSecondsLeft()).isIn(null, 0L);

            web.post().uri("/api/vehicles/{vin}/commands/start", PICKUP).accept(MediaType.APPLICATION_JSON)
                .exchange().expectStatus().isOk();

            StatusView next;
            do {
                next = received.poll(VERIFY.toSeconds(), TimeUnit.SECONDS);
                assertThat(next).as("a status with the engine running").isNotNull();
            } while (next.remoteStartSecondsLeft() == null || next.remoteStartSecondsLeft() == 0);
            assertThat(next.vin()).isEqualTo(PICKUP);
        } finally {
            stream.dispose();
            web.post().uri("/api/vehicles/{vin}/commands/stop", PICKUP).accept(MediaType.APPLICATION_JSON)
                .exchange().expectStatus().isOk();
        }
    }

    @Test
    void theFleetStreamCarriesEveryCarOfTheAccount() {
        Flux<ServerSentEvent<StatusView>> fleet = web.get().uri("/api/fleet/status/stream")
            .accept(MediaType.TEXT_EVENT_STREAM).exchange()
            .expectStatus().isOk()
            .returnResult(STATUS_EVENTS).getResponseBody();

        Set<String> seen = new HashSet<>();
        StepVerifier.create(fleet.map(event -> event.data().vin()))
            .thenConsumeWhile(vin -> seen.add(vin) && seen.size() < 2)
            .thenCancel()
            .verify(VERIFY);
        assertThat(seen).containsExactlyInAnyOrder(PICKUP, CROSSOVER);
    }

    @Test
    void aCarWhoseStreamFailsSendsAnErrorEventAndTheOthersGoOn() {
        simulator.faults().inject(Fault.status(404)
            .onPath("/v1/telemetry/sources/fordpass/vehicles/" + CROSSOVER).always());

        List<ServerSentEvent<Map<String, Object>>> events = web.get().uri("/api/fleet/status/stream")
            .accept(MediaType.TEXT_EVENT_STREAM).exchange()
            .expectStatus().isOk()
            .returnResult(EVENTS).getResponseBody()
            .take(2).collectList().block(VERIFY);

        assertThat(events).anySatisfy(event -> {
            assertThat(event.event()).isEqualTo("error");
            assertThat(event.data()).containsEntry("vin", CROSSOVER).containsKey("detail");
        });
        assertThat(events).anySatisfy(event -> {
            assertThat(event.event()).isEqualTo("status");
            assertThat(event.data()).containsEntry("vin", PICKUP);
        });
    }

    @Test
    void healthAndMetricsShowTheAccount() {
        web.get().uri("/api/vehicles").exchange().expectStatus().isOk();

        web.get().uri("/actuator/health").exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.components.connectedCar.status").isEqualTo("UP")
            .jsonPath("$.components.connectedCar.details.signedIn").isEqualTo(true)
            .jsonPath("$.components.connectedCar.details.daysUntilRefreshTokenExpires").isNumber()
            .jsonPath("$.components.connectedCar.details.lockout").isEqualTo("CLOSED");
        web.get().uri("/actuator/metrics/connectedcar.requests.sent").exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.measurements[0].value").value(sent ->
                assertThat(((Number) sent).doubleValue()).isPositive());
        web.get().uri("/actuator/metrics/connectedcar.budget.remaining").exchange()
            .expectStatus().isOk();

        web.post().uri("/api/vehicles/{vin}/commands/lock", PICKUP).accept(MediaType.APPLICATION_JSON).exchange()
            .expectStatus().isOk();
        // The binder looks for new command outcomes every few seconds.
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> web.get()
            .uri("/actuator/metrics/connectedcar.commands?tag=command:lock&tag=result:SUCCEEDED").exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.measurements[0].value").value(count ->
                assertThat(((Number) count).doubleValue()).isPositive()));
    }

    @Test
    void requestsNamingAnotherHostOrOriginAreRefused() {
        web.get().uri("/api/account").header(HttpHeaders.HOST, "attacker.example").exchange()
            .expectStatus().isForbidden();
        web.post().uri("/api/vehicles/{vin}/commands/unlock", PICKUP)
            .header(HttpHeaders.ORIGIN, "http://attacker.example").exchange()
            .expectStatus().isForbidden();
    }

    @Test
    void aWrongPastedUrlIs400() {
        web.post().uri("/api/login").exchange().expectStatus().isOk();
        web.post().uri("/api/login/complete").bodyValue(Map.of("redirectUrl", "https://example.com/nothing"))
            .exchange()
            .expectStatus().isBadRequest()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
