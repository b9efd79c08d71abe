package io.github.connectedcar.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.ClientMetrics;
import io.github.connectedcar.ConnectedCarAsyncClient;
import io.github.connectedcar.ConnectedCarClientBuilder;
import io.github.connectedcar.exception.AuthenticationRequiredException;
import io.github.connectedcar.exception.ServiceException;
import io.github.connectedcar.http.WebSocketRefusedException;
import io.github.connectedcar.model.VehicleStatus;
import io.github.connectedcar.protection.QuotaOptions;
import io.github.connectedcar.testing.FakeFordAuth;
import io.github.connectedcar.testing.FixtureFiles;
import io.github.connectedcar.testing.InMemoryTransport;
import io.github.connectedcar.testing.TestClients;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

@Tag("unit")
class StatusStreamUnitTests {
    private static final String VIN = "1FTFW1E50PFA00001";
    private static final Duration VERIFY = Duration.ofSeconds(5);

    private InMemoryTransport transport;
    private FakeFordAuth auth;
    private final List<String> sentFrames = new CopyOnWriteArrayList<>();
    private final AtomicInteger sockets = new AtomicInteger();

    @BeforeEach
    void setUp() {
        transport = new InMemoryTransport();
        auth = new FakeFordAuth();
        transport.on("telemetry", request -> Mono.just(InMemoryTransport.json(request, 200,
            FixtureFiles.text(FixtureFiles.F150))));
    }

    private ConnectedCarAsyncClient client(StatusStreamOptions options) {
        return TestClients.loggedIn(transport, auth).statusStreamOptions(options).buildAsyncClient();
    }

    /** A socket that records what the client sends and pushes what the test emits. */
    private Sinks.Many<String> socket() {
        Sinks.Many<String> inbound = Sinks.many().unicast().onBackpressureBuffer();
        transport.onWebSocket(outbound -> {
            sockets.incrementAndGet();
            Flux.from(outbound).subscribe(sentFrames::add);
            return inbound.asFlux();
        });
        return inbound;
    }

    @Test
    void pushedChangesAreMergedIntoTheSnapshotAndKeepAlivesAreNotEmitted() {
        Sinks.Many<String> inbound = socket();
        ConnectedCarAsyncClient client = client(StatusStreamOptions.defaults());

        StepVerifier.create(client.vehicle(VIN).statusUpdates())
            .assertNext(first -> assertThat(first.allDoorsLocked()).isPresent())
            .then(() -> {
                inbound.tryEmitNext("{}");
                inbound.tryEmitNext("{\"_httpStatus\":200}");
                inbound.tryEmitNext("{\"_data\":{\"updateTime\":\"2026-05-02T08:01:00Z\"}}");
                inbound.tryEmitNext("{\"_data\":{\"metrics\":{\"doorLockStatus\":[{\"updateTime\":"
                    + "\"2026-05-02T08:01:05Z\",\"value\":\"UNLOCKED\",\"vehicleDoor\":\"ALL_DOORS\"}]}}}");
            })
            .assertNext(changed -> {
                assertThat(changed.allDoorsLocked()).contains(false);
                assertThat(changed.odometer()).isPresent(); // untouched metrics survive the merge
            })
            .thenCancel()
            .verify(VERIFY);
        assertThat(transport.websocketHeaders()).singleElement()
            .satisfies(headers -> assertThat(headers.get("Authorization")).isEqualTo("Bearer tmc-1"));
    }

    @Test
    void openStreamsAndTheLagOfPushesAreCounted() {
        Sinks.Many<String> inbound = socket();
        ConnectedCarAsyncClient client = client(StatusStreamOptions.defaults());
        Instant stamped = Instant.now().minusSeconds(3);

        StepVerifier.create(client.vehicle(VIN).statusUpdates())
            .assertNext(first -> assertThat(client.metrics().statusStreams().open()).isOne())
            .then(() -> inbound.tryEmitNext("{\"_data\":{\"updateTime\":\"" + stamped + "\",\"metrics\":{"
                + "\"doorLockStatus\":[{\"updateTime\":\"" + stamped + "\",\"value\":\"UNLOCKED\","
                + "\"vehicleDoor\":\"ALL_DOORS\"}]}}}"))
            .assertNext(changed -> assertThat(changed.allDoorsLocked()).contains(false))
            .thenCancel()
            .verify(VERIFY);

        ClientMetrics.StatusStreamCounts streams = client.metrics().statusStreams();
        assertThat(streams.open()).isZero();
        assertThat(streams.pushesDelivered()).isOne();
        assertThat(streams.maxPushLag()).isBetween(Duration.ofSeconds(3), Duration.ofMinutes(1))
            .isEqualTo(streams.totalPushLag());
    }

    @Test
    void theUpgradePassesTheSamePoliciesAsEveryCall() {
        socket();
        ConnectedCarAsyncClient client = TestClients.loggedIn(transport, auth).quota(QuotaOptions.defaults())
            .buildAsyncClient();

        StepVerifier.create(client.vehicle(VIN).statusUpdates())
            .expectNextCount(1)
            .thenCancel()
            .verify(VERIFY);
        assertThat(transport.websocketHeaders()).singleElement().satisfies(headers -> {
            assertThat(headers.get("User-Agent")).isEqualTo(ConnectedCarClientBuilder.DEFAULT_USER_AGENT);
            assertThat(headers.get("Authorization")).isEqualTo("Bearer tmc-1");
        });
        // Every HTTP request and the upgrade paid the budget.
        assertThat(client.metrics().quota().usedInWindow()).isEqualTo(transport.requests().size() + 1);
    }

    @Test
    void anUpgradeRefusedWith401IsSentOnceMoreWithARenewedToken() {
        Sinks.Many<String> inbound = Sinks.many().unicast().onBackpressureBuffer();
        transport.onWebSocket(outbound -> {
            if (sockets.incrementAndGet() == 1) {
                throw new WebSocketRefusedException("websocket: refused with status 401", 401, null);
            }
            return inbound.asFlux();
        });

        // No time passes: the renewal and the second upgrade happen in the pipeline, not after a reconnect delay.
        StepVerifier.withVirtualTime(() -> client(StatusStreamOptions.defaults()).vehicle(VIN).statusUpdates())
            .expectNextCount(1)
            .then(() -> assertThat(sockets).hasValue(2))
            .thenCancel()
            .verify(VERIFY);
        assertThat(transport.websocketHeaders()).extracting(h -> h.get("Authorization"))
            .containsExactly("Bearer tmc-1", "Bearer tmc-2");
    }

    @Test
    void theTokenIsRotatedInBandBeforeItExpires() {
        transport.onWebSocket(outbound -> {
            sockets.incrementAndGet();
            Flux.from(outbound).subscribe(sentFrames::add);
            return Flux.interval(Duration.ofSeconds(10)).map(tick -> "{}"); // keep-alives hold the watchdog off
        });
        StepVerifier.withVirtualTime(() -> client(StatusStreamOptions.defaults()).vehicle(VIN).statusUpdates())
            .expectNextCount(1)
            .thenAwait(Duration.ofSeconds(FakeFordAuth.TMC_LIFETIME_SECONDS))
            .then(() -> assertThat(sentFrames).containsExactly("{\"accessToken\":\"tmc-2\"}"))
            .thenCancel()
            .verify(VERIFY);
        assertThat(sockets).hasValue(1);
    }

    @Test
    void silenceLongerThanTheWatchdogReopensTheSocket() {
        socket();
        StepVerifier.withVirtualTime(() -> client(StatusStreamOptions.defaults()).vehicle(VIN).statusUpdates())
            .expectNextCount(1)
            .thenAwait(StatusStreamOptions.DEFAULT_WATCHDOG.minusSeconds(1))
            .then(() -> assertThat(sockets).hasValue(1))
            .thenAwait(Duration.ofSeconds(1).plus(StatusStreamOptions.DEFAULT_RECONNECT_DELAY.multipliedBy(2)))
            .then(() -> assertThat(sockets).hasValue(2))
            .thenCancel()
            .verify(VERIFY);
    }

    @Test
    void anErrorFrameReopensTheSocketWithARenewedToken() {
        Sinks.Many<String> first = Sinks.many().unicast().onBackpressureBuffer();
        transport.onWebSocket(outbound -> sockets.incrementAndGet() == 1 ? first.asFlux() : Flux.never());
        StepVerifier.withVirtualTime(() -> client(StatusStreamOptions.defaults()).vehicle(VIN).statusUpdates())
            .expectNextCount(1)
            .then(() -> first.tryEmitNext("{\"_error\":{\"code\":401,\"message\":\"provided token was expired\"}}"))
            .thenAwait(StatusStreamOptions.DEFAULT_RECONNECT_DELAY.multipliedBy(2))
            .then(() -> assertThat(sockets).hasValue(2))
            .thenCancel()
            .verify(VERIFY);
        assertThat(transport.websocketHeaders()).extracting(h -> h.get("Authorization"))
            .containsExactly("Bearer tmc-1", "Bearer tmc-2");
    }

    @Test
    void aSocketThatSendsAKeepAliveAndClosesIsReopenedWithAGrowingBackoff() {
        List<Long> upgrades = new CopyOnWriteArrayList<>();
        transport.onWebSocket(outbound -> {
            upgrades.add(Schedulers.parallel().now(TimeUnit.SECONDS));
            return Flux.just("{}"); // one frame, then the server closes
        });

        StepVerifier.withVirtualTime(() -> client(StatusStreamOptions.defaults()).vehicle(VIN).statusUpdates())
            .expectNextCount(1)
            .thenAwait(Duration.ofSeconds(120))
            .thenCancel()
            .verify(VERIFY);
        // 2, 4, 8, 16, 32 s apart: the frames did not reset the back-off (they once did: an upgrade every 2 s).
        assertThat(upgrades).containsExactly(0L, 2L, 6L, 14L, 30L, 62L);
    }

    @Test
    void aSocketThatStayedHealthyStartsTheBackoffAgain() {
        List<Long> upgrades = new CopyOnWriteArrayList<>();
        transport.onWebSocket(outbound -> {
            upgrades.add(Schedulers.parallel().now(TimeUnit.SECONDS));
            // The third socket lives five minutes on keep-alives; the others close after one frame.
            return upgrades.size() == 3
                ? Flux.interval(Duration.ofSeconds(20)).map(tick -> "{}").take(Duration.ofMinutes(5))
                : Flux.just("{}");
        });

        StepVerifier.withVirtualTime(() -> client(StatusStreamOptions.defaults()).vehicle(VIN).statusUpdates())
            .expectNextCount(1)
            .thenAwait(Duration.ofMinutes(6))
            .thenCancel()
            .verify(VERIFY);
        // 0, 2, 6 (healthy until 306), then 2 s later as after a first failure, then 4 s.
        assertThat(upgrades).startsWith(0L, 2L, 6L, 308L, 312L);
    }

    @Test
    void aSocketThatCannotBeOpenedFallsBackToPollingAndReturnsToPushWhenItOpensAgain() {
        AtomicBoolean refused = new AtomicBoolean(true);
        List<Long> upgrades = new CopyOnWriteArrayList<>();
        Sinks.Many<String> inbound = Sinks.many().unicast().onBackpressureBuffer();
        transport.onWebSocket(outbound -> {
            upgrades.add(Schedulers.parallel().now(TimeUnit.SECONDS));
            if (refused.get()) {
                throw new WebSocketRefusedException("websocket: refused with status 503", 503, null);
            }
            // Keep-alives hold the watchdog off.
            return Flux.merge(inbound.asFlux(), Flux.interval(Duration.ofSeconds(20)).map(tick -> "{}"));
        });
        StatusStreamOptions options = StatusStreamOptions.defaults()
            .withReconnects(2, Duration.ofSeconds(1), Duration.ofSeconds(4))
            .withPollInterval(Duration.ofMinutes(15));
        AtomicInteger odometer = new AtomicInteger(1000);
        transport.on("telemetry", request -> Mono.fromSupplier(() -> InMemoryTransport.json(request, 200,
            "{\"vin\":\"" + VIN + "\",\"metrics\":{\"odometer\":{\"value\":" + odometer.getAndIncrement() + "}}}")));

        StepVerifier.withVirtualTime(() -> client(options).vehicle(VIN).statusUpdates())
            .assertNext(status -> assertThat(status.odometer().orElseThrow().value()).isEqualTo(1000.0))
            .thenAwait(Duration.ofMinutes(15).plusSeconds(3)) // polling since 3 s
            .assertNext(status -> assertThat(status.odometer().orElseThrow().value()).as("polled")
                .isEqualTo(1001.0))
            .then(() -> refused.set(false)) // the fault clears at 15 min 3 s
            .thenAwait(Duration.ofMinutes(3))
            .assertNext(status -> assertThat(status.odometer().orElseThrow().value())
                .as("read once on returning to push").isEqualTo(1002.0))
            .then(() -> inbound.tryEmitNext("{\"_data\":{\"metrics\":{\"odometer\":{\"value\":1500}}}}"))
            .assertNext(status -> assertThat(status.odometer().orElseThrow().value()).as("pushed").isEqualTo(1500.0))
            .thenAwait(Duration.ofHours(1))
            .expectNoEvent(Duration.ofSeconds(1)) // back on push: no more polling
            .thenCancel()
            .verify(VERIFY);
        // 0, 1, 3 s (1 and 2 s apart); then polling, and the socket tried again 4, 8, 16 ... s apart, at most every
        // poll interval; the attempt at 1023 s opens it.
        assertThat(upgrades).containsExactly(0L, 1L, 3L, 7L, 15L, 31L, 63L, 127L, 255L, 511L, 1023L);
        assertThat(transport.count("telemetry")).isEqualTo(3);
    }

    @Test
    void pollingOnlyReadsTelemetryAtTheIntervalAndSkipsUnchangedStatuses() {
        StepVerifier.withVirtualTime(() -> client(StatusStreamOptions.polling(Duration.ofMinutes(10)))
                .vehicle(VIN).statusUpdates())
            .expectNextCount(1)
            .thenAwait(Duration.ofMinutes(30))
            .expectNoEvent(Duration.ofSeconds(1)) // same body each time: nothing new to emit
            .thenCancel()
            .verify(VERIFY);
        assertThat(transport.count("telemetry")).isEqualTo(4);
        assertThat(sockets).hasValue(0);
    }

    @Test
    void subscribersShareOneSocketAndALateOneGetsTheLatestStatus() {
        socket();
        ConnectedCarAsyncClient client = client(StatusStreamOptions.defaults());
        List<VehicleStatus> first = new CopyOnWriteArrayList<>();
        var subscription = client.vehicle(VIN).statusUpdates().subscribe(first::add);

        StepVerifier.create(client.vehicle(VIN).statusUpdates().take(1))
            .assertNext(status -> assertThat(status).isEqualTo(first.get(0)))
            .expectComplete()
            .verify(VERIFY);
        subscription.dispose();
        assertThat(sockets).hasValue(1);
        assertThat(transport.count("telemetry")).isEqualTo(1);
    }

    @Test
    void aStreamThatEndedWithAnErrorIsNotReplayedToLaterSubscribers() {
        AtomicInteger reads = new AtomicInteger();
        transport.on("telemetry", request -> Mono.just(reads.incrementAndGet() == 1
            ? InMemoryTransport.json(request, 503, "{\"message\":\"down\"}")
            : InMemoryTransport.json(request, 200, FixtureFiles.text(FixtureFiles.F150))));
        ConnectedCarAsyncClient client = client(StatusStreamOptions.polling(Duration.ofMinutes(15)));
        Flux<VehicleStatus> updates = client.vehicle(VIN).statusUpdates();

        StepVerifier.create(updates).expectError(ServiceException.class).verify(VERIFY);
        // Subscribing the same flux again (as retry() does) and asking for a new one both read Ford again.
        StepVerifier.create(updates.take(1)).expectNextCount(1).expectComplete().verify(VERIFY);
        StepVerifier.create(client.vehicle(VIN).statusUpdates().take(1)).expectNextCount(1).expectComplete()
            .verify(VERIFY);
        assertThat(reads).hasValue(3);
    }

    @Test
    void aLostLoginEndsTheStream() {
        transport.on("telemetry", request -> Mono.just(InMemoryTransport.json(request, 401, "{}")));
        transport.on("cat-refresh", request -> Mono.just(InMemoryTransport.json(request, 400,
            "{\"errorCode\":\"460\",\"message\":\"Invalid or Expired Token\"}")));
        StepVerifier.create(TestClients.loggedInAsync(transport, auth).vehicle(VIN).statusUpdates())
            .expectError(AuthenticationRequiredException.class)
            .verify(VERIFY);
    }

    @Test
    void aSocketReopenedLongAfterTheLastReadReadsTheSnapshotAgain() {
        List<Sinks.Many<String>> opened = new CopyOnWriteArrayList<>();
        transport.onWebSocket(outbound -> {
            sockets.incrementAndGet();
            Sinks.Many<String> inbound = Sinks.many().unicast().onBackpressureBuffer();
            opened.add(inbound);
            // Keep-alives hold the watchdog off; the test ends a socket by emitting an error frame.
            return Flux.merge(inbound.asFlux(), Flux.interval(Duration.ofSeconds(20)).map(tick -> "{}"));
        });
        StepVerifier.withVirtualTime(() -> client(StatusStreamOptions.defaults()).vehicle(VIN).statusUpdates())
            .expectNextCount(1)
            .then(() -> opened.get(0).tryEmitNext("{\"_error\":{\"message\":\"websocket session expired\"}}"))
            .thenAwait(Duration.ofSeconds(5))
            .then(() -> assertThat(transport.count("telemetry")).as("reopened soon after the read").isEqualTo(1))
            .thenAwait(StatusStreamOptions.DEFAULT_POLL_INTERVAL)
            .then(() -> opened.get(1).tryEmitNext("{\"_error\":{\"message\":\"websocket session expired\"}}"))
            .thenAwait(Duration.ofSeconds(5))
            .then(() -> assertThat(transport.count("telemetry")).as("reopened long after the read").isEqualTo(2))
            .thenCancel()
            .verify(VERIFY);
        assertThat(sockets).hasValue(3);
    }
}
