package io.github.connectedcar;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.auth.FileTokenStore;
import io.github.connectedcar.auth.PendingLogin;
import io.github.connectedcar.auth.TokenSet;
import io.github.connectedcar.testing.FakeFordAuth;
import io.github.connectedcar.testing.InMemoryTransport;
import io.github.connectedcar.testing.TestClients;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * BlockHound (installed by blockhound-junit-platform) watches core's tests; these prove it is active and that the
 * client's own work, file token store included, never blocks a non-blocking thread.
 */
@Tag("unit")
class BlockHoundUnitTests {
    private static final Duration VERIFY = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @Test
    void blockingOnAParallelThreadFails() {
        Mono<Integer> sleeper = Mono.fromCallable(() -> {
            Thread.sleep(1);
            return 1;
        }).subscribeOn(Schedulers.parallel());

        StepVerifier.create(sleeper).expectError(BlockingOperationError.class).verify(VERIFY);
    }

    /**
     * BlockHound does not see NIO file channels (what {@code java.nio.file.Files} uses), so it cannot catch file work
     * on a non-blocking thread by itself: the store's answers must come from boundedElastic, where they were done.
     */
    @Test
    void fileTokenStoreDoesItsFileWorkOnBoundedElasticWhateverThreadCallsIt() {
        FileTokenStore store = new FileTokenStore(dir.resolve("tokens.json"));
        TokenSet tokens = new TokenSet("cat", Instant.parse("2030-01-01T00:00:00Z"), "refresh", null);

        Mono<String> threads = store.save("me", tokens)
            .then(Mono.fromCallable(() -> Thread.currentThread().getName()))
            .flatMap(saved -> store.load("me").map(loaded -> saved + " " + Thread.currentThread().getName()))
            .subscribeOn(Schedulers.parallel());

        StepVerifier.create(threads)
            .assertNext(names -> assertThat(names).matches("boundedElastic-\\d+ boundedElastic-\\d+"))
            .expectComplete()
            .verify(VERIFY);
    }

    @Test
    void fileTokenStoreWorksWhenCalledFromAParallelThread() {
        FileTokenStore store = new FileTokenStore(dir.resolve("tokens.json"));
        TokenSet tokens = new TokenSet("cat", Instant.parse("2030-01-01T00:00:00Z"), "refresh", null);

        Mono<TokenSet> roundTrip = store.save("me", tokens)
            .then(store.load("me"))
            .flatMap(loaded -> store.delete("other").thenReturn(loaded))
            .subscribeOn(Schedulers.parallel())
            .publishOn(Schedulers.parallel());

        StepVerifier.create(roundTrip).expectNext(tokens).expectComplete().verify(VERIFY);
    }

    /**
     * The PKCE verifier comes from SecureRandom, which reads /dev/urandom through a FileInputStream whenever its
     * buffer has gone stale (so BlockHound catches it only now and then): it must be drawn on boundedElastic.
     */
    @Test
    void beginLoginDrawsItsRandomnessOnBoundedElasticWhateverThreadCallsIt() {
        InMemoryTransport transport = new InMemoryTransport();
        ConnectedCarAsyncClient client = TestClients.builder(transport).buildAsyncClient();

        Mono<String> thread = client.auth().beginLogin().map(pending -> Thread.currentThread().getName())
            .subscribeOn(Schedulers.parallel());

        StepVerifier.create(thread)
            .assertNext(name -> assertThat(name).startsWith("boundedElastic-"))
            .expectComplete()
            .verify(VERIFY);
    }

    @Test
    void loginRefreshAndReadsWithAFileStoreNeverBlockAParallelThread() {
        InMemoryTransport transport = TestClients.withVehicleRoutes(new InMemoryTransport());
        new FakeFordAuth().install(transport);
        ConnectedCarAsyncClient client = TestClients.builder(transport,
            new FileTokenStore(dir.resolve("tokens.json"))).buildAsyncClient();

        Mono<PendingLogin> begin = client.auth().beginLogin().subscribeOn(Schedulers.parallel());
        Mono<Integer> cycle = begin
            .flatMap(pending -> client.auth().completeLogin(pending, TestClients.PASTED_REDIRECT))
            .then(client.auth().refresh())
            .publishOn(Schedulers.parallel())
            .then(client.vehicles().count())
            .publishOn(Schedulers.parallel())
            .flatMap(count -> client.vehicle(TestClients.F150_VIN).status().map(status -> count.intValue()))
            .subscribeOn(Schedulers.parallel());

        StepVerifier.create(cycle).expectNext(2).expectComplete().verify(VERIFY);
        assertThat(dir.resolve("tokens.json")).exists();
    }
}
