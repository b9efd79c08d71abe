package io.connectedcar.protection;

import static io.connectedcar.testing.FakeCommandCloud.F150;
import static io.connectedcar.testing.FakeCommandCloud.MACH_E;
import static org.assertj.core.api.Assertions.assertThat;

import io.connectedcar.ConnectedCarAsyncClient;
import io.connectedcar.command.CommandResult;
import io.connectedcar.exception.QuotaExceededException;
import io.connectedcar.exception.RefreshTooSoonException;
import io.connectedcar.testing.FakeCommandCloud;
import io.connectedcar.testing.FakeCommandCloudExtension;
import io.connectedcar.testing.LogCapture;
import io.connectedcar.testing.VirtualTimeExtension;
import io.connectedcar.usage.FileUsageStore;
import io.connectedcar.usage.InMemoryUsageStore;
import io.connectedcar.usage.RecordedUsage;
import io.connectedcar.usage.UsageStore;
import io.connectedcar.usage.UsageStoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
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
                .then(() -> time.advanceTimeBy(Duration.ofSeconds(10)))
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
                .then(() -> time.advanceTimeBy(Duration.ofSeconds(10)))
            .expectNextCount(1)
            .expectComplete()
            .verify(VERIFY);
        assertThat(cloud.commandPosts()).hasSize(2);
    }

    @Test
    void failedWritesAreLoggedAndTheRequestAndTheRefreshGoAhead() {
        FailingWrites store = new FailingWrites();
        ConnectedCarAsyncClient client = client(store, DAILY_250);

        try (LogCapture logs = new LogCapture()) {
            StepVerifier.create(client.vehicles().count()).expectNext(2L).expectComplete().verify(VERIFY);
            StepVerifier.create(refresh(client))
                .expectSubscription()
                .then(() -> time.advanceTimeBy(Duration.ofSeconds(10)))
                .expectNextCount(1)
                .expectComplete()
                .verify(VERIFY);

            assertThat(logs.lines()).filteredOn(line -> line.startsWith("WARN io.connectedcar.usage"))
                .anySatisfy(line -> assertThat(line).contains("Could not record requests").contains("disk full"))
                .anySatisfy(line -> assertThat(line).contains("Could not record the status refresh of " + F150));
        }
        assertThat(cloud.commandPosts()).hasSize(1);
        assertThat(client.metrics().quota().remaining()).as("this client still counts in memory")
            .isLessThan(250);
    }

    @Test
    void corruptFileIsReportedOnceLeftUntouchedAndRequestsGoAhead() throws IOException {
        Path path = dir.resolve("usage.json");
        byte[] corrupt = "{\"accounts\":".getBytes();
        Files.write(path, corrupt);
        ConnectedCarAsyncClient client = client(new FileUsageStore(path), DAILY_250);

        try (LogCapture logs = new LogCapture()) {
            StepVerifier.create(reads(client, 3)).expectNext(3L).expectComplete().verify(VERIFY);

            assertThat(logs.lines()).filteredOn(line -> line.startsWith("WARN io.connectedcar.usage"))
                .singleElement().satisfies(line -> assertThat(line)
                    .contains("Could not read the recorded requests").contains(path.toString())
                    .contains("left untouched"));
        }
        assertThat(Files.readAllBytes(path)).isEqualTo(corrupt);
        assertThat(client.metrics().quota().remaining()).isEqualTo(247);
    }

    @Test
    void storeIsReadOnceAtTheFirstRequestAndEachRequestIsRecordedBeforeItIsSent() {
        Recording store = new Recording();
        store.writeDelay = Duration.ofSeconds(1);
        ConnectedCarAsyncClient client = client(store, DAILY_250);
        assertThat(store.loads).as("building the client reads nothing").hasValue(0);

        StepVerifier.create(Flux.merge(client.vehicles(), client.vehicles(), client.vehicles()).count())
            .expectSubscription()
            .then(() -> time.advanceTimeBy(Duration.ofMillis(500)))
            .then(() -> assertThat(cloud.transport.requests()).as("waiting for the write").isEmpty())
            .then(() -> time.advanceTimeBy(Duration.ofMillis(500)))
            .then(() -> assertThat(cloud.transport.requests()).as("the first write held one").hasSize(1))
            .then(() -> time.advanceTimeBy(Duration.ofSeconds(1)))
            .expectNext(6L)
            .expectComplete()
            .verify(VERIFY);

        assertThat(store.loads).hasValue(1);
        assertThat(store.batches).as("the two requests that came during the first write shared the second")
            .containsExactly(1, 2);
        assertThat(cloud.transport.requests()).hasSize(3);
    }

    @Test
    void budgetAndRefreshGuardShareOneReadOfTheStoreHoweverManyRequestsAndRefreshes() {
        Recording store = new Recording();
        store.inner.recordRequests("default", List.of(Instant.EPOCH), Instant.EPOCH)
            .then(store.inner.recordStatusRefresh("default", MACH_E, Instant.EPOCH, Instant.EPOCH))
            .block(VERIFY);
        ConnectedCarAsyncClient client = client(store, DAILY_250);

        // The refresh guard comes first, so it reads the store; the budget then uses what it read.
        StepVerifier.create(refresh(client).then(reads(client, 3)))
            .expectSubscription()
            .then(() -> time.advanceTimeBy(Duration.ofSeconds(10)))
            .expectNext(3L)
            .expectComplete()
            .verify(VERIFY);
        StepVerifier.create(client.vehicle(MACH_E).refreshStatus().result())
            .expectError(RefreshTooSoonException.class)
            .verify(VERIFY);
        time.advanceTimeBy(Duration.ofMinutes(15));
        Mono<CommandResult> refreshBoth = refresh(client).then(client.vehicle(MACH_E).refreshStatus().result());
        StepVerifier.create(refreshBoth.then(reads(client, 3)))
            .expectSubscription()
            .then(() -> time.advanceTimeBy(Duration.ofSeconds(20)))
            .expectNext(3L)
            .expectComplete()
            .verify(VERIFY);

        assertThat(store.loads).as("one read for the budget and the guard together").hasValue(1);
        assertThat(cloud.commandPosts()).as("the refresh recorded before the client was refused").hasSize(3);
        assertThat(client.metrics().quota().remaining()).as("the request recorded before the client counts")
            .isEqualTo(250 - 1 - cloud.transport.requests().size());
    }

    @Test
    void requestRecordedInTheFutureAfterTheClockWasSetBackCountsAsSentNow() {
        InMemoryUsageStore store = new InMemoryUsageStore();
        store.recordRequests("default", List.of(Instant.parse("1970-01-01T05:00:00Z")), Instant.EPOCH)
            .block(VERIFY);
        ConnectedCarAsyncClient client = client(store, DAILY_250.withDailyLimit(1).withMaxWait(Duration.ZERO));

        StepVerifier.create(client.vehicles())
            .expectErrorSatisfies(error -> assertThat(((QuotaExceededException) error).getNextAllowedAt())
                .isEqualTo(Instant.parse("1970-01-02T00:00:00Z")))
            .verify(VERIFY);
        assertThat(cloud.transport.requests()).isEmpty();
    }

    /** Reads work; every write fails as a full disk would. */
    private static final class FailingWrites implements UsageStore {
        @Override
        public Mono<RecordedUsage> load(String account) {
            return Mono.just(RecordedUsage.none());
        }

        @Override
        public Mono<Void> recordRequests(String account, Collection<Instant> sentAt, Instant keepSince) {
            return Mono.error(new UsageStoreException("disk full", null));
        }

        @Override
        public Mono<Void> recordStatusRefresh(String account, String vin, Instant at, Instant keepSince) {
            return Mono.error(new UsageStoreException("disk full", null));
        }

        @Override
        public Mono<Void> forgetStatusRefresh(String account, String vin, Instant at) {
            return Mono.error(new UsageStoreException("disk full", null));
        }

        @Override
        public String toString() {
            return "FailingWrites";
        }
    }

    /** An in-memory store that counts its reads and the size of each request write, which takes {@code writeDelay}. */
    private static final class Recording implements UsageStore {
        final InMemoryUsageStore inner = new InMemoryUsageStore();
        final AtomicInteger loads = new AtomicInteger();
        final List<Integer> batches = new CopyOnWriteArrayList<>();
        volatile Duration writeDelay = Duration.ZERO;

        @Override
        public Mono<RecordedUsage> load(String account) {
            return Mono.defer(() -> {
                loads.incrementAndGet();
                return inner.load(account);
            });
        }

        @Override
        public Mono<Void> recordRequests(String account, Collection<Instant> sentAt, Instant keepSince) {
            return Mono.delay(writeDelay).then(Mono.defer(() -> {
                batches.add(sentAt.size());
                return inner.recordRequests(account, sentAt, keepSince);
            }));
        }

        @Override
        public Mono<Void> recordStatusRefresh(String account, String vin, Instant at, Instant keepSince) {
            return inner.recordStatusRefresh(account, vin, at, keepSince);
        }

        @Override
        public Mono<Void> forgetStatusRefresh(String account, String vin, Instant at) {
            return inner.forgetStatusRefresh(account, vin, at);
        }
    }
}
