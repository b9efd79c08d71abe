package io.github.connectedcar.auth;

import io.github.connectedcar.ClientInternals;
import io.github.connectedcar.auth.internal.TokenManager;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.ConnectedCarAsyncClient;
import io.github.connectedcar.ConnectedCarClientBuilder;
import io.github.connectedcar.exception.AuthenticationRequiredException;
import io.github.connectedcar.exception.ConnectedCarException;
import io.github.connectedcar.exception.ServiceException;
import io.github.connectedcar.exception.TokenRenewalFailedException;
import io.github.connectedcar.http.AuthScheme;
import io.github.connectedcar.http.DeadlineOptions;
import io.github.connectedcar.http.HttpRequest;
import io.github.connectedcar.testing.FakeFordAuth;
import io.github.connectedcar.testing.FixtureFiles;
import io.github.connectedcar.testing.InMemoryTransport;
import io.github.connectedcar.testing.RecordingTokenStore;
import io.github.connectedcar.testing.TestClients;
import io.github.connectedcar.testing.VirtualTimeExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;
import reactor.test.subscriber.TestSubscriber;

/**
 * The token manager in virtual time: the client's clock is Reactor's scheduler clock, so with a
 * {@link VirtualTimeScheduler} installed, token expiry, the FakeFordAuth delays and the renewal timeout all follow
 * {@code advanceTimeBy}. Logins happen at virtual time 0: the CAT lives 1800 s (renewed from 1500 s), the TMC token
 * 300 s (renewed from 270 s).
 */
@Tag("unit")
@ExtendWith(VirtualTimeExtension.class)
class TokenManagerUnitTests {
    private static final Duration VERIFY = Duration.ofSeconds(5);

    private final VirtualTimeScheduler time;
    private InMemoryTransport transport;
    private FakeFordAuth fake;
    private InMemoryTokenStore store;
    private ConnectedCarAsyncClient client;
    private TokenManager tokens;

    TokenManagerUnitTests(VirtualTimeScheduler time) {
        this.time = time;
    }

    @BeforeEach
    void setUp() {
        transport = TestClients.withVehicleRoutes(new InMemoryTransport());
        fake = new FakeFordAuth().install(transport);
        store = new InMemoryTokenStore();
        useClient(TestClients.builder(transport, store).buildAsyncClient());
    }

    private void useClient(ConnectedCarAsyncClient value) {
        client = value;
        tokens = ClientInternals.tokens(client);
    }

    private void loginAtTimeZero() {
        TestClients.login(client).block(VERIFY);
        assertThat(transport.count("cat-mint")).isEqualTo(1);
        assertThat(transport.count("tmc-exchange")).isEqualTo(1);
    }

    private String token(AuthScheme scheme) {
        return tokens.token(scheme).block(VERIFY);
    }

    // --- ahead of expiry -----------------------------------------------------------------------------------------

    @Test
    void catIsNotRenewedJustBeforeItsFiveMinuteMargin() {
        loginAtTimeZero();
        time.advanceTimeBy(Duration.ofSeconds(1499));

        assertThat(token(AuthScheme.CAT)).isEqualTo("cat-1");
        assertThat(transport.count("cat-refresh")).isZero();
        assertThat(tokens.catRefreshCount()).isZero();
    }

    @Test
    void catIsRenewedOnceInsideItsFiveMinuteMargin() {
        loginAtTimeZero();
        time.advanceTimeBy(Duration.ofSeconds(1501));

        assertThat(token(AuthScheme.CAT)).isEqualTo("cat-2");
        assertThat(token(AuthScheme.CAT)).isEqualTo("cat-2");
        assertThat(transport.count("cat-refresh")).isEqualTo(1);
        assertThat(tokens.catRefreshCount()).isEqualTo(1);
    }

    @Test
    void tmcIsRenewedThirtySecondsBeforeExpiryWithoutTouchingTheCat() {
        loginAtTimeZero();
        time.advanceTimeBy(Duration.ofSeconds(269));
        assertThat(token(AuthScheme.TMC)).isEqualTo("tmc-1");
        assertThat(transport.count("tmc-exchange")).isEqualTo(1);

        time.advanceTimeBy(Duration.ofSeconds(2));
        assertThat(token(AuthScheme.TMC)).isEqualTo("tmc-2");
        assertThat(token(AuthScheme.TMC)).isEqualTo("tmc-2");
        assertThat(transport.count("tmc-exchange")).isEqualTo(2);
        assertThat(transport.count("cat-refresh")).isZero();
    }

    @Test
    void storedLoginIsUsedAfterARestartWithoutAnyTokenCall() {
        loginAtTimeZero();
        transport.clearRequests();
        useClient(TestClients.builder(transport, store).buildAsyncClient());

        assertThat(token(AuthScheme.CAT)).isEqualTo("cat-1");
        assertThat(transport.requests()).isEmpty();
    }

    @Test
    void theTmcTokenIsStoredBesideTheLoginAndUsedAfterARestartWithoutAnExchange() {
        loginAtTimeZero();
        TokenSet stored = store.load(ConnectedCarClientBuilder.DEFAULT_ACCOUNT).block(VERIFY);
        assertThat(stored.tmcToken()).isEqualTo("tmc-1");
        assertThat(stored.accessToken()).isEqualTo("cat-1");
        assertThat(stored.toString()).doesNotContain("tmc-1");
        time.advanceTimeBy(Duration.ofSeconds(269));
        transport.clearRequests();
        useClient(TestClients.builder(transport, store).buildAsyncClient());

        assertThat(token(AuthScheme.TMC)).isEqualTo("tmc-1");
        assertThat(transport.requests()).isEmpty();
        assertThat(tokens.tmcExchangeCount()).isZero();
    }

    @Test
    void aStoredTmcTokenNearItsExpiryIsExchangedAfterARestartAndTheNewOneStored() {
        loginAtTimeZero();
        time.advanceTimeBy(Duration.ofSeconds(271));
        transport.clearRequests();
        useClient(TestClients.builder(transport, store).buildAsyncClient());

        assertThat(token(AuthScheme.TMC)).isEqualTo("tmc-2");
        assertThat(transport.count("tmc-exchange")).isEqualTo(1);
        assertThat(store.load(ConnectedCarClientBuilder.DEFAULT_ACCOUNT).block(VERIFY).tmcToken()).isEqualTo("tmc-2");
    }

    @Test
    void aStoredTmcTokenARestartedClientSawRefusedIsExchangedNotUsedAgain() {
        loginAtTimeZero();
        useClient(TestClients.builder(transport, store).buildAsyncClient());

        readStatusRefusedOnceWith401();

        assertThat(store.load(ConnectedCarClientBuilder.DEFAULT_ACCOUNT).block(VERIFY).tmcToken()).isEqualTo("tmc-2");
    }

    // --- single flight -------------------------------------------------------------------------------------------

    @Test
    void concurrentCallersAtExpiryShareOneCatRefreshAndOneTmcExchange() throws InterruptedException {
        loginAtTimeZero();
        fake.delay(Duration.ofSeconds(1));
        time.advanceTimeBy(Duration.ofSeconds(1501)); // CAT inside its margin, TMC long expired

        List<TestSubscriber<String>> catCallers = new ArrayList<>();
        List<TestSubscriber<String>> tmcCallers = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < 100; i++) {
            TestSubscriber<String> caller = TestSubscriber.create();
            AuthScheme scheme = i % 2 == 0 ? AuthScheme.CAT : AuthScheme.TMC;
            (scheme == AuthScheme.CAT ? catCallers : tmcCallers).add(caller);
            threads.execute(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                tokens.token(scheme).subscribe(caller);
            });
        }
        go.countDown();
        threads.shutdown();
        assertThat(threads.awaitTermination(5, TimeUnit.SECONDS)).isTrue();

        // Everyone is waiting on the one refresh, answered after 1 s; the TMC exchange follows it.
        assertThat(transport.count("cat-refresh")).isEqualTo(1);
        assertThat(catCallers).noneMatch(TestSubscriber::isTerminated);
        time.advanceTimeBy(Duration.ofSeconds(1));
        assertThat(catCallers).allSatisfy(c -> assertThat(c.getReceivedOnNext()).containsExactly("cat-2"));
        assertThat(tmcCallers).noneMatch(TestSubscriber::isTerminated);
        time.advanceTimeBy(Duration.ofSeconds(1));
        assertThat(tmcCallers).allSatisfy(c -> {
            assertThat(c.getReceivedOnNext()).containsExactly("tmc-2");
            assertThat(c.isTerminatedComplete()).isTrue();
        });

        assertThat(transport.count("cat-refresh")).isEqualTo(1);
        assertThat(transport.count("tmc-exchange")).isEqualTo(2); // the login's and one more
        assertThat(tokens.catRefreshCount()).isEqualTo(1);
        assertThat(tokens.tmcExchangeCount()).isEqualTo(2);
    }

    @Test
    void cancellingTheOnlyCallerMidRefreshNeitherWedgesNorRepeatsTheRefresh() {
        loginAtTimeZero();
        fake.delay(Duration.ofSeconds(1));
        time.advanceTimeBy(Duration.ofSeconds(1801)); // CAT expired: no fallback to hide a wedge

        Disposable onlyCaller = tokens.token(AuthScheme.CAT).subscribe();
        time.advanceTimeBy(Duration.ofMillis(500));
        onlyCaller.dispose();
        assertThat(transport.count("cat-refresh")).isEqualTo(1);

        StepVerifier.create(tokens.token(AuthScheme.CAT))
            .then(() -> assertThat(transport.count("cat-refresh")).as("joins the running refresh").isEqualTo(1))
            .then(() -> time.advanceTimeBy(Duration.ofMillis(500)))
            .expectNext("cat-2")
            .expectComplete()
            .verify(VERIFY);

        assertThat(transport.count("cat-refresh")).isEqualTo(1);
        assertThat(store.load("default").block(VERIFY).refreshToken())
            .as("the rotated refresh token is stored although its caller left").isEqualTo("refresh-2");
        assertThat(token(AuthScheme.CAT)).isEqualTo("cat-2");
    }

    // --- failures ------------------------------------------------------------------------------------------------

    @Test
    void failedRefreshFallsBackToTheStillValidCat() {
        loginAtTimeZero();
        transport.on("cat-refresh", request -> Mono.just(InMemoryTransport.json(request, 503,
            "{\"message\":\"Service Unavailable\"}")));
        time.advanceTimeBy(Duration.ofSeconds(1501));

        assertThat(token(AuthScheme.CAT)).isEqualTo("cat-1");
        assertThat(transport.count("cat-refresh")).isEqualTo(1); // a POST: never retried on 503
        assertThat(store.load("default").block(VERIFY).refreshToken()).isEqualTo("refresh-1");
    }

    @Test
    void failedRefreshAfterExpiryFailsAsRenewalFailedWithTheServiceErrorAsItsCause() {
        loginAtTimeZero();
        transport.on("cat-refresh", request -> Mono.just(InMemoryTransport.json(request, 503,
            "{\"message\":\"Service Unavailable\"}")));
        time.advanceTimeBy(Duration.ofSeconds(1800));

        StepVerifier.create(tokens.token(AuthScheme.CAT))
            .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(TokenRenewalFailedException.class)
                .hasMessageContaining("was not sent").cause().isInstanceOf(ServiceException.class)
                .extracting(e -> ((ServiceException) e).getStatus()).isEqualTo(503))
            .verify(VERIFY);
    }

    @Test
    void failedTmcExchangeFallsBackToTheStillValidTmc() {
        loginAtTimeZero();
        transport.on("tmc-exchange", request -> Mono.just(InMemoryTransport.json(request, 503,
            "{\"code\":\"UNAVAILABLE\",\"message\":\"try later\"}")));
        time.advanceTimeBy(Duration.ofSeconds(280));

        assertThat(token(AuthScheme.TMC)).isEqualTo("tmc-1");
        assertThat(transport.count("tmc-exchange")).isEqualTo(2);
    }

    @Test
    void refreshThatNeverAnswersEndsAtTheTokenCallsDeadlineAndDoesNotWedgeLaterCallers() {
        loginAtTimeZero();
        transport.on("cat-refresh", request -> Mono.never());
        time.advanceTimeBy(Duration.ofSeconds(1801));

        TestSubscriber<String> caller = TestSubscriber.create();
        tokens.token(AuthScheme.CAT).subscribe(caller);
        time.advanceTimeBy(DeadlineOptions.DEFAULT_TOKEN.minusSeconds(1));
        assertThat(caller.isTerminated()).isFalse();
        time.advanceTimeBy(Duration.ofSeconds(1));
        assertThat(caller.expectTerminalError())
            .as("an SDK exception, not a bare TimeoutException").isInstanceOf(ConnectedCarException.class)
            .hasMessageContaining("cat-refresh").hasMessageContaining("30 s");

        fake.install(transport); // Ford answers again
        time.advanceTimeBy(TokenManager.DEFAULT_RENEWAL_BACKOFF);
        assertThat(token(AuthScheme.CAT)).isEqualTo("cat-2");
        assertThat(transport.count("cat-refresh")).isEqualTo(2);
    }

    @Test
    void duringTheBackOffAfterAFailedRenewalTheStillValidCatIsUsedWithoutAskingFord() {
        loginAtTimeZero();
        transport.on("cat-refresh", request -> Mono.just(InMemoryTransport.json(request, 503,
            "{\"message\":\"Service Unavailable\"}")));
        time.advanceTimeBy(Duration.ofSeconds(1501));

        for (int i = 0; i < 20; i++) {
            assertThat(token(AuthScheme.CAT)).isEqualTo("cat-1");
        }
        assertThat(transport.count("cat-refresh")).isEqualTo(1);
        time.advanceTimeBy(TokenManager.DEFAULT_RENEWAL_BACKOFF);
        assertThat(token(AuthScheme.CAT)).isEqualTo("cat-1");
        assertThat(transport.count("cat-refresh")).as("asks again once the back-off is over").isEqualTo(2);
    }

    @Test
    void anOutageCostsFordABoundedNumberOfRenewalsHoweverManyCallsArrive() {
        loginAtTimeZero();
        transport.on("cat-refresh", request -> Mono.just(InMemoryTransport.json(request, 503,
            "{\"message\":\"Service Unavailable\"}")));
        time.advanceTimeBy(Duration.ofSeconds(1800)); // the CAT has expired

        // One call a second for ten minutes: without a back-off, 600 refreshes.
        int refused = 0;
        for (int second = 0; second < 600; second++) {
            Throwable error = tokens.token(AuthScheme.CAT).map(token -> (Throwable) null)
                .onErrorResume(e -> Mono.just(e)).block(VERIFY);
            if (error instanceof TokenRenewalFailedException backingOff) {
                assertThat(backingOff.getRetryAt()).isAfter(Instant.ofEpochMilli(time.now(TimeUnit.MILLISECONDS)));
                assertThat(backingOff).hasCauseInstanceOf(ServiceException.class);
                refused++;
            }
            time.advanceTimeBy(Duration.ofSeconds(1));
        }
        // At 0 s, then after waits of 10, 20, 40, 80 and 160 s, then every 5 minutes: 6 attempts in ten minutes.
        assertThat(transport.count("cat-refresh")).isEqualTo(6);
        assertThat(refused).as("every call, the six that asked Ford included").isEqualTo(600);

        fake.install(transport); // Ford is back
        time.advanceTimeBy(TokenManager.DEFAULT_MAX_RENEWAL_BACKOFF);
        assertThat(token(AuthScheme.CAT)).isEqualTo("cat-2");
    }

    @Test
    void refreshThatNeverAnswersFallsBackToTheValidCatAfterTheTimeout() {
        loginAtTimeZero();
        transport.on("cat-refresh", request -> Mono.never());
        time.advanceTimeBy(Duration.ofSeconds(1501));

        TestSubscriber<String> caller = TestSubscriber.create();
        tokens.token(AuthScheme.CAT).subscribe(caller);
        time.advanceTimeBy(TokenManager.DEFAULT_RENEWAL_TIMEOUT);

        assertThat(caller.getReceivedOnNext()).containsExactly("cat-1");
        assertThat(caller.isTerminatedComplete()).isTrue();
    }

    @Test
    void unauthorizedCatCallRefreshesOnceAndRetriesOnceWithTheNewToken() {
        loginAtTimeZero();
        int readAtLogin = transport.requests("vehicles").size();
        answerFirstThenDashboard(401);

        StepVerifier.create(client.vehicles()).expectNextCount(2).expectComplete().verify(VERIFY);

        assertThat(transport.requests("vehicles").subList(readAtLogin, transport.requests("vehicles").size()))
            .extracting(r -> r.headers().get("auth-token")).containsExactly("cat-1", "cat-2");
        assertThat(transport.count("cat-refresh")).isEqualTo(1);
        assertThat(tokens.catRefreshCount()).isEqualTo(1);
    }

    @Test
    void unauthorizedTmcCallRenewsOnlyTheTmcAndRetriesOnce() {
        loginAtTimeZero();

        readStatusRefusedOnceWith401();

        assertThat(transport.count("tmc-exchange")).isEqualTo(2);
        assertThat(transport.count("cat-refresh")).isZero();
    }

    /** Reads a status whose first telemetry call is refused with 401: it is sent again with the next TMC token. */
    private void readStatusRefusedOnceWith401() {
        String telemetry = FixtureFiles.text(FixtureFiles.MACH_E);
        AtomicInteger calls = new AtomicInteger();
        transport.on("telemetry", request -> Mono.just(calls.getAndIncrement() == 0
            ? InMemoryTransport.json(request, 401, "{\"code\":\"UNAUTHENTICATED\",\"message\":\"expired\"}")
            : InMemoryTransport.json(request, 200, telemetry)));

        StepVerifier.create(client.vehicle(TestClients.MACH_E_VIN).status())
            .expectNextCount(1)
            .expectComplete()
            .verify(VERIFY);

        assertThat(transport.requests("telemetry")).extracting(r -> r.headers().get("Authorization"))
            .containsExactly("Bearer tmc-1", "Bearer tmc-2");
    }

    @Test
    void secondUnauthorizedAsksForANewLoginWithoutAThirdAttempt() {
        loginAtTimeZero();
        long readAtLogin = transport.count("vehicles");
        transport.on("vehicles", request -> Mono.just(InMemoryTransport.json(request, 401,
            "{\"message\":\"Unauthorized\"}")));

        StepVerifier.create(client.vehicles())
            .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(AuthenticationRequiredException.class)
                .hasMessageContaining("401"))
            .verify(VERIFY);

        assertThat(transport.count("vehicles") - readAtLogin).isEqualTo(2);
        assertThat(transport.count("cat-refresh")).isEqualTo(1);
    }

    @Test
    void refusedRefreshTokenAsksForANewLoginAndStopsCallingFord() {
        store.save("default", new TokenSet("cat-stale", Instant.EPOCH, "refresh-revoked", null)).block(VERIFY);

        StepVerifier.create(tokens.token(AuthScheme.CAT))
            .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(AuthenticationRequiredException.class)
                .hasMessageContaining("460")
                .hasMessageContaining("Log in again")
                .hasMessageContaining("beginLogin"))
            .verify(VERIFY);
        assertThat(transport.count("cat-refresh")).isEqualTo(1);

        StepVerifier.create(client.vehicles()).expectError(AuthenticationRequiredException.class).verify(VERIFY);
        StepVerifier.create(client.vehicle(TestClients.F150_VIN).status())
            .expectError(AuthenticationRequiredException.class)
            .verify(VERIFY);
        StepVerifier.create(client.auth().refresh()).expectError(AuthenticationRequiredException.class)
            .verify(VERIFY);
        time.advanceTimeBy(Duration.ofHours(1));
        StepVerifier.create(tokens.token(AuthScheme.TMC)).expectError(AuthenticationRequiredException.class)
            .verify(VERIFY);

        assertThat(transport.requests()).extracting(HttpRequest::operation).containsExactly("cat-refresh");
    }

    @Test
    void afterARefusedRefreshTokenALoginStoredElsewhereIsTakenUpNotOverwritten() {
        store.save("default", new TokenSet("cat-stale", Instant.EPOCH, "refresh-revoked", null)).block(VERIFY);
        StepVerifier.create(tokens.token(AuthScheme.CAT)).expectError(AuthenticationRequiredException.class)
            .verify(VERIFY);

        // Another process (a command line's login) stores a new login in the shared store.
        TokenSet elsewhere = new TokenSet("cat-elsewhere", Instant.ofEpochSecond(3600), "refresh-elsewhere", null);
        store.save("default", elsewhere).block(VERIFY);

        assertThat(token(AuthScheme.CAT)).isEqualTo("cat-elsewhere");
        assertThat(store.load("default").block(VERIFY)).isEqualTo(elsewhere);
        assertThat(transport.count("cat-refresh")).as("the refused one only").isEqualTo(1);
    }

    @Test
    void newLoginAfterARefusedRefreshTokenWorksAgain() {
        store.save("default", new TokenSet("cat-stale", Instant.EPOCH, "refresh-revoked", null)).block(VERIFY);
        StepVerifier.create(client.vehicles()).expectError(AuthenticationRequiredException.class).verify(VERIFY);

        TestClients.login(client).block(VERIFY);

        StepVerifier.create(client.vehicles()).expectNextCount(2).expectComplete().verify(VERIFY);
    }

    @Test
    void rotatedRefreshTokenIsStoredBeforeTheDataCallIsSent() {
        List<String> events = new CopyOnWriteArrayList<>();
        RecordingTokenStore recording = new RecordingTokenStore(events);
        useClient(TestClients.builder(transport, recording).buildAsyncClient());
        loginAtTimeZero();
        String dashboard = FixtureFiles.text(FixtureFiles.DASHBOARD);
        transport.on("vehicles", request -> {
            events.add("sent vehicles with " + request.headers().get("auth-token"));
            return Mono.just(InMemoryTransport.json(request, 207, dashboard));
        });
        recording.saveDelay(Duration.ofSeconds(2)); // a slow disk: the call must wait for it
        time.advanceTimeBy(Duration.ofSeconds(1600));

        StepVerifier.create(client.vehicles())
            .then(() -> time.advanceTimeBy(Duration.ofSeconds(1)))
            .then(() -> assertThat(events).doesNotContain("sent vehicles with cat-2"))
            .then(() -> time.advanceTimeBy(Duration.ofSeconds(1)))
            .expectNextCount(2)
            .expectComplete()
            .verify(VERIFY);

        // The login, the TMC token of the login kept beside it, then the rotated refresh token.
        assertThat(events).containsExactly("saved refresh-1", "saved refresh-1", "saved refresh-2",
            "sent vehicles with cat-2");
    }

    @Test
    void withoutAStoredLoginCallsFailNamingBeginLoginAndSendNothing() {
        StepVerifier.create(client.vehicles())
            .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(AuthenticationRequiredException.class)
                .hasMessageContaining("beginLogin()")
                .hasMessageContaining("default"))
            .verify(VERIFY);
        StepVerifier.create(client.vehicle(TestClients.F150_VIN).status())
            .expectError(AuthenticationRequiredException.class)
            .verify(VERIFY);

        assertThat(transport.requests()).isEmpty();
    }

    @Test
    void expiredStoredRefreshTokenAsksForALoginWithoutCallingFord() {
        time.advanceTimeBy(Duration.ofDays(200));
        store.save("default", new TokenSet("cat-old", Instant.EPOCH, fake.seedRefreshToken(),
            Instant.EPOCH.plus(Duration.ofDays(180)))).block(VERIFY);

        StepVerifier.create(tokens.token(AuthScheme.CAT))
            .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(AuthenticationRequiredException.class)
                .hasMessageContaining("expired"))
            .verify(VERIFY);
        assertThat(transport.requests()).isEmpty();
    }

    @Test
    void refreshRenewsAStoredLoginEvenWhileItIsStillValid() {
        store.save("default", new TokenSet("cat-0", Instant.EPOCH.plusSeconds(1800), fake.seedRefreshToken(),
            null)).block(VERIFY);

        StepVerifier.create(client.auth().refresh()).expectComplete().verify(VERIFY);

        assertThat(transport.count("cat-refresh")).isEqualTo(1);
        assertThat(token(AuthScheme.CAT)).isEqualTo("cat-1");
        assertThat(token(AuthScheme.TMC)).isEqualTo("tmc-1");
    }

    @Test
    void refreshAfterLoginRenewsBothLayers() {
        loginAtTimeZero();

        StepVerifier.create(client.auth().refresh()).expectComplete().verify(VERIFY);

        assertThat(token(AuthScheme.CAT)).isEqualTo("cat-2");
        assertThat(token(AuthScheme.TMC)).isEqualTo("tmc-2");
        assertThat(store.load("default").block(VERIFY).refreshToken()).isEqualTo("refresh-2");
    }

    @Test
    void logoutForgetsTheLoginInMemoryAndInTheStore() {
        loginAtTimeZero();

        StepVerifier.create(client.auth().logout()).expectComplete().verify(VERIFY);

        assertThat(store.load("default").block(VERIFY)).isNull();
        StepVerifier.create(client.vehicles())
            .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(AuthenticationRequiredException.class)
                .hasMessageContaining("beginLogin()"))
            .verify(VERIFY);
    }

    @Test
    void logoutDuringARefreshStaysLoggedOutInTheStore() {
        loginAtTimeZero();
        fake.delay(Duration.ofSeconds(1));
        time.advanceTimeBy(Duration.ofSeconds(1801));
        Disposable caller = tokens.token(AuthScheme.CAT).subscribe(token -> { }, error -> { });
        time.advanceTimeBy(Duration.ofMillis(500));
        assertThat(transport.count("cat-refresh")).isEqualTo(1);

        StepVerifier.create(client.auth().logout())
            .then(() -> time.advanceTimeBy(Duration.ofSeconds(1)))
            .expectComplete()
            .verify(VERIFY);
        time.advanceTimeBy(Duration.ofSeconds(1));
        caller.dispose();

        assertThat(store.load("default").block(VERIFY)).as("the refresh that ended later did not store it again")
            .isNull();
        StepVerifier.create(tokens.token(AuthScheme.CAT))
            .expectError(AuthenticationRequiredException.class)
            .verify(VERIFY);
    }

    private void answerFirstThenDashboard(int firstStatus) {
        String dashboard = FixtureFiles.text(FixtureFiles.DASHBOARD);
        AtomicInteger calls = new AtomicInteger();
        transport.on("vehicles", request -> Mono.just(calls.getAndIncrement() == 0
            ? InMemoryTransport.json(request, firstStatus, "{\"message\":\"Unauthorized\"}")
            : InMemoryTransport.json(request, 207, dashboard)));
    }
}
