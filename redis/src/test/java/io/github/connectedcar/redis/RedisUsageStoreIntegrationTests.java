package io.github.connectedcar.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.connectedcar.usage.AccountLockout;
import io.github.connectedcar.usage.RecordedUsage;
import io.github.connectedcar.usage.RequestLimits;
import io.github.connectedcar.usage.RequestPermit;
import io.github.connectedcar.usage.UsageStore;
import io.github.connectedcar.usage.UsageStoreException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The Redis usage store applies the same counting rules as the file store (the same cases as its unit tests), counts
 * exactly when stores of separate clients race for the last permits, and fails with a typed error naming Redis while
 * it is down, with the counts intact once it is back.
 */
@Tag("integration")
class RedisUsageStoreIntegrationTests {
    private static final Duration VERIFY = Duration.ofSeconds(10);
    private static final Duration COMMAND_TIMEOUT = Duration.ofMillis(500);
    private static final String VIN = "1FTFW1E50PFA00001";
    private static final String OTHER_VIN = "3FMTK3SU5MMA00002";
    private static final Instant T0 = Instant.parse("2026-05-02T10:00:00Z");
    private static final RequestLimits LIMITS = new RequestLimits(250, Duration.ofHours(24), 1000,
        Duration.ofMinutes(1));
    private static final Duration KEEP = Duration.ofDays(1);

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final List<RedisUsageStore> stores = new ArrayList<>();

    @AfterEach
    void close() {
        stores.forEach(RedisUsageStore::close);
    }

    private static Mono<Void> request(UsageStore store, String account, Instant at) {
        return store.acquireRequest(account, at, LIMITS).then();
    }

    private static Mono<Void> refresh(UsageStore store, String account, String vin, Instant at) {
        return store.acquireStatusRefresh(account, vin, at, Duration.ZERO, at.minus(KEEP)).then();
    }

    @Test
    void recordedRequestsAndRefreshesLoadBackInAnotherStoreSorted() {
        RedisUsageStore store = newStore();
        request(store, "me", T0).then(request(store, "me", T0.plusSeconds(30)))
            .then(request(store, "me", T0.plusSeconds(60)))
            .then(refresh(store, "me", VIN, T0))
            .then(refresh(store, "me", OTHER_VIN, T0.plusSeconds(5)))
            .block(VERIFY);

        StepVerifier.create(newStore().load("me"))
            .assertNext(usage -> {
                assertThat(usage.requests()).containsExactly(T0, T0.plusSeconds(30), T0.plusSeconds(60));
                assertThat(usage.statusRefreshes()).isEqualTo(Map.of(VIN, List.of(T0),
                    OTHER_VIN, List.of(T0.plusSeconds(5))));
                assertThat(usage.lockout()).isEqualTo(AccountLockout.NONE);
            })
            .expectComplete()
            .verify(VERIFY);
        StepVerifier.create(store.load("nobody")).expectNext(RecordedUsage.none()).expectComplete().verify(VERIFY);
    }

    @Test
    void entriesOlderThanTheWindowAreDroppedWhenTheNextIsCountedAndKeysExpire() {
        RedisUsageStore store = newStore();
        Instant dayLater = T0.plus(Duration.ofHours(25));
        request(store, "me", T0).then(request(store, "me", T0.plus(Duration.ofHours(2))))
            .then(refresh(store, "me", VIN, T0))
            .block(VERIFY);

        request(store, "me", dayLater).then(refresh(store, "me", OTHER_VIN, dayLater)).block(VERIFY);

        StepVerifier.create(store.load("me"))
            .assertNext(usage -> {
                assertThat(usage.requests()).containsExactly(T0.plus(Duration.ofHours(2)), dayLater);
                assertThat(usage.statusRefreshes()).isEqualTo(Map.of(OTHER_VIN, List.of(dayLater)));
            })
            .expectComplete()
            .verify(VERIFY);
        try (RedisClient client = RedisClient.create(REDIS.uri());
             StatefulRedisConnection<String, String> redis = client.connect()) {
            assertThat(redis.sync().keys("*")).containsExactlyInAnyOrder("connectedcar:usage:{me}:requests",
                "connectedcar:usage:{me}:refreshed", "connectedcar:usage:{me}:refreshes:" + OTHER_VIN);
            assertThat(redis.sync().pttl("connectedcar:usage:{me}:requests"))
                .as("the requests expire one window after the last").isBetween(1L, Duration.ofHours(24).toMillis());
            assertThat(redis.sync().pttl("connectedcar:usage:{me}:refreshes:" + OTHER_VIN))
                .as("refreshes expire once no longer kept").isBetween(1L, KEEP.toMillis());
        }
    }

    @Test
    void aRefusalNamesItsLimitAndWhenTheNextRequestIsAllowed() {
        RedisUsageStore store = newStore();
        RequestLimits threeADayTwoAMinute = new RequestLimits(3, Duration.ofHours(24), 2, Duration.ofMinutes(1));

        StepVerifier.create(store.acquireRequest("me", T0, threeADayTwoAMinute)
                .then(store.acquireRequest("me", T0.plusSeconds(10), threeADayTwoAMinute))
                .then(store.acquireRequest("me", T0.plusSeconds(20), threeADayTwoAMinute)))
            .assertNext(permit -> {
                assertThat(permit.refusedBy()).isEqualTo(RequestPermit.Limit.BURST);
                assertThat(permit.retryAt()).isEqualTo(T0.plusSeconds(60));
                assertThat(permit.usedInBurst()).isEqualTo(2);
            })
            .expectComplete()
            .verify(VERIFY);
        StepVerifier.create(store.acquireRequest("me", T0.plusSeconds(60), threeADayTwoAMinute))
            .assertNext(permit -> {
                assertThat(permit.isGranted()).isTrue();
                assertThat(permit.usedInWindow()).isEqualTo(3);
                assertThat(permit.usedInBurst()).as("the first left the burst period").isEqualTo(2);
                assertThat(permit.nextSlotFreesAt()).isEqualTo(T0.plus(Duration.ofHours(24)));
            })
            .expectComplete()
            .verify(VERIFY);
        StepVerifier.create(store.acquireRequest("me", T0.plusSeconds(200), threeADayTwoAMinute))
            .assertNext(permit -> {
                assertThat(permit.refusedBy()).isEqualTo(RequestPermit.Limit.WINDOW);
                assertThat(permit.retryAt()).isEqualTo(T0.plus(Duration.ofHours(24)));
                assertThat(permit.usedInWindow()).isEqualTo(3);
            })
            .expectComplete()
            .verify(VERIFY);
    }

    @Test
    void aRequestGivenBackNoLongerCountsAndTwoAtOneInstantAreTwo() {
        RedisUsageStore store = newStore();

        request(store, "me", T0).then(request(store, "me", T0.plusSeconds(1)))
            .then(request(store, "me", T0.plusSeconds(1)))
            .then(store.releaseRequest("me", T0.plusSeconds(1)))
            .then(store.releaseRequest("me", T0.plusSeconds(99)))
            .then(request(store, "other", T0))
            .block(VERIFY);

        StepVerifier.create(store.load("me"))
            .assertNext(usage -> assertThat(usage.requests()).containsExactly(T0, T0.plusSeconds(1)))
            .expectComplete()
            .verify(VERIFY);
    }

    @Test
    void aRefreshWithinTheIntervalIsRefusedPerCarSayingWhenTheNextIsAllowed() {
        RedisUsageStore store = newStore();
        Duration interval = Duration.ofMinutes(15);

        StepVerifier.create(store.acquireStatusRefresh("me", VIN, T0, interval, T0.minus(KEEP))
                .then(store.acquireStatusRefresh("me", VIN, T0.plusSeconds(60), interval, T0.minus(KEEP))))
            .assertNext(permit -> {
                assertThat(permit.isGranted()).isFalse();
                assertThat(permit.lastRefresh()).isEqualTo(T0);
                assertThat(permit.retryAt()).isEqualTo(T0.plus(interval));
            })
            .expectComplete()
            .verify(VERIFY);
        StepVerifier.create(store.acquireStatusRefresh("me", OTHER_VIN, T0.plusSeconds(60), interval, T0))
            .assertNext(permit -> assertThat(permit.isGranted()).as("each car has its own").isTrue())
            .expectComplete()
            .verify(VERIFY);
        StepVerifier.create(store.acquireStatusRefresh("me", VIN, T0.plus(interval), interval, T0))
            .assertNext(permit -> {
                assertThat(permit.isGranted()).isTrue();
                assertThat(permit.lastRefresh()).isEqualTo(T0);
            })
            .expectComplete()
            .verify(VERIFY);
    }

    @Test
    void forgettingARefreshRemovesThatOneOnly() {
        RedisUsageStore store = newStore();
        refresh(store, "me", VIN, T0)
            .then(refresh(store, "me", VIN, T0.plusSeconds(900)))
            .then(store.forgetStatusRefresh("me", VIN, T0.plusSeconds(900)))
            .then(store.forgetStatusRefresh("me", OTHER_VIN, T0))
            .block(VERIFY);

        StepVerifier.create(store.load("me"))
            .assertNext(usage -> assertThat(usage.statusRefreshes()).isEqualTo(Map.of(VIN, List.of(T0))))
            .expectComplete()
            .verify(VERIFY);
    }

    @Test
    void anInstantLaterThanNowCountsAsNow() {
        RedisUsageStore store = newStore();
        Instant future = T0.plus(Duration.ofHours(3));
        RequestLimits oneAMinute = new RequestLimits(250, Duration.ofHours(24), 1, Duration.ofMinutes(1));
        request(store, "me", future).then(refresh(store, "me", VIN, future)).block(VERIFY);

        StepVerifier.create(store.acquireRequest("me", T0, oneAMinute))
            .assertNext(permit -> {
                assertThat(permit.refusedBy()).isEqualTo(RequestPermit.Limit.BURST);
                assertThat(permit.retryAt()).as("the clock was set back: it was sent now").isEqualTo(T0.plusSeconds(60));
                assertThat(permit.nextSlotFreesAt()).isEqualTo(T0.plus(Duration.ofHours(24)));
            })
            .expectComplete()
            .verify(VERIFY);
        StepVerifier.create(store.acquireStatusRefresh("me", VIN, T0, Duration.ofMinutes(15), T0.minus(KEEP)))
            .assertNext(permit -> {
                assertThat(permit.lastRefresh()).isEqualTo(T0);
                assertThat(permit.retryAt()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
            })
            .expectComplete()
            .verify(VERIFY);
    }

    @Test
    void failuresAddUpToALockoutThatASuccessClears() {
        RedisUsageStore store = newStore();
        Duration coolDown = Duration.ofMinutes(30);

        StepVerifier.create(store.recordAuthentication("me", T0, true, 2, coolDown))
            .expectNext(new AccountLockout(1, null)).expectComplete().verify(VERIFY);
        StepVerifier.create(store.recordAuthentication("me", T0.plusSeconds(5), true, 2, coolDown))
            .expectNext(new AccountLockout(2, T0.plusSeconds(5).plus(coolDown))).expectComplete().verify(VERIFY);
        StepVerifier.create(newStore().load("me"))
            .assertNext(usage -> assertThat(usage.lockout()).isEqualTo(new AccountLockout(2,
                T0.plusSeconds(5).plus(coolDown))))
            .expectComplete()
            .verify(VERIFY);
        StepVerifier.create(newStore().lockout("me"))
            .expectNext(new AccountLockout(2, T0.plusSeconds(5).plus(coolDown))).expectComplete().verify(VERIFY);
        StepVerifier.create(store.recordAuthentication("me", T0.plusSeconds(9), false, 2, coolDown))
            .expectNext(AccountLockout.NONE).expectComplete().verify(VERIFY);
        StepVerifier.create(store.load("me").map(RecordedUsage::lockout))
            .expectNext(AccountLockout.NONE).expectComplete().verify(VERIFY);
        StepVerifier.create(store.lockout("me")).expectNext(AccountLockout.NONE).expectComplete().verify(VERIFY);
    }

    @Test
    void storesOfSeparateClientsRacingForTheLastPermitsGetExactlyThatManyBetweenThem() {
        int budget = 250;
        int lastPermits = 5;
        int stores = 8;
        int attemptsEach = 4;
        RequestLimits limits = new RequestLimits(budget, Duration.ofHours(24), 1000, Duration.ofMinutes(1));
        RequestLimits wide = new RequestLimits(10_000, Duration.ofHours(24), 10_000, Duration.ofMinutes(1));
        RedisUsageStore first = connectedStore();
        Flux.range(0, budget - lastPermits)
            .concatMap(i -> first.acquireRequest("me", T0.minusSeconds(3600).plusMillis(i), wide)).blockLast(VERIFY);
        List<RedisUsageStore> racers = new ArrayList<>();
        for (int i = 0; i < stores; i++) {
            racers.add(connectedStore()); // connected before the race, which is for the last permits, not for sockets
        }

        List<RequestPermit> permits = Flux.range(0, stores * attemptsEach)
            .flatMap(i -> racers.get(i % stores).acquireRequest("me", T0.plusMillis(i), limits), stores * attemptsEach)
            .collectList().block(VERIFY);

        long granted = permits.stream().filter(RequestPermit::isGranted).count();
        System.out.printf("%d stores, %d attempts for the last %d permits: %d granted%n", stores,
            stores * attemptsEach, lastPermits, granted);
        assertThat(granted).isEqualTo(lastPermits);
        assertThat(permits).filteredOn(permit -> !permit.isGranted())
            .allSatisfy(permit -> assertThat(permit.refusedBy()).isEqualTo(RequestPermit.Limit.WINDOW));
        assertThat(first.load("me").block(VERIFY).requests()).hasSize(budget);
    }

    @Test
    void whileRedisIsStoppedEveryCallFailsFastNamingItThenTheCountsAreIntact() {
        RedisUsageStore store = newStore();
        request(store, "me", T0).then(refresh(store, "me", VIN, T0)).block(VERIFY);

        REDIS.stop();
        try {
            for (Mono<?> call : List.of(store.load("me"), store.acquireRequest("me", T0.plusSeconds(1), LIMITS),
                store.releaseRequest("me", T0), store.acquireStatusRefresh("me", VIN, T0, Duration.ZERO, T0),
                store.forgetStatusRefresh("me", VIN, T0), store.recordAuthentication("me", T0, true, 3,
                    Duration.ofMinutes(1)))) {
                assertFailsFastAsUnavailable(call);
            }
        } finally {
            REDIS.start();
        }

        RecordedUsage usage = awaitAnswer(store);
        assertThat(usage.requests()).containsExactly(T0);
        assertThat(usage.statusRefreshes()).isEqualTo(Map.of(VIN, List.of(T0)));
        assertThat(store.acquireRequest("me", T0.plusSeconds(2), LIMITS).block(VERIFY).usedInWindow()).isEqualTo(2);
    }

    @Test
    void aHungRedisFailsWithinTheCommandTimeout() {
        RedisUsageStore store = newStore();
        request(store, "me", T0).block(VERIFY);

        REDIS.freeze();
        try {
            assertThat(assertFailsFastAsUnavailable(store.acquireRequest("me", T0.plusSeconds(1), LIMITS)))
                .hasMessageContaining("did not answer within 500 ms");
        } finally {
            REDIS.thaw();
        }
        assertThat(awaitAnswer(store).requests()).as("a count that timed out may still be kept: it errs on the "
            + "side of the budget").containsAnyOf(T0).isSubsetOf(T0, T0.plusSeconds(1));
    }

    @Test
    void toStringAndErrorsNeverShowThePassword() {
        try (RedisUsageStore store = RedisUsageStore.connect("redis://user:s3cret@127.0.0.1:" + REDIS.port(),
            RedisUsageStoreOptions.defaults().withCommandTimeout(COMMAND_TIMEOUT))) {
            assertThat(store.toString()).isEqualTo("RedisUsageStore[redis://127.0.0.1:" + REDIS.port() + "]");
            Throwable error = catchThrowable(() -> store.load("me").block(VERIFY));
            assertThat(error).isInstanceOf(UsageStoreException.class);
            assertThat(error.getMessage()).doesNotContain("s3cret");
        }
    }

    @Test
    void scriptsGoByTheirDigestAndTheirTextOnlyWhenRedisHasForgottenThem() {
        RedisClient client = RedisClient.create(REDIS.uri());
        try (StatefulRedisConnection<String, String> admin = client.connect()) {
            admin.sync().scriptFlush();
            admin.sync().configResetstat();
            RedisUsageStore store = newStore();

            request(store, "me", T0).block(VERIFY);
            assertThat(evalCalls(admin)).as("the first call teaches Redis the script").isEqualTo(1);
            request(store, "me", T0.plusSeconds(1)).block(VERIFY);
            assertThat(evalCalls(admin)).as("later calls send the digest alone").isEqualTo(1);

            admin.sync().scriptFlush(); // as after a restart or a fail-over
            request(store, "me", T0.plusSeconds(2)).block(VERIFY);
            assertThat(evalCalls(admin)).isEqualTo(2);
            assertThat(store.load("me").block(VERIFY).requests())
                .as("a call answered NOSCRIPT is counted once, by the text sent after it")
                .containsExactly(T0, T0.plusSeconds(1), T0.plusSeconds(2));
        } finally {
            client.shutdown();
        }
    }

    /** How many times Redis ran EVAL (a script sent as text) since the statistics were reset. */
    private static long evalCalls(StatefulRedisConnection<String, String> admin) {
        return admin.sync().info("commandstats").lines()
            .filter(line -> line.startsWith("cmdstat_eval:"))
            .map(line -> line.replaceAll(".*[:,]calls=(\\d+).*", "$1"))
            .mapToLong(Long::parseLong)
            .findFirst().orElse(0);
    }

    private static Throwable assertFailsFastAsUnavailable(Mono<?> call) {
        long started = System.nanoTime();
        Throwable error = catchThrowable(() -> call.block(VERIFY));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(error).isInstanceOf(RedisUsageUnavailableException.class).isInstanceOf(UsageStoreException.class)
            .hasMessageContaining("Redis at " + REDIS.uri());
        assertThat(((RedisUsageUnavailableException) error).address()).isEqualTo(REDIS.uri());
        assertThat(took).isLessThan(COMMAND_TIMEOUT.plusSeconds(1));
        return error;
    }

    /** The usage of "me" once the store answers, trying again while it cannot reach Redis (for up to 10 s). */
    private static RecordedUsage awaitAnswer(RedisUsageStore store) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (true) {
            try {
                return store.load("me").block(VERIFY);
            } catch (RedisUsageUnavailableException e) {
                assertThat(Instant.now()).as("Redis answers: %s", e.getMessage()).isBefore(deadline);
            }
        }
    }

    /**
     * A store whose connection is open: each store has a client and event loops of its own, and on a busy machine
     * the first connection can take longer than the short command timeout these tests use.
     */
    private RedisUsageStore connectedStore() {
        RedisUsageStore store = newStore();
        awaitAnswer(store);
        return store;
    }

    private RedisUsageStore newStore() {
        RedisUsageStore store = RedisUsageStore.connect(REDIS.uri(),
            RedisUsageStoreOptions.defaults().withCommandTimeout(COMMAND_TIMEOUT));
        stores.add(store);
        return store;
    }
}
