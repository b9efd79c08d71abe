package io.github.connectedcar.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.ClientInternals;
import io.github.connectedcar.ConnectedCarAsyncClient;
import io.github.connectedcar.auth.internal.TokenManager;
import io.github.connectedcar.exception.ServiceException;
import io.github.connectedcar.exception.TokenRenewalFailedException;
import io.github.connectedcar.exception.VehicleNotFoundException;
import io.github.connectedcar.http.AuthScheme;
import io.github.connectedcar.testing.FakeFordAuth;
import io.github.connectedcar.testing.InMemoryTransport;
import io.github.connectedcar.testing.TestClients;
import io.github.connectedcar.testing.VirtualTimeExtension;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * Token answers with hostile numbers, and a 404 that is not about a car: an {@code expires_in} of 1e30 is cut to a
 * day, never an overflow that would lose the rotated refresh token; a negative one makes the token due at once; a
 * token exchange's 404 is not a missing vehicle. In virtual time (it starts at the epoch).
 */
@Tag("unit")
@ExtendWith(VirtualTimeExtension.class)
class HostileTokenAnswersUnitTests {
    private static final Duration VERIFY = Duration.ofSeconds(5);

    private final InMemoryTransport transport = TestClients.withVehicleRoutes(new InMemoryTransport());
    private final InMemoryTokenStore store = new InMemoryTokenStore();
    private final ConnectedCarAsyncClient client;
    private final TokenManager tokens;

    HostileTokenAnswersUnitTests(VirtualTimeScheduler time) {
        FakeFordAuth ford = new FakeFordAuth().install(transport);
        store.save("default", new TokenSet("cat-stale", Instant.EPOCH, ford.seedRefreshToken(), null)).block(VERIFY);
        client = TestClients.builder(transport, store).buildAsyncClient();
        tokens = ClientInternals.tokens(client);
    }

    private void catRefreshAnswers(String expiresIn, String refreshExpiresIn) {
        transport.on("cat-refresh", request -> Mono.just(InMemoryTransport.json(request, 200,
            "{\"access_token\":\"cat-odd\",\"expires_in\":" + expiresIn + ",\"refresh_token\":\"refresh-rotated\","
                + "\"refresh_expires_in\":" + refreshExpiresIn + "}")));
    }

    @ParameterizedTest(name = "expires_in {0}")
    @ValueSource(strings = {"1e30", "9223372036854775807", "1.7976931348623157E308"})
    void aHugeLifetimeIsCutToADayAndTheRotatedRefreshTokenIsStored(String huge) {
        catRefreshAnswers(huge, huge);

        StepVerifier.create(tokens.token(AuthScheme.CAT)).expectNext("cat-odd").expectComplete().verify(VERIFY);

        TokenSet stored = store.load("default").block(VERIFY);
        assertThat(stored.refreshToken()).isEqualTo("refresh-rotated");
        assertThat(stored.accessExpiresAt()).isEqualTo(Instant.EPOCH.plus(Duration.ofDays(1)));
        assertThat(stored.refreshExpiresAt()).isEqualTo(Instant.EPOCH.plus(Duration.ofDays(366)));
    }

    @Test
    void aNegativeLifetimeMakesTheTokenDueAtOnceWithoutFailing() {
        catRefreshAnswers("-5", "-5");

        StepVerifier.create(tokens.token(AuthScheme.CAT)).expectNext("cat-odd").expectComplete().verify(VERIFY);

        assertThat(store.load("default").block(VERIFY).accessExpiresAt()).isEqualTo(Instant.EPOCH);
    }

    @Test
    void aHugeTmcLifetimeIsCutToADay() {
        transport.on("tmc-exchange", request -> Mono.just(InMemoryTransport.json(request, 200,
            "{\"access_token\":\"tmc-odd\",\"expires_in\":1e30}")));

        StepVerifier.create(tokens.token(AuthScheme.TMC)).expectNext("tmc-odd").expectComplete().verify(VERIFY);
    }

    @Test
    void aTokenExchangeAnswering404IsNotAMissingVehicle() {
        transport.on("tmc-exchange", request -> Mono.just(InMemoryTransport.json(request, 404,
            "{\"message\":\"Not Found\"}")));

        StepVerifier.create(client.vehicle(TestClients.F150_VIN).status())
            .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(TokenRenewalFailedException.class)
                .isNotInstanceOf(VehicleNotFoundException.class)
                .cause().isInstanceOf(ServiceException.class).hasMessageContaining("tmc-exchange"))
            .verify(VERIFY);
    }

    @Test
    void aTelemetry404IsAMissingVehicle() {
        StepVerifier.create(client.vehicle("1FTFW1E50PFA99999").status())
            .expectError(VehicleNotFoundException.class)
            .verify(VERIFY);
    }
}
