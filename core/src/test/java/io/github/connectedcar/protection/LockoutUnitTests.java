package io.github.connectedcar.protection;

import io.github.connectedcar.ClientInternals;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.ConnectedCarAsyncClient;
import io.github.connectedcar.auth.PendingLogin;
import io.github.connectedcar.exception.AccountLockoutProtectionException;
import io.github.connectedcar.exception.AuthenticationRequiredException;
import io.github.connectedcar.exception.ServiceException;
import io.github.connectedcar.http.AuthScheme;
import io.github.connectedcar.testing.FakeCommandCloud;
import io.github.connectedcar.testing.FakeCommandCloudExtension;
import io.github.connectedcar.testing.FakeFordAuth;
import io.github.connectedcar.testing.InMemoryTransport;
import io.github.connectedcar.testing.VirtualTimeExtension;
import io.github.connectedcar.usage.FileUsageStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/** The lockout guard: a Resilience4j circuit breaker on authentication failures, by the client's clock. */
@Tag("unit")
@ExtendWith({VirtualTimeExtension.class, FakeCommandCloudExtension.class})
class LockoutUnitTests {
    private static final Duration VERIFY = Duration.ofSeconds(5);

    private final VirtualTimeScheduler time;
    private final FakeCommandCloud cloud;
    private ConnectedCarAsyncClient client;
    private final AtomicInteger listCalls = new AtomicInteger();
    private volatile int listStatus = 401;
    private volatile String listBody = "{\"message\":\"Unauthorized\"}";

    LockoutUnitTests(VirtualTimeScheduler time, FakeCommandCloud cloud, ConnectedCarAsyncClient client) {
        this.time = time;
        this.cloud = cloud;
        this.client = client;
    }

    @BeforeEach
    void setUp() {
        cloud.transport.on("vehicles", request -> {
            listCalls.incrementAndGet();
            return Mono.just(InMemoryTransport.json(request, listStatus, listBody));
        });
    }

    private void failOnce() {
        StepVerifier.create(client.vehicles())
            .expectError(listStatus == 401 ? AuthenticationRequiredException.class : ServiceException.class)
            .verify(VERIFY);
    }

    private void open() {
        failOnce();
        failOnce();
        failOnce();
    }

    @Test
    void opensAfterThreeAuthenticationFailuresAndNoRequestLeavesWhileOpen() {
        open();
        // Each refused call was sent once more by the token policy after renewing the CAT.
        assertThat(listCalls).hasValue(6);
        int requests = cloud.transport.requests().size();

        StepVerifier.create(client.vehicles())
            .expectErrorSatisfies(error -> {
                assertThat(error).isInstanceOf(AccountLockoutProtectionException.class)
                    .isInstanceOf(AuthenticationRequiredException.class)
                    .hasMessageContaining("vehicles").hasMessageContaining("3 authentication failures in a row")
                    .hasMessageContaining("Log in again").hasMessageContaining("1970-01-01T00:30:00Z");
                assertThat(((AccountLockoutProtectionException) error).getRetryAt())
                    .isEqualTo(Instant.parse("1970-01-01T00:30:00Z"));
            })
            .verify(VERIFY);
        StepVerifier.create(client.vehicle(FakeCommandCloud.F150).status())
            .expectError(AccountLockoutProtectionException.class)
            .verify(VERIFY);
        assertThat(cloud.transport.requests()).as("no request left while open").hasSize(requests);
        assertThat(client.metrics().lockout().state()).isEqualTo(LockoutState.OPEN);
        assertThat(client.metrics().lockout().retryAt()).contains(Instant.parse("1970-01-01T00:30:00Z"));
    }

    @Test
    void theLockoutHoldsForEveryClientAndRunThatSharesTheUsageStore(@TempDir Path dir) {
        Path usage = dir.resolve("usage.json");
        // Three runs of a command line under constant 401s, each a new client on the same usage file.
        for (int run = 0; run < 3; run++) {
            client = cloud.client(builder -> builder.usageStore(new FileUsageStore(usage)));
            failOnce();
        }
        int requests = cloud.transport.requests().size();

        ConnectedCarAsyncClient fourthRun = cloud.client(builder -> builder.usageStore(new FileUsageStore(usage)));
        StepVerifier.create(fourthRun.vehicles())
            .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(AccountLockoutProtectionException.class)
                .hasMessageContaining("3 authentication failures in a row"))
            .verify(VERIFY);
        assertThat(cloud.transport.requests()).as("nothing sent by the fourth run").hasSize(requests);
        assertThat(fourthRun.metrics().lockout().state()).isEqualTo(LockoutState.OPEN);
    }

    @Test
    void aSuccessBetweenFailuresStartsTheCountAgain() {
        failOnce();
        failOnce();
        listStatus = 207;
        listBody = "{\"vehicleProfile\":[]}";
        StepVerifier.create(client.vehicles()).expectComplete().verify(VERIFY);
        listStatus = 401;
        listBody = "{\"message\":\"Unauthorized\"}";
        failOnce();
        failOnce();

        assertThat(client.metrics().lockout().state()).isEqualTo(LockoutState.CLOSED);
        assertThat(client.metrics().lockout().recentFailures()).isEqualTo(2);
    }

    @Test
    void forbiddenAnswersOfFordServicesCountButTheFirewallPageDoesNot() {
        listStatus = 403;
        listBody = "<html><body>Access Denied</body></html>";
        failOnce();
        failOnce();
        failOnce();
        assertThat(client.metrics().lockout().state()).isEqualTo(LockoutState.CLOSED);

        listBody = "{\"message\":\"Account disabled\"}";
        open();
        assertThat(client.metrics().lockout().state()).isEqualTo(LockoutState.OPEN);
    }

    @Test
    void closesAfterTheCoolDownWhenATrialRequestSucceeds() {
        open();
        listStatus = 207;
        listBody = "{\"vehicleProfile\":[]}";

        time.advanceTimeBy(Duration.ofMinutes(29));
        StepVerifier.create(client.vehicles()).expectError(AccountLockoutProtectionException.class).verify(VERIFY);

        time.advanceTimeBy(Duration.ofMinutes(1).plusMillis(1));
        assertThat(client.metrics().lockout().state()).isEqualTo(LockoutState.HALF_OPEN);
        for (int i = 0; i < 3; i++) {
            StepVerifier.create(client.vehicles()).expectComplete().verify(VERIFY);
        }
        assertThat(client.metrics().lockout().state()).isEqualTo(LockoutState.CLOSED);
    }

    @Test
    void aTokenRenewalRefusedByTheOpenGuardDoesNotEndTheLogin() {
        open();
        listStatus = 207;
        listBody = "{\"vehicleProfile\":[]}";

        // While the guard is open the TMC token runs out and something (a status stream's rotation) asks for one:
        // the guard refuses the token calls; that is no verdict on the login.
        time.advanceTimeBy(Duration.ofMinutes(10));
        StepVerifier.create(ClientInternals.tokens(client).token(AuthScheme.TMC))
            .expectError(AccountLockoutProtectionException.class)
            .verify(VERIFY);

        time.advanceTimeBy(Duration.ofMinutes(21));
        assertThat(client.metrics().lockout().state()).isEqualTo(LockoutState.HALF_OPEN);
        StepVerifier.create(client.vehicles()).expectComplete().verify(VERIFY);
    }

    @Test
    void aNewLoginClosesItAtOnce() {
        open();
        listStatus = 207;
        listBody = "{\"vehicleProfile\":[]}";

        PendingLogin pending = client.auth().beginLogin().block(VERIFY);
        StepVerifier.create(client.auth().completeLogin(pending, "fordapp://userauthorized/?code=" + FakeFordAuth.CODE))
            .expectComplete()
            .verify(VERIFY);
        assertThat(client.metrics().lockout().state()).isEqualTo(LockoutState.CLOSED);

        StepVerifier.create(client.vehicles()).expectComplete().verify(VERIFY);
    }

    @Test
    void disabledGuardNeverStopsCalls() {
        client.close();
        client = cloud.client(builder -> builder.lockout(LockoutOptions.disabled()));
        open();
        failOnce();
        assertThat(client.metrics().lockout().state()).isEqualTo(LockoutState.DISABLED);
    }
}
