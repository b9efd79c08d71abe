package io.github.connectedcar.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.auth.TokenSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Renewals of one account by several stores, each its own Redis client as in separate processes (and one in a
 * separate process that is killed): Ford's refresh token is single-use, so exactly one of them may spend it each
 * time, and the others must get the tokens it stored.
 */
@Tag("integration")
class RedisRenewalIntegrationTests {
    private static final String ACCOUNT = "default";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final List<RedisTokenStore> stores = new ArrayList<>();

    @AfterEach
    void close() {
        stores.forEach(RedisTokenStore::close);
    }

    @Test
    void storesRacingAnExpiredLoginSpendItsRefreshTokenOnceAndAllGetTheRenewedTokens() {
        SingleUseRefreshTokens ford = new SingleUseRefreshTokens(Duration.ofMillis(100));
        List<RedisTokenStore> racers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            racers.add(newStore(RedisTokenStoreOptions.defaults()));
        }
        racers.get(0).save(ACCOUNT, ford.expiredLogin()).block(WAIT);

        for (int round = 1; round <= 3; round++) {
            List<TokenSet> results = Flux.fromIterable(racers)
                .flatMap(store -> store.renew(ACCOUNT, ford.renewal()))
                .collectList().block(WAIT);

            TokenSet stored = racers.get(0).load(ACCOUNT).block(WAIT);
            assertThat(ford.issued()).as("renewals after round %d", round).isEqualTo(round);
            assertThat(ford.refused()).as("refresh tokens spent twice").isZero();
            assertThat(results).hasSize(racers.size()).containsOnly(stored);
            expire(racers.get(0), stored);
        }
    }

    @Test
    void aHolderKeepsItsLeaseWhileItRenewsForLongerThanTheLease() {
        RedisTokenStoreOptions shortLease = RedisTokenStoreOptions.defaults().withLeaseLength(Duration.ofMillis(300));
        SingleUseRefreshTokens ford = new SingleUseRefreshTokens(Duration.ofMillis(1000));
        List<RedisTokenStore> racers = List.of(newStore(shortLease), newStore(shortLease), newStore(shortLease));
        racers.get(0).save(ACCOUNT, ford.expiredLogin()).block(WAIT);
        AtomicInteger renewing = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();

        Flux.fromIterable(racers)
            .flatMap(store -> store.renew(ACCOUNT, stored -> Mono.defer(() -> {
                    mostAtOnce.accumulateAndGet(renewing.incrementAndGet(), Math::max);
                    return ford.renewal().apply(stored);
                }).doFinally(signal -> renewing.decrementAndGet())))
            .blockLast(WAIT);

        assertThat(mostAtOnce).as("renewals running at once").hasValue(1);
        assertThat(ford.issued()).isEqualTo(1);
        assertThat(ford.refused()).isZero();
    }

    @Test
    void aLeaseLeftBehindRunsOutAndAnotherStoreRenewsNothingLost() {
        SingleUseRefreshTokens ford = new SingleUseRefreshTokens(Duration.ofMillis(10));
        RedisTokenStore store = newStore(RedisTokenStoreOptions.defaults());
        store.save(ACCOUNT, ford.expiredLogin()).block(WAIT);
        // A holder that died right after taking the lease, 1 s long.
        assertThat(REDIS.command("SET connectedcar:tokens:{default}:renewal 999 PX 1000")).isEqualTo("+OK");
        long started = System.nanoTime();

        TokenSet renewed = store.renew(ACCOUNT, ford.renewal()).block(WAIT);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("waited for the lease to run out")
            .isGreaterThan(Duration.ofMillis(500));
        assertThat(ford.issued()).isEqualTo(1);
        assertThat(store.load(ACCOUNT).block(WAIT)).isEqualTo(renewed);
    }

    @Test
    void aCancelledRenewalFreesItsLeaseAtOnce() {
        SingleUseRefreshTokens ford = new SingleUseRefreshTokens(Duration.ofMillis(10));
        RedisTokenStore first = newStore(RedisTokenStoreOptions.defaults());
        RedisTokenStore second = newStore(RedisTokenStoreOptions.defaults());
        first.save(ACCOUNT, ford.expiredLogin()).block(WAIT);
        Sinks.One<Boolean> holding = Sinks.one();
        Disposable stuck = first.renew(ACCOUNT, stored -> {
            holding.tryEmitValue(true);
            return Mono.never();
        }).subscribe();
        holding.asMono().block(WAIT);

        stuck.dispose();
        long started = System.nanoTime();
        TokenSet renewed = second.renew(ACCOUNT, ford.renewal()).block(WAIT);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("far less than the 10 s lease")
            .isLessThan(Duration.ofSeconds(5));
        assertThat(second.load(ACCOUNT).block(WAIT)).isEqualTo(renewed);
    }

    @Test
    void whenTheLeaseHoldersProcessIsKilledMidRenewalAnotherRenewsAfterTheLeaseNothingLost() throws Exception {
        SingleUseRefreshTokens ford = new SingleUseRefreshTokens(Duration.ofMillis(10));
        RedisTokenStore store = newStore(RedisTokenStoreOptions.defaults());
        TokenSet login = ford.expiredLogin();
        store.save(ACCOUNT, login).block(WAIT);
        Path log = Files.createTempFile("lease-holder-", ".log");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), LeaseHolderProcess.class.getName(), REDIS.uri(), ACCOUNT,
            "1000").redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            Instant deadline = Instant.now().plus(WAIT);
            while (!Files.readString(log).contains(LeaseHolderProcess.RENEWING)) {
                assertThat(holder.isAlive() && Instant.now().isBefore(deadline))
                    .as("the holder takes the lease: %s", Files.readString(log)).isTrue();
                Thread.sleep(20);
            }
            Thread.sleep(1500); // longer than its lease: it extends the lease while it lives
            assertThat(REDIS.command("EXISTS connectedcar:tokens:{default}:renewal")).isEqualTo(":1");
        } finally {
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            Files.deleteIfExists(log);
        }
        long killed = System.nanoTime();

        TokenSet renewed = store.renew(ACCOUNT, ford.renewal()).block(WAIT);

        assertThat(Duration.ofNanos(System.nanoTime() - killed)).as("at most one lease length after the kill")
            .isLessThan(Duration.ofSeconds(3));
        assertThat(ford.issued()).isEqualTo(1);
        assertThat(ford.refused()).isZero();
        assertThat(renewed.refreshToken()).isNotEqualTo(login.refreshToken());
        assertThat(store.load(ACCOUNT).block(WAIT)).isEqualTo(renewed);
    }

    /** Makes the stored access token look expired, as after half an hour, with the same refresh token. */
    private static void expire(RedisTokenStore store, TokenSet tokens) {
        store.save(ACCOUNT, new TokenSet(tokens.accessToken(), Instant.now().minusSeconds(1), tokens.refreshToken(),
            tokens.refreshExpiresAt())).block(WAIT);
    }

    private RedisTokenStore newStore(RedisTokenStoreOptions options) {
        RedisTokenStore store = RedisTokenStore.connect(REDIS.uri(), options);
        stores.add(store);
        return store;
    }
}
