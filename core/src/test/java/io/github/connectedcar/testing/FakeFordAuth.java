package io.github.connectedcar.testing;

import io.github.connectedcar.http.HttpRequest;
import io.github.connectedcar.internal.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Ford's token endpoints on an {@link InMemoryTransport}: the B2C code exchange, CAT mint and refresh with rotating
 * refresh tokens (a used one answers 400 errorCode 460), and the TMC exchange. Tokens are numbered so tests can tell
 * generations apart ({@code cat-1}, {@code refresh-2}, {@code tmc-3}). An optional delay on each answer runs in
 * virtual time.
 */
public final class FakeFordAuth {
    public static final String CODE = "auth-code-0123456789";
    public static final long CAT_LIFETIME_SECONDS = 1800;
    public static final long TMC_LIFETIME_SECONDS = 300;

    private final AtomicInteger catGeneration = new AtomicInteger();
    private final AtomicInteger tmcGeneration = new AtomicInteger();
    private final Set<String> liveRefreshTokens = ConcurrentHashMap.newKeySet();
    private volatile Duration delay = Duration.ZERO;

    /** Installs the token routes on the transport. */
    public FakeFordAuth install(InMemoryTransport transport) {
        transport.on("b2c-token", this::codeExchange);
        transport.on("cat-mint", request -> answer(request, issueCat()));
        transport.on("cat-refresh", this::refresh);
        transport.on("tmc-exchange", this::tmc);
        return this;
    }

    /** Delays every token answer (virtual time in StepVerifier tests). */
    public FakeFordAuth delay(Duration value) {
        this.delay = value;
        return this;
    }

    /** The refresh token a test can seed a store with; valid once. */
    public String seedRefreshToken() {
        String token = "refresh-seed-" + catGeneration.get();
        liveRefreshTokens.add(token);
        return token;
    }

    public int catsIssued() {
        return catGeneration.get();
    }

    public int tmcsIssued() {
        return tmcGeneration.get();
    }

    private Mono<io.github.connectedcar.http.HttpResponse> codeExchange(HttpRequest request) {
        Map<String, String> form = form(request);
        if (!CODE.equals(form.get("code")) || form.get("code_verifier") == null) {
            return answer(request, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"AADB2C90080: The "
                + "provided grant has expired.\\nCorrelation ID: x\"}");
        }
        return answer(request, 200, "{\"access_token\":\"b2c-access\",\"token_type\":\"Bearer\",\"expires_in\":300,"
            + "\"id_token\":\"b2c-id\"}");
    }

    private Mono<io.github.connectedcar.http.HttpResponse> refresh(HttpRequest request) {
        JsonNode body = Json.MAPPER.readTree(request.body());
        String token = Json.text(body, "refresh_token");
        if (token == null || !liveRefreshTokens.remove(token)) {
            return answer(request, 400, "{\"errorCode\":\"460\",\"message\":\"Invalid or Expired Token\"}");
        }
        return answer(request, issueCat());
    }

    private Mono<io.github.connectedcar.http.HttpResponse> tmc(HttpRequest request) {
        Map<String, String> form = form(request);
        String subject = form.get("subject_token");
        if (subject == null || !subject.startsWith("cat-")) {
            return answer(request, 401, "{\"code\":\"UNAUTHORIZED\",\"message\":\"bad subject token\"}");
        }
        int n = tmcGeneration.incrementAndGet();
        return answer(request, 200, "{\"access_token\":\"tmc-" + n + "\",\"expires_in\":" + TMC_LIFETIME_SECONDS
            + ",\"token_type\":\"Bearer\",\"issued_token_type\":\"urn:ietf:params:oauth:token-type:jwt\"}");
    }

    private String issueCat() {
        int n = catGeneration.incrementAndGet();
        String refresh = "refresh-" + n;
        liveRefreshTokens.add(refresh);
        return "{\"access_token\":\"cat-" + n + "\",\"expires_in\":" + CAT_LIFETIME_SECONDS + ",\"refresh_token\":\""
            + refresh + "\",\"refresh_expires_in\":15552000,\"token_type\":\"Bearer\"}";
    }

    private Mono<io.github.connectedcar.http.HttpResponse> answer(HttpRequest request, String body) {
        return answer(request, 200, body);
    }

    private Mono<io.github.connectedcar.http.HttpResponse> answer(HttpRequest request, int status, String body) {
        Mono<io.github.connectedcar.http.HttpResponse> response = Mono.fromSupplier(() ->
            InMemoryTransport.json(request, status, body));
        return delay.isZero() ? response : Mono.delay(delay).then(response);
    }

    /** The form fields of a form-encoded request body. */
    public static Map<String, String> form(HttpRequest request) {
        Map<String, String> form = new HashMap<>();
        for (String pair : request.bodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }
}
