package io.github.connectedcar.protection;

import static io.github.connectedcar.testing.FakeCommandCloud.F150;
import static io.github.connectedcar.testing.FakeCommandCloud.MACH_E;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.ConnectedCarAsyncClient;
import io.github.connectedcar.command.CommandResult;
import io.github.connectedcar.exception.QuotaExceededException;
import io.github.connectedcar.exception.RefreshTooSoonException;
import io.github.connectedcar.http.TransportException;
import io.github.connectedcar.testing.FakeCommandCloud;
import io.github.connectedcar.testing.FakeCommandCloudExtension;
import io.github.connectedcar.testing.VirtualTimeExtension;
import io.github.connectedcar.usage.AccountLockout;
import io.github.connectedcar.usage.FileUsageStore;
import io.github.connectedcar.usage.InMemoryUsageStore;
import io.github.connectedcar.usage.RecordedUsage;
import io.github.connectedcar.usage.RefreshPermit;
import io.github.connectedcar.usage.RequestLimits;
import io.github.connectedcar.usage.RequestPermit;
import io.github.connectedcar.usage.UsageStore;
import io.github.connectedcar.usage.UsageStoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * The request budget and the status-refresh interval across clients, as across processes: each client built on the
 * same {@link UsageStore} counts what the earlier ones sent. Virtual time throughout, advanced by hand (file work
 * included: the virtual scheduler stands in for {@code boundedElastic}; {@code StepVerifier.withVirtualTime} is not
 * used because it resets the scheduler when done); {@code vehicles()} is the one-request probe.
 */
@Tag("unit")
@ExtendWith({VirtualTimeExtension.class, FakeCommandCloudExtension.class})
class UsageAcrossClientsUnitTests {
    private static final Duration VERIFY = Duration.ofSeconds(30);
    private static final QuotaOptions DAILY_250 = QuotaOptions.defaults().withBurst(1000, Duration.ofMinutes(1));

    @TempDir
    Path dir;

    private final VirtualTimeScheduler time;
    private final FakeCommandCloud cloud;

    UsageAcrossClientsUnitTests(VirtualTimeScheduler time, FakeCommandCloud cloud) {
        this.time = time;
        this.cloud = cloud.steps("SUCCESS");
    }

    /** A new client, as a new process would build it. */
    private ConnectedCarAsyncClient client(UsageStore store, QuotaOptions quota) {
        return cloud.client(builder -> builder.quota(quota).usageStore(store));
    }

    private static Mono<Long> reads(ConnectedCarAsyncClient client, int n) {
        return Flux.range(0, n).concatMap(i -> client.vehicles().count()).count();
    }

    private static Mono<CommandResult> refresh(ConnectedCarAsyncClient client) {
        return client.vehicle(F150).refreshStatus().result();
    }

    @Test
    void budgetUsedUpByOneClientIsUsedUpForTheNextOnTheSameFileUntilTheWindowMoves() {
        FileUsageStore file = new FileUsageStore(dir.resolve("usage.json"));
        StepVerifier.create(reads(client(file, DAILY_250), 200)).expectNext(200L).expectComplete().verify(VERIFY);
        time.advanceTimeBy(Duration.ofHours(1));

        ConnectedCarAsyncClient second = client(new FileUsageStore(dir.resolve("usage.json")), DAILY_250);
        StepVerifier.create(reads(second, 50)).expectNext(50L).expectComplete().verify(VERIFY);
        StepVerifier.create(second.vehicles())
            .expectErrorSatisfies(error -> {
                assertThat(error).isInstanceOf(QuotaExceededException.class).hasMessageContaining("250 requests");
                QuotaExceededException quota = (QuotaExceededException) error;
                assertThat(quota.getLimit()).isEqualTo(QuotaExceededException.Limit.DAILY);
                // The first client's requests were sent at 0 h, so the first slot frees at 24 h.
                assertThat(quota.getNextAllowedAt()).isEqualTo(Instant.parse("1970-01-02T00:00:00Z"));
            })
            .verify(VERIFY);
        assertThat(cloud.transport.requests()).as("the 251st request never left").hasSize(250);

        time.advanceTimeBy(Duration.ofHours(23));
        ConnectedCarAsyncClient third = client(file, DAILY_250);
        StepVerifier.create(reads(third, 200)).expectNext(200L).expectComplete().verify(VERIFY);
        StepVerifier.create(third.vehicles()).expectError(QuotaExceededException.class).verify(VERIFY);
        assertThat(cloud.transport.requests()).as("the second client's 50 still count").hasSize(450);
    }

    @Test
    void withoutAUsageStoreEachClientStartsAFreshBudgetAsBefore() {
        QuotaOptions three = DAILY_250.withDailyLimit(3);
        ConnectedCarAsyncClient first = cloud.client(builder -> builder.quota(three));
        StepVerifier.create(reads(first, 3)).expectNext(3L).expectComplete().verify(VERIFY);
        StepVerifier.create(first.vehicles()).expectError(QuotaExceededException.class).verify(VERIFY);

        ConnectedCarAsyncClient second = cloud.client(builder -> builder.quota(three));
        StepVerifier.create(reads(second, 3)).expectNext(3L).expectComplete().verify(VERIFY);
    }

    @Test
    void refreshByOneClientRefusesARefreshByTheNextWithinFifteenMinutes() throws IOException {
        Path path = dir.resolve("usage.json");
        StepVerifier.create(refresh(client(new FileUsageStore(path), DAILY_250)))
                .expectSubscription()
                .then(() -> time.advanceTimeBy(Duration.ofMinutes(2)))
            .expectNextCount(1)
            .expectComplete()
            .verify(VERIFY);
        assertThat(Files.readString(path)).contains(F150);
        time.advanceTimeBy(Duration.ofMinutes(10));

        StepVerifier.create(refresh(client(new FileUsageStore(path), DAILY_250)))
            .expectErrorSatisfies(error -> {
                assertThat(error).isInstanceOf(RefreshTooSoonException.class).hasMessageContaining(F150);
                assertThat(((RefreshTooSoonException) error).getNextAllowedAt())
                    .isEqualTo(Instant.parse("1970-01-01T00:15:00Z"));
            })
            .verify(VERIFY);
        assertThat(cloud.commandPosts()).as("refused, nothing sent").hasSize(1);

        time.advanceTimeBy(Duration.ofMinutes(5));
        StepVerifier.create(refresh(client(new FileUsageStore(path), DAILY_250)))
                .expectSubscription()
                .then(() -> time.advanceTimeBy(Duration.ofMinutes(2)))
            .expectNextCount(1)
            .expectComplete()
            .verify(VERIFY);
        assertThat(cloud.commandPosts()).hasSize(2);
    }

    @Test
    void aStoreThatCannotCountFailsTheRequestWithItsErrorAndSendsNothing() {
        ConnectedCarAsyncClient client = client(new Unwritable(), DAILY_250);

        StepVerifier.create(client.vehicles())
            .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(UsageStoreException.class)
                .hasMessageContaining("disk full"))
            .verify(VERIFY);
        StepVerifier.create(refresh(client)).expectError(UsageStoreException.class).verify(VERIFY);
        assertThat(cloud.transport.requests()).isEmpty();
    }

    @Test
    void aCorruptFileRefusesRequestsSayingWhatToDoAndIsLeftUntouched() throws IOException {
        Path path = dir.resolve("usage.json");
        byte[] corrupt = "{\"accounts\":".getBytes();
        Files.write(path, corrupt);
        ConnectedCarAsyncClient client = client(new FileUsageStore(path), DAILY_250);

        StepVerifier.create(client.vehicles())
            .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(UsageStoreException.class)
                .hasMessageContaining(path.toString()).hasMessageContaining("moved or deleted"))
            .verify(VERIFY);
        assertThat(Files.readAllBytes(path)).isEqualTo(corrupt);
        assertThat(cloud.transport.requests()).isEmpty();
    }

    @Test
    void clientsSharingAStoreNeverExceedTheBudgetTogether() {
        InMemoryUsageStore store = new InMemoryUsageStore();
        QuotaOptions five = DAILY_250.withDailyLimit(5).withMaxWait(Duration.ZERO);
        List<ConnectedCarAsyncClient> clients = List.of(client(store, five), client(store, five), client(store, five));

        List<Boolean> sent = Flux.fromIterable(clients)
            .flatMap(client -> Flux.range(0, 3).flatMap(i -> client.vehicles().count().map(n -> true)
                .onErrorResume(QuotaExceededException.class, refused -> Mono.just(false))))
            .collectList().block(VERIFY);

        assertThat(sent).filteredOn(Boolean::booleanValue).hasSize(5);
        assertThat(cloud.transport.requests()).hasSize(5);
        assertThat(store.load("default").block(VERIFY).requests()).hasSize(5);
    }

    @Test
    void aRequestThatNeverLeftTheMachineCostsNothing() {
        InMemoryUsageStore store = new InMemoryUsageStore();
        cloud.transport.on("vehicles", request -> Mono.error(new TransportException("connection refused", false,
            null)));
        ConnectedCarAsyncClient client = client(store, DAILY_250);

        StepVerifier.create(client.vehicles())
            .expectSubscription()
            .then(() -> time.advanceTimeBy(Duration.ofMinutes(1)))
            .expectError(TransportException.class)
            .verify(VERIFY);
        assertThat(store.load("default").block(VERIFY).requests()).as("every attempt given back").isEmpty();
    }

    @Test
    void requestRecordedInTheFutureAfterTheClockWasSetBackCountsAsSentNow() {
        InMemoryUsageStore store = new InMemoryUsageStore();
        store.acquireRequest("default", Instant.parse("1970-01-01T05:00:00Z"), new RequestLimits(1, Duration.ofDays(1),
            1, Duration.ofMinutes(1))).block(VERIFY);
        ConnectedCarAsyncClient client = client(store, DAILY_250.withDailyLimit(1).withMaxWait(Duration.ZERO));

        StepVerifier.create(client.vehicles())
            .expectErrorSatisfies(error -> assertThat(((QuotaExceededException) error).getNextAllowedAt())
                .isEqualTo(Instant.parse("1970-01-02T00:00:00Z")))
            .verify(VERIFY);
        assertThat(cloud.transport.requests()).isEmpty();
    }

    /** Reads work; counting fails as on a full disk. */
    private static final class Unwritable implements UsageStore {
        @Override
        public Mono<RecordedUsage> load(String account) {
            return Mono.just(RecordedUsage.none());
        }

        @Override
        public Mono<RequestPermit> acquireRequest(String account, Instant now, RequestLimits limits) {
            return Mono.error(new UsageStoreException("Cannot write the usage file: disk full", null));
        }

        @Override
        public Mono<Void> releaseRequest(String account, Instant at) {
            return Mono.error(new UsageStoreException("Cannot write the usage file: disk full", null));
        }

        @Override
        public Mono<RefreshPermit> acquireStatusRefresh(String account, String vin, Instant now, Duration minInterval,
                                                        Instant keepSince) {
            return Mono.error(new UsageStoreException("Cannot write the usage file: disk full", null));
        }

        @Override
        public Mono<Void> forgetStatusRefresh(String account, String vin, Instant at) {
            return Mono.error(new UsageStoreException("Cannot write the usage file: disk full", null));
        }

        @Override
        public Mono<AccountLockout> recordAuthentication(String account, Instant at, boolean failed,
                                                         int failuresToOpen, Duration coolDown) {
            return Mono.error(new UsageStoreException("Cannot write the usage file: disk full", null));
        }
    }
}
