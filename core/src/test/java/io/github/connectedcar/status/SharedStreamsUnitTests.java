package io.github.connectedcar.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.ConnectedCarAsyncClient;
import io.github.connectedcar.model.VehicleStatus;
import io.github.connectedcar.testing.FakeFordAuth;
import io.github.connectedcar.testing.FixtureFiles;
import io.github.connectedcar.testing.InMemoryTransport;
import io.github.connectedcar.testing.TestClients;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/**
 * How status streams share what they can at fleet scale: a subscriber that falls behind gets the latest status (no
 * backlog), one token rotation for all open sockets, a watchdog that only counts silence, and a fleet that hands
 * each car's latest status to one downstream and closes every socket when cancelled.
 */
@Tag("unit")
class SharedStreamsUnitTests {
    private static final String VIN = "1FTFW1E50PFA00001";
    private static final Duration VERIFY = Duration.ofSeconds(5);
    private static final List<String> CARS = IntStream.range(0, 3)
        .mapToObj(i -> String.format(Locale.ROOT, "1FTFW1E50PFC%05d", i)).toList();

    private final InMemoryTransport transport = new InMemoryTransport();
    private final FakeFordAuth auth = new FakeFordAuth();
    /** The inbound side of every socket opened, in order. */
    private final List<Sinks.Many<String>> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger socketsClosed = new AtomicInteger();

    @BeforeEach
    void setUp() {
        transport.on("telemetry", request -> Mono.just(InMemoryTransport.json(request, 200,
            FixtureFiles.text(FixtureFiles.F150))));
    }

    private ConnectedCarAsyncClient client() {
        return TestClients.loggedIn(transport, auth).statusStreamOptions(StatusStreamOptions.defaults())
            .buildAsyncClient();
    }

    /** Each socket pushes what the test emits on it, and keep-alives every {@code keepAlive}. */
    private void sockets(Duration keepAlive) {
        transport.onWebSocket(outbound -> {
            Sinks.Many<String> inbound = Sinks.many().unicast().onBackpressureBuffer();
            sockets.add(inbound);
            return Flux.merge(inbound.asFlux(), Flux.interval(keepAlive).map(tick -> "{}"))
                .doOnCancel(socketsClosed::incrementAndGet);
        });
    }

    private static String odometer(int value) {
        return "{\"_data\":{\"metrics\":{\"odometer\":{\"value\":" + value + "}}}}";
    }

    private static double odometerOf(VehicleStatus status) {
        return status.odometer().orElseThrow().value();
    }

    @Test
    void aSubscriberThatFallsBehindGetsTheLatestStatusNotABacklog() {
        sockets(Duration.ofSeconds(20));

        StepVerifier.withVirtualTime(() -> client().vehicle(VIN).statusUpdates(), 1)
            .expectNextCount(1)
            .then(() -> IntStream.rangeClosed(1, 3).forEach(i -> sockets.get(0).tryEmitNext(odometer(i))))
            .expectNoEvent(Duration.ofSeconds(1)) // asked for nothing more
            .thenRequest(5)
            .assertNext(status -> assertThat(odometerOf(status)).as("the latest").isEqualTo(3.0))
            .expectNoEvent(Duration.ofSeconds(1)) // the earlier two are not kept
            .then(() -> sockets.get(0).tryEmitNext(odometer(4)))
            .assertNext(status -> assertThat(odometerOf(status)).isEqualTo(4.0))
            .thenCancel()
            .verify(VERIFY);
    }

    @Test
    void aStreamKeepsItsStatusesCompactedWhileAOneShotReadKeepsTheBodyAsSent() {
        String compactBody = io.github.connectedcar.testing.Fixtures.load(FixtureFiles.F150).toString();
        transport.on("telemetry", request -> Mono.just(InMemoryTransport.json(request, 200, compactBody)));
        sockets(Duration.ofSeconds(20));
        ConnectedCarAsyncClient client = client();

        VehicleStatus once = client.vehicle(VIN).status().block(VERIFY);
        assertThat(once.compacted()).as("a one-shot read is not packed").isNotSameAs(once);
        StepVerifier.withVirtualTime(() -> client.vehicle(VIN).statusUpdates(), 1)
            .assertNext(first -> assertThat(first.compacted()).isSameAs(first).isEqualTo(once))
            .then(() -> sockets.get(0).tryEmitNext(odometer(7)))
            .thenRequest(1)
            .assertNext(pushed -> {
                assertThat(odometerOf(pushed)).isEqualTo(7.0);
                assertThat(pushed.compacted()).as("a push merged into it").isSameAs(pushed);
            })
            .thenCancel()
            .verify(VERIFY);
    }

    @Test
    void theLastSubscriberLeavingClosesTheSocketAndNothingRunsAfterwards() {
        sockets(Duration.ofSeconds(20));
        ConnectedCarAsyncClient[] client = new ConnectedCarAsyncClient[1];

        StepVerifier.withVirtualTime(() -> {
                client[0] = client();
                Flux<VehicleStatus> updates = client[0].vehicle(VIN).statusUpdates();
                Disposable first = updates.subscribe();
                return updates.take(1).concatWith(Mono.fromRunnable(() -> {
                    assertThat(client[0].metrics().statusStreams().open()).as("one left").isOne();
                    first.dispose();
                })).concatWith(Mono.delay(Duration.ofHours(1)).then(Mono.empty()));
            })
            .expectNextCount(1)
            .then(() -> assertThat(client[0].metrics().statusStreams().open()).isZero())
            .then(() -> assertThat(socketsClosed).hasValue(1))
            // No watchdog, token ticker or reopening left behind: an hour later nothing was opened, read or sent.
            .thenAwait(Duration.ofHours(1))
            .expectComplete()
            .verify(VERIFY);
        assertThat(sockets).hasSize(1);
        assertThat(transport.count("telemetry")).isOne();
        assertThat(transport.websocketFrames()).isEmpty();
    }

    @Test
    void framesWithinTheWatchdogKeepTheSocketAndSilenceAfterThemReopensIt() {
        transport.onWebSocket(outbound -> {
            sockets.add(Sinks.many().unicast().onBackpressureBuffer());
            // A frame every 45 s (within the 50 s watchdog) for 10 minutes, then silence.
            return Flux.interval(Duration.ofSeconds(45)).map(tick -> "{}").take(Duration.ofMinutes(10))
                .concatWith(Flux.never());
        });

        StepVerifier.withVirtualTime(() -> client().vehicle(VIN).statusUpdates())
            .expectNextCount(1)
            .thenAwait(Duration.ofSeconds(634)) // the last frame at 585 s: silent for 49 s
            .then(() -> assertThat(sockets).hasSize(1))
            .thenAwait(Duration.ofSeconds(1).plus(StatusStreamOptions.DEFAULT_RECONNECT_DELAY))
            .then(() -> assertThat(sockets).hasSize(2))
            .thenCancel()
            .verify(VERIFY);
    }

    @Test
    void everyOpenSocketIsSentTheRotatedTokenOnce() {
        sockets(Duration.ofSeconds(10));

        StepVerifier.withVirtualTime(() -> {
                ConnectedCarAsyncClient client = client();
                return Flux.merge(CARS.stream().map(vin -> client.vehicle(vin).statusUpdates()).toList());
            })
            .expectNextCount(CARS.size())
            .thenAwait(Duration.ofSeconds(FakeFordAuth.TMC_LIFETIME_SECONDS))
            .then(() -> assertThat(transport.websocketFrames()).hasSize(CARS.size())
                .containsOnly("{\"accessToken\":\"tmc-2\"}"))
            .thenCancel()
            .verify(VERIFY);
        assertThat(auth.tmcsIssued()).isEqualTo(2);
        assertThat(sockets).hasSize(CARS.size());
    }

    @Test
    void aFleetSubscriberThatFallsBehindGetsEachCarsLatestStatus() {
        sockets(Duration.ofSeconds(20));
        List<FleetStatus> seen = new CopyOnWriteArrayList<>();

        StepVerifier.withVirtualTime(() -> client().fleetStatus(CARS, FleetOptions.defaults()).doOnNext(seen::add),
                CARS.size())
            .thenAwait(Duration.ofSeconds(1))
            .expectNextCount(CARS.size())
            .then(() -> sockets.forEach(socket -> IntStream.rangeClosed(1, 3)
                .forEach(i -> socket.tryEmitNext(odometer(i)))))
            .expectNoEvent(Duration.ofSeconds(1))
            .thenRequest(10)
            .expectNextCount(CARS.size())
            .expectNoEvent(Duration.ofSeconds(1))
            .thenCancel()
            .verify(VERIFY);

        assertThat(seen.subList(CARS.size(), seen.size())).extracting(FleetStatus::vin)
            .containsExactlyInAnyOrderElementsOf(CARS);
        assertThat(seen.subList(CARS.size(), seen.size()))
            .allSatisfy(latest -> assertThat(odometerOf(latest.status())).isEqualTo(3.0));
    }

    @Test
    void cancellingTheFleetClosesEveryCarsSocket() {
        sockets(Duration.ofSeconds(20));
        ConnectedCarAsyncClient[] client = new ConnectedCarAsyncClient[1];

        StepVerifier.withVirtualTime(() -> {
                client[0] = client();
                return client[0].fleetStatus(CARS, FleetOptions.defaults());
            })
            .thenAwait(Duration.ofSeconds(1))
            .expectNextCount(CARS.size())
            .then(() -> assertThat(client[0].metrics().statusStreams().open()).isEqualTo(CARS.size()))
            .thenCancel()
            .verify(VERIFY);

        assertThat(socketsClosed).hasValue(CARS.size());
        assertThat(client[0].metrics().statusStreams().open()).isZero();
    }
}
