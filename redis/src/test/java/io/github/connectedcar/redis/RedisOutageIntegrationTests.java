package io.github.connectedcar.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.connectedcar.auth.TokenSet;
import io.github.connectedcar.testing.LogCapture;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Redis stopped, hung, or not there at the first call: every call fails within the command timeout with a
 * {@link RedisUnavailableException} naming Redis and its address, nothing falls back to another store, and once
 * Redis is back the same store works again with the stored login intact.
 */
@Tag("integration")
class RedisOutageIntegrationTests {
    private static final String ACCOUNT = "default";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration COMMAND_TIMEOUT = Duration.ofMillis(500);

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final List<RedisTokenStore> stores = new ArrayList<>();
    private final TokenSet login = new TokenSet("access-1", Instant.now().plusSeconds(1800), "refresh-1",
        Instant.now().plus(Duration.ofDays(90)));

    @AfterEach
    void close() {
        stores.forEach(RedisTokenStore::close);
    }

    @Test
    void whileRedisIsStoppedEveryCallFailsFastNamingItThenTheStoreRecoversWithTheLoginIntact() {
        RedisTokenStore store = newStore();
        store.save(ACCOUNT, login).block(WAIT);
        AtomicInteger renewals = new AtomicInteger();

        REDIS.stop();
        List<Mono<?>> calls = List.of(store.load(ACCOUNT), store.save(ACCOUNT, login), store.delete(ACCOUNT),
            store.renew(ACCOUNT, stored -> {
                renewals.incrementAndGet();
                return Mono.just(login);
            }));
        for (Mono<?> call : calls) {
            assertFailsFastAsUnavailable(call);
        }
        assertThat(renewals).as("no renewal without the lease").hasValue(0);

        REDIS.start();
        long restarted = System.nanoTime();
        TokenSet stored = awaitRecovery(store);
        System.out.printf("Redis back: the store answered again after %d ms%n",
            Duration.ofNanos(System.nanoTime() - restarted).toMillis());

        assertThat(stored).as("the stored login survived the outage").isEqualTo(login);
        assertThat(store.renew(ACCOUNT, Mono::justOrEmpty).block(WAIT)).isEqualTo(login);
    }

    @Test
    void aHungRedisFailsEveryCallWithinTheCommandTimeoutAndIsUsedAgainOnceItAnswers() {
        RedisTokenStore store = newStore();
        store.save(ACCOUNT, login).block(WAIT);

        REDIS.freeze();
        try {
            Throwable error = assertFailsFastAsUnavailable(store.load(ACCOUNT));
            assertThat(error).hasMessageContaining("did not answer within 500 ms");
            assertFailsFastAsUnavailable(store.renew(ACCOUNT, Mono::justOrEmpty));
        } finally {
            REDIS.thaw();
        }

        assertThat(awaitRecovery(store)).isEqualTo(login);
    }

    @Test
    void aRedisDownAtTheFirstCallIsConnectedToAtALaterCall() {
        REDIS.stop();
        RedisTokenStore store = newStore();

        assertFailsFastAsUnavailable(store.load(ACCOUNT));
        REDIS.start();

        assertThat(store.load(ACCOUNT).blockOptional(WAIT)).isEmpty();
        store.save(ACCOUNT, login).block(WAIT);
        assertThat(store.load(ACCOUNT).block(WAIT)).isEqualTo(login);
    }

    @Test
    void whenRedisGoesDownDuringARenewalTheRenewedTokensAreStillGivenWithAWarning() {
        RedisTokenStore store = newStore();
        store.save(ACCOUNT, login).block(WAIT);
        TokenSet renewed = new TokenSet("access-2", Instant.now().plusSeconds(1800), "refresh-2", null);

        try (LogCapture log = new LogCapture()) {
            // Ford has answered, then Redis goes away before the rotated tokens are stored.
            TokenSet given = store.renew(ACCOUNT, stored -> Mono.fromRunnable(REDIS::stop)
                    .subscribeOn(Schedulers.boundedElastic()).thenReturn(renewed))
                .block(WAIT);

            assertThat(given).isEqualTo(renewed);
            assertThat(log.lines()).anyMatch(line -> line.startsWith("WARN") && line.contains("Could not store the "
                + "renewed tokens of account 'default'") && line.contains("Redis at " + REDIS.uri()));
        } finally {
            REDIS.start();
        }
    }

    /** The call fails with the typed error, naming Redis and its address, within the command timeout (+ slack). */
    private static Throwable assertFailsFastAsUnavailable(Mono<?> call) {
        long started = System.nanoTime();
        Throwable error = catchThrowable(() -> call.block(WAIT));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("Redis unavailable: typed error after %d ms: %s%n", took.toMillis(), error.getMessage());

        assertThat(error).isInstanceOf(RedisUnavailableException.class)
            .hasMessageContaining("Redis at " + REDIS.uri());
        assertThat(((RedisUnavailableException) error).address()).isEqualTo(REDIS.uri());
        assertThat(took).isLessThan(COMMAND_TIMEOUT.plusSeconds(1));
        return error;
    }

    /** Loads until Redis answers again (Lettuce reconnects by itself), for at most ten seconds. */
    private static TokenSet awaitRecovery(RedisTokenStore store) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (true) {
            try {
                return store.load(ACCOUNT).block(WAIT);
            } catch (RedisUnavailableException e) {
                assertThat(Instant.now()).as("Redis answers again: %s", e.getMessage()).isBefore(deadline);
            }
        }
    }

    private RedisTokenStore newStore() {
        RedisTokenStore store = RedisTokenStore.connect(REDIS.uri(),
            RedisTokenStoreOptions.defaults().withCommandTimeout(COMMAND_TIMEOUT));
        stores.add(store);
        return store;
    }
}
