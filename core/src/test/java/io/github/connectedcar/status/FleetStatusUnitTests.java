package io.github.connectedcar.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.connectedcar.ConnectedCarAsyncClient;
import io.github.connectedcar.exception.VehicleNotFoundException;
import io.github.connectedcar.testing.FakeFordAuth;
import io.github.connectedcar.testing.InMemoryTransport;
import io.github.connectedcar.testing.TestClients;
import io.github.connectedcar.testing.VirtualTimeExtension;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

@Tag("unit")
@ExtendWith(VirtualTimeExtension.class)
class FleetStatusUnitTests {
    private static final Duration VERIFY = Duration.ofSeconds(10);
    private static final List<String> FLEET = IntStream.range(0, 50)
        .mapToObj(i -> String.format(Locale.ROOT, "1FTFW1E50PFA%05d", i)).toList();
    /** Ford knows no such car: their first read answers 404. */
    private static final Set<String> UNKNOWN = Set.of(FLEET.get(3), FLEET.get(20), FLEET.get(47));

    private final InMemoryTransport transport = new InMemoryTransport();
    /** When each car's telemetry was read, in virtual milliseconds. */
    private final List<Long> readAt = new CopyOnWriteArrayList<>();
    private final AtomicInteger reading = new AtomicInteger();
    private final AtomicInteger mostReadingAtOnce = new AtomicInteger();
    private final VirtualTimeScheduler time;

    FleetStatusUnitTests(VirtualTimeScheduler time) {
        this.time = time;
    }

    private ConnectedCarAsyncClient client(Duration readTakes) {
        transport.on("telemetry", request -> {
            String vin = request.uri().getPath().substring(request.uri().getPath().lastIndexOf('/') + 1);
            return Mono.defer(() -> {
                readAt.add(time.now(TimeUnit.MILLISECONDS));
                mostReadingAtOnce.accumulateAndGet(reading.incrementAndGet(), Math::max);
                return Mono.delay(readTakes).map(tick -> UNKNOWN.contains(vin)
                    ? InMemoryTransport.json(request, 404, "{\"code\":\"NOT_FOUND\",\"message\":\"no such car\"}")
                    : InMemoryTransport.json(request, 200, "{\"vin\":\"" + vin + "\",\"metrics\":{\"odometer\":"
                        + "{\"value\":1000}}}"));
            }).doOnNext(answered -> reading.decrementAndGet());
        });
        return TestClients.loggedIn(transport, new FakeFordAuth())
            .statusStreamOptions(StatusStreamOptions.polling(Duration.ofMinutes(15)))
            .buildAsyncClient();
    }

    @Test
    void aFleetOf50CarsWhere3FailGivesEveryOtherCarsStatusAndKeepsGoing() {
        FleetOptions options = FleetOptions.defaults().withOpenInterval(Duration.ofMillis(100)).withMaxOpening(4);
        List<FleetStatus> seen = new CopyOnWriteArrayList<>();

        StepVerifier.withVirtualTime(() -> client(Duration.ofMillis(300)).fleetStatus(FLEET, options)
                    .doOnNext(seen::add), () -> time, Long.MAX_VALUE)
            .thenAwait(Duration.ofSeconds(30))
            .expectNextCount(50)
            .expectNoEvent(Duration.ofMinutes(1)) // the 47 streams go on (polling every 15 minutes)
            .thenCancel()
            .verify(VERIFY);

        assertThat(seen).filteredOn(FleetStatus::isError).extracting(FleetStatus::vin)
            .containsExactlyInAnyOrderElementsOf(UNKNOWN);
        assertThat(seen).filteredOn(FleetStatus::isError).extracting(FleetStatus::error)
            .allSatisfy(error -> assertThat(error).isInstanceOf(VehicleNotFoundException.class));
        assertThat(seen).filteredOn(status -> !status.isError()).extracting(FleetStatus::vin)
            .hasSize(47).doesNotContainAnyElementsOf(UNKNOWN);
        assertThat(seen).filteredOn(status -> !status.isError())
            .allSatisfy(status -> assertThat(status.status().vin()).contains(status.vin()));
    }

    @Test
    void opensAreSpreadInTimeAndBoundedInNumber() {
        FleetOptions options = FleetOptions.defaults().withOpenInterval(Duration.ofMillis(100)).withMaxOpening(4);

        StepVerifier.withVirtualTime(() -> client(Duration.ofSeconds(1)).fleetStatus(FLEET, options), () -> time,
                Long.MAX_VALUE)
            .thenAwait(Duration.ofMinutes(1))
            .expectNextCount(50)
            .thenCancel()
            .verify(VERIFY);

        assertThat(readAt).hasSize(50);
        for (int i = 1; i < readAt.size(); i++) {
            assertThat(readAt.get(i) - readAt.get(i - 1)).as("gap before open %d", i).isGreaterThanOrEqualTo(100);
        }
        assertThat(mostReadingAtOnce).hasValue(4);
        // 4 at a time, each read 1 s: about 12.5 s for 50 cars, not 50 at once.
        assertThat(readAt.get(49)).isGreaterThanOrEqualTo(12_000);
    }

    @Test
    void aCarsErrorDoesNotEndTheFleetStreamButAllCarsFailingCompletesIt() {
        List<String> unknown = List.copyOf(UNKNOWN);

        StepVerifier.withVirtualTime(() -> client(Duration.ofMillis(10)).fleetStatus(unknown), () -> time,
                Long.MAX_VALUE)
            .thenAwait(Duration.ofSeconds(5))
            .expectNextCount(3)
            .expectComplete()
            .verify(VERIFY);
    }

    @Test
    void aBadVinIsRefusedAtCallTime() {
        ConnectedCarAsyncClient client = client(Duration.ofMillis(10));
        assertThatThrownBy(() -> client.fleetStatus(List.of(FLEET.get(0), "not-a-vin")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("not-a-vin");
    }

    @Test
    void theWholeAccountIsFollowedFromTheKeptVehicleList() {
        TestClients.withVehicleRoutes(transport);
        ConnectedCarAsyncClient client = TestClients.loggedIn(transport, new FakeFordAuth())
            .statusStreamOptions(StatusStreamOptions.polling(Duration.ofMinutes(15)))
            .buildAsyncClient();
        List<FleetStatus> seen = new CopyOnWriteArrayList<>();

        StepVerifier.withVirtualTime(() -> client.fleetStatus().doOnNext(seen::add), () -> time, Long.MAX_VALUE)
            .thenAwait(Duration.ofSeconds(1))
            .expectNextCount(2)
            .thenCancel()
            .verify(VERIFY);

        assertThat(seen).extracting(FleetStatus::vin)
            .containsExactlyInAnyOrder(TestClients.F150_VIN, TestClients.MACH_E_VIN);
        assertThat(seen).noneMatch(FleetStatus::isError);
        assertThat(transport.count("vehicles")).isEqualTo(1);
    }
}
