package io.github.connectedcar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.connectedcar.auth.InMemoryTokenStore;
import io.github.connectedcar.auth.PendingLogin;
import io.github.connectedcar.auth.TokenSet;
import io.github.connectedcar.auth.internal.AccessToken;
import io.github.connectedcar.exception.AuthenticationRequiredException;
import io.github.connectedcar.http.AuthScheme;
import io.github.connectedcar.http.HttpHeaders;
import io.github.connectedcar.http.HttpRequest;
import io.github.connectedcar.http.HttpResponse;
import io.github.connectedcar.internal.Json;
import io.github.connectedcar.testing.FakeFordAuth;
import io.github.connectedcar.testing.FixtureFiles;
import io.github.connectedcar.testing.InMemoryTransport;
import io.github.connectedcar.testing.LogCapture;
import io.github.connectedcar.testing.TestClients;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Secrets (the authorization code, the PKCE verifier, every token) never reach a log line at DEBUG, an exception
 * message or a {@code toString()}, over a whole login, refresh and status cycle with its failures. The fake cloud
 * here issues unmistakable secret values, so a leak cannot hide behind a short token name.
 */
@Tag("unit")
class SecretsUnitTests {
    private static final Duration VERIFY = Duration.ofSeconds(5);
    private static final String CODE = "SeCrEt-code-8c1f0e77d2b94a51";
    private static final String WRONG_CODE = "SeCrEt-wrong-code-5b2d9a03";
    private static final String REVOKED_REFRESH = "SeCrEt-revoked-refresh-77aa";

    /** Every secret value issued or seen in this test. */
    private final Set<String> secrets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger generation = new AtomicInteger();
    private final List<String> texts = new ArrayList<>();
    private InMemoryTransport transport;

    @BeforeEach
    void setUp() {
        secrets.addAll(List.of(CODE, WRONG_CODE, REVOKED_REFRESH));
        transport = TestClients.withVehicleRoutes(new InMemoryTransport());
        transport.on("b2c-token", request -> {
            Map<String, String> form = FakeFordAuth.form(request);
            secrets.add(form.get("code_verifier"));
            if (!CODE.equals(form.get("code"))) {
                return answer(request, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"AADB2C90080: "
                    + "The provided grant has expired.\"}");
            }
            return answer(request, 200, "{\"access_token\":\"" + secret("b2c-access") + "\",\"id_token\":\""
                + secret("b2c-id") + "\",\"expires_in\":300}");
        });
        transport.on("cat-mint", request -> cat(request));
        transport.on("cat-refresh", request -> REVOKED_REFRESH.equals(
            Json.text(Json.MAPPER.readTree(request.body()), "refresh_token"))
            ? answer(request, 400, "{\"errorCode\":\"460\",\"message\":\"Invalid or Expired Token\"}")
            : cat(request));
        transport.on("tmc-exchange", request -> answer(request, 200, "{\"access_token\":\"" + secret("tmc")
            + "\",\"expires_in\":300}"));
    }

    private String secret(String kind) {
        String value = "SeCrEt-" + kind + "-" + generation.incrementAndGet() + "-f00d";
        secrets.add(value);
        return value;
    }

    private Mono<HttpResponse> cat(HttpRequest request) {
        return answer(request, 200, "{\"access_token\":\"" + secret("cat") + "\",\"expires_in\":1800,"
            + "\"refresh_token\":\"" + secret("refresh") + "\",\"refresh_expires_in\":15552000}");
    }

    private static Mono<HttpResponse> answer(HttpRequest request, int status, String body) {
        return Mono.just(InMemoryTransport.json(request, status, body));
    }

    @Test
    void noSecretReachesALogLineAnExceptionMessageOrAToString() {
        InMemoryTokenStore store = new InMemoryTokenStore();
        LogCapture logs = new LogCapture();
        try (logs) {
            ConnectedCarAsyncClient client = TestClients.builder(transport, store).buildAsyncClient();
            PendingLogin pending = client.auth().beginLogin().block(VERIFY);
            texts.add(pending.toString());
            texts.add(pending.authorizeUrl().toString());

            // Failures first: a wrong paste, a refused code.
            failure(() -> client.auth().completeLogin(pending, CODE).block(VERIFY));
            failure(() -> client.auth().completeLogin(pending, "code=" + CODE).block(VERIFY));
            failure(() -> client.auth().completeLogin(pending, "https://www.ford.com/?code=" + CODE).block(VERIFY));
            failure(() -> client.auth().completeLogin(client.auth().beginLogin().block(VERIFY),
                "fordapp://userauthorized/?code=" + WRONG_CODE).block(VERIFY));

            // Then the happy path: login, vehicles, status, refresh, status with a 401 on the way.
            client.auth().completeLogin(pending, "fordapp://userauthorized/?code=" + CODE).block(VERIFY);
            assertThat(client.vehicles().collectList().block(VERIFY)).hasSize(2);
            assertThat(client.vehicle(TestClients.MACH_E_VIN).status().block(VERIFY)).isNotNull();
            client.auth().refresh().block(VERIFY);
            AtomicInteger telemetry = new AtomicInteger();
            String fixture = FixtureFiles.text(FixtureFiles.MACH_E);
            transport.on("telemetry", request -> telemetry.getAndIncrement() == 0
                ? answer(request, 401, "{\"code\":\"UNAUTHENTICATED\",\"message\":\"token expired\"}")
                : answer(request, 200, fixture));
            assertThat(client.vehicle(TestClients.MACH_E_VIN).status().block(VERIFY)).isNotNull();
            transport.on("vehicles", request -> answer(request, 401, "{\"message\":\"Unauthorized\"}"));
            failure(() -> client.vehicles().collectList().block(VERIFY));

            // A login Ford has revoked (460).
            InMemoryTokenStore revoked = new InMemoryTokenStore();
            revoked.save("default", new TokenSet(secret("cat"), Instant.EPOCH, REVOKED_REFRESH, null)).block(VERIFY);
            ConnectedCarAsyncClient revokedClient = TestClients.builder(transport, revoked).buildAsyncClient();
            assertThat(failure(() -> revokedClient.vehicles().collectList().block(VERIFY)))
                .isInstanceOf(AuthenticationRequiredException.class);

            TokenSet stored = store.load("default").block(VERIFY);
            texts.add(stored.toString());
            texts.add(new AccessToken(ClientInternals.tokens(client).token(AuthScheme.TMC).block(VERIFY),
                Instant.EPOCH).toString());
            for (HttpRequest request : transport.requests()) {
                texts.add(request.toString());
                texts.add(request.headers().toString());
                texts.add(new HttpResponse(request, 200, request.headers(), request.body()).toString());
            }
            texts.add(client.toString());
            texts.add(client.vehicle(TestClients.MACH_E_VIN).toString());
            texts.add(client.auth().toString());
            texts.add(ClientInternals.tokens(client).toString());
            texts.add(store.toString());
            ConnectedCarClient blocking = new ConnectedCarClient(client, ClientOptions.defaults());
            texts.add(blocking.toString());
            texts.add(blocking.auth().toString());
            texts.add(blocking.vehicle(TestClients.MACH_E_VIN).toString());
        }

        List<String> lines = logs.lines();
        assertThat(lines).as("DEBUG logging was captured")
            .anyMatch(line -> line.contains("--> POST https://api.foundational.ford.com/api/token/v2/cat-with-refresh-token"))
            .anyMatch(line -> line.contains("auth-token=REDACTED"))
            .anyMatch(line -> line.contains("Authorization=REDACTED"))
            .anyMatch(line -> line.contains("User-Agent=okhttp/4.12.0"));
        assertThat(secrets).as("secrets seen").hasSizeGreaterThan(10);
        assertThat(transport.requests("b2c-token")).hasSize(2);

        for (String secret : secrets) {
            assertThat(lines).as("log lines").noneMatch(line -> line.contains(secret));
            assertThat(texts).as("exception messages and toString()").noneMatch(text -> text.contains(secret));
        }
    }

    @Test
    void valueTypesHideTheirSecretsInToString() {
        String token = "SeCrEt-token-1234";
        TokenSet tokens = new TokenSet(token, Instant.EPOCH, token + "-refresh", Instant.EPOCH);
        HttpHeaders headers = HttpHeaders.of(Map.of("auth-token", token, "Authorization", "Bearer " + token));
        HttpRequest request = new HttpRequest(io.github.connectedcar.http.HttpMethod.POST,
            java.net.URI.create("https://login.ford.com/t/p/oauth2/v2.0/token?code=" + token), headers,
            ("code=" + token).getBytes(StandardCharsets.UTF_8), "b2c-token", AuthScheme.NONE, false);

        assertThat(List.of(tokens.toString(), new AccessToken(token, Instant.EPOCH).toString(), headers.toString(),
            request.toString(), new HttpResponse(request, 200, headers, token.getBytes(StandardCharsets.UTF_8))
                .toString()))
            .noneMatch(text -> text.contains(token));
    }

    private Throwable failure(Runnable call) {
        Throwable error = catchThrowable(call::run);
        assertThat(error).as("expected a failure").isNotNull();
        texts.add(LogCapture.describe(error));
        return error;
    }
}
