package io.github.connectedcar.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.connectedcar.auth.TokenSet;
import io.github.connectedcar.auth.TokenStoreException;
import io.github.connectedcar.testing.LogCapture;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** Storing, reading and forgetting token sets in a real Redis, and the versions that guard them. */
@Tag("integration")
class RedisTokenStoreIntegrationTests {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final List<RedisTokenStore> stores = new ArrayList<>();
    private RedisTokenStore store;

    @BeforeEach
    void connect() {
        store = newStore();
    }

    @AfterEach
    void close() {
        stores.forEach(RedisTokenStore::close);
    }

    @Test
    void aSavedTokenSetReadsBackWholeAndNothingIsStoredForOtherAccounts() {
        TokenSet tokens = tokens("a", Instant.parse("2026-12-01T10:15:30.123456789Z"));
        TokenSet withoutRefreshExpiry = new TokenSet("access-b", Instant.parse("2026-12-01T10:00:00Z"), "refresh-b",
            null);

        store.save("alice", tokens).block(WAIT);
        store.save("bob", withoutRefreshExpiry).block(WAIT);

        assertThat(newStore().load("alice").block(WAIT)).isEqualTo(tokens);
        assertThat(store.load("bob").block(WAIT)).isEqualTo(withoutRefreshExpiry);
        assertThat(store.load("carol").blockOptional(WAIT)).isEmpty();
    }

    @Test
    void theTmcTokenReadsBackBesideTheLoginAndGoesWhenALoginWithoutOneReplacesIt() {
        TokenSet login = tokens("a", Instant.parse("2026-12-01T10:15:30Z"));
        TokenSet withTmc = login.withTmc("tmc-a", Instant.parse("2026-12-01T09:50:30Z"));

        store.save("alice", withTmc).block(WAIT);
        assertThat(newStore().load("alice").block(WAIT)).isEqualTo(withTmc);

        store.save("alice", login).block(WAIT);
        assertThat(newStore().load("alice").block(WAIT).tmcToken()).isNull();
    }

    @Test
    void deletingForgetsOneAccountOnlyAndCompletesWhenThereWasNothing() {
        store.save("alice", tokens("a", Instant.now())).block(WAIT);
        store.save("bob", tokens("b", Instant.now())).block(WAIT);

        store.delete("alice").block(WAIT);
        store.delete("nobody").block(WAIT);

        assertThat(store.load("alice").blockOptional(WAIT)).isEmpty();
        assertThat(store.load("bob").blockOptional(WAIT)).isPresent();
    }

    @Test
    void everySaveGivesANewVersionAndAReplacedFieldDoesNotLinger() {
        store.save("alice", tokens("a", Instant.now())).block(WAIT);
        long first = store.read("alice").block(WAIT).version();
        TokenSet second = new TokenSet("access-2", Instant.now(), "refresh-2", null);
        store.save("alice", second).block(WAIT);

        RedisTokenStore.StoredTokens stored = store.read("alice").block(WAIT);
        assertThat(stored.version()).isGreaterThan(first);
        assertThat(stored.tokens()).contains(second);
    }

    @Test
    void aStaleWriterCannotOverwriteANewerTokenSet() {
        RedisTokenStore stale = newStore();
        store.save("alice", tokens("1", Instant.now())).block(WAIT);
        long readByStale = stale.read("alice").block(WAIT).version();
        TokenSet rotated = tokens("2", Instant.now());
        assertThat(store.compareAndSave("alice", rotated, readByStale).block(WAIT)).isTrue();

        boolean written = stale.compareAndSave("alice", tokens("stale", Instant.now()), readByStale).block(WAIT);

        assertThat(written).isFalse();
        assertThat(store.load("alice").block(WAIT)).isEqualTo(rotated);
    }

    @Test
    void aVersionIsNeverReusedAfterADelete() {
        store.save("alice", tokens("1", Instant.now())).block(WAIT);
        long before = store.read("alice").block(WAIT).version();
        store.delete("alice").block(WAIT);
        store.save("alice", tokens("2", Instant.now())).block(WAIT);

        assertThat(store.compareAndSave("alice", tokens("stale", Instant.now()), before).block(WAIT)).isFalse();
        assertThat(store.compareAndSave("alice", tokens("none", Instant.now()), 0).block(WAIT)).isFalse();
        assertThat(store.load("alice").block(WAIT).accessToken()).isEqualTo("access-2");
    }

    @Test
    void aRenewalDoesNotOverwriteALoginStoredWhileItRan() {
        store.save("alice", tokens("old", Instant.now().minusSeconds(1))).block(WAIT);
        Sinks.One<Optional<TokenSet>> readUnderLease = Sinks.one();
        Sinks.One<TokenSet> ford = Sinks.one();
        TokenSet renewed = tokens("renewed", Instant.now().plusSeconds(1800));
        TokenSet newLogin = tokens("new-login", Instant.now().plusSeconds(1800));

        try (LogCapture log = new LogCapture()) {
            Mono<TokenSet> renewal = store.renew("alice", stored -> {
                readUnderLease.tryEmitValue(stored);
                return ford.asMono();
            }).cache();
            renewal.subscribe();
            readUnderLease.asMono().block(WAIT);
            newStore().save("alice", newLogin).block(WAIT); // someone logs in meanwhile
            ford.tryEmitValue(renewed);

            assertThat(renewal.block(WAIT)).as("the renewed tokens are still given").isEqualTo(renewed);
            assertThat(store.load("alice").block(WAIT)).as("the newer login is kept").isEqualTo(newLogin);
            assertThat(log.lines()).anyMatch(line -> line.contains("WARN") && line.contains("newer login"));
        }
    }

    @Test
    void aMalformedEntryIsReportedAndLeftUntouched() {
        REDIS.command("HSET connectedcar:tokens:{alice} accessToken only-this");

        assertThatThrownBy(() -> store.load("alice").block(WAIT))
            .isInstanceOf(TokenStoreException.class)
            .hasMessageContaining("account 'alice'")
            .hasMessageContaining(REDIS.uri())
            .hasMessageContaining("log in again");
        assertThat(REDIS.command("HLEN connectedcar:tokens:{alice}")).isEqualTo(":1");
    }

    @Test
    void theKeyPrefixSeparatesApplicationsSharingOneDatabase() {
        RedisTokenStore other = track(RedisTokenStore.connect(REDIS.uri(),
            RedisTokenStoreOptions.defaults().withKeyPrefix("other-app:")));
        store.save("alice", tokens("mine", Instant.now())).block(WAIT);

        assertThat(other.load("alice").blockOptional(WAIT)).isEmpty();
    }

    @Test
    void noTokenOrPasswordReachesALogLineAnErrorOrToString() {
        TokenSet expired = new TokenSet("secret-access-0", Instant.now().minusSeconds(1), "secret-refresh-0", null);
        TokenSet renewed = new TokenSet("secret-access-1", Instant.now().plusSeconds(1800), "secret-refresh-1", null);
        // This server's default user takes any password; nothing listens on port 1.
        RedisTokenStore withPassword = track(RedisTokenStore.connect("redis://:secret-password@127.0.0.1:"
            + REDIS.port()));
        RedisTokenStore unreachable = track(RedisTokenStore.connect("redis://user:secret-password@127.0.0.1:1/2"));
        List<String> errors = new ArrayList<>();

        try (LogCapture log = new LogCapture()) {
            store.save("alice", expired).block(WAIT);
            store.renew("alice", stored -> Mono.just(renewed)).block(WAIT);
            // A stale renewal whose save is refused logs a warning: it must not name the tokens either.
            RedisTokenStore other = newStore();
            store.renew("alice", stored -> other.save("alice", expired).thenReturn(renewed)).block(WAIT);
            REDIS.command("HSET connectedcar:tokens:{bob} accessToken secret-access-9");
            collectError(store.load("bob"), errors);
            assertThat(withPassword.load("alice").block(WAIT)).isEqualTo(expired);
            collectError(unreachable.load("alice"), errors);

            List<String> everything = new ArrayList<>(log.lines());
            everything.addAll(errors);
            everything.add(store.toString());
            everything.add(withPassword.toString());
            everything.add(unreachable.toString());
            everything.add(store.read("alice").block(WAIT).toString());
            assertThat(errors).hasSize(2);
            assertThat(withPassword.toString()).isEqualTo("RedisTokenStore[" + REDIS.uri() + "]");
            assertThat(unreachable.toString()).isEqualTo("RedisTokenStore[redis://127.0.0.1:1/2]");
            assertThat(errors.get(1)).contains("RedisUnavailableException", "redis://127.0.0.1:1/2");
            assertThat(everything).noneMatch(line -> line.contains("secret-"));
        }
    }

    private static void collectError(Mono<?> call, List<String> errors) {
        call.onErrorResume(error -> {
            errors.add(LogCapture.describe(error));
            return Mono.empty();
        }).block(WAIT);
    }

    private RedisTokenStore newStore() {
        return track(RedisTokenStore.connect(REDIS.uri()));
    }

    private RedisTokenStore track(RedisTokenStore created) {
        stores.add(created);
        return created;
    }

    private static TokenSet tokens(String name, Instant accessExpiresAt) {
        return new TokenSet("access-" + name, accessExpiresAt, "refresh-" + name, Instant.parse("2027-03-01T00:00:00Z"));
    }
}
