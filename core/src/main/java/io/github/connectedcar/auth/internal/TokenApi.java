package io.github.connectedcar.auth.internal;

import io.github.connectedcar.auth.TokenSet;
import io.github.connectedcar.exception.AuthenticationRequiredException;
import io.github.connectedcar.exception.ConnectedCarException;
import io.github.connectedcar.exception.DecodeException;
import io.github.connectedcar.ford.Endpoints;
import io.github.connectedcar.ford.Region;
import io.github.connectedcar.ford.internal.FordApi;
import io.github.connectedcar.ford.internal.FordCalls;
import io.github.connectedcar.ford.internal.FordErrors;
import io.github.connectedcar.http.HttpRequest;
import io.github.connectedcar.http.HttpResponse;
import io.github.connectedcar.http.internal.HttpPipeline;
import io.github.connectedcar.internal.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** The token calls of docs/ford-api.md §3: code exchange (B2C), CAT mint and refresh (Ford), TMC exchange (Autonomic). */
final class TokenApi {
    /**
     * The longest lifetime believed of an access token (a CAT lives about 30 minutes, a TMC token 5): a longer
     * {@code expires_in}, such as 1e30, is a broken or hostile answer and is cut to this, never an overflow that
     * would lose the rotated refresh token. A 401 renews a token that dies sooner.
     */
    static final Duration MAX_ACCESS_LIFETIME = Duration.ofDays(1);
    /** The longest lifetime believed of a refresh token (about six months). */
    static final Duration MAX_REFRESH_LIFETIME = Duration.ofDays(366);
    /** Autonomic's usual TMC lifetime, for an answer without {@code expires_in}. */
    private static final long DEFAULT_TMC_LIFETIME_SECONDS = 300;

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String JSON = "application/json";

    private final HttpPipeline pipeline;
    private final Endpoints endpoints;
    private final Region region;
    private final Clock clock;

    TokenApi(HttpPipeline pipeline, Endpoints endpoints, Region region, Clock clock) {
        this.pipeline = pipeline;
        this.endpoints = endpoints;
        this.region = region;
        this.clock = clock;
    }

    /** Authorization code and PKCE verifier for a B2C access token (docs/ford-api.md §3.1 step 4). */
    Mono<String> exchangeCode(String code, String verifier, String redirectUri) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", FordApi.B2C_CLIENT_ID);
        form.put("scope", FordApi.B2C_SCOPE);
        form.put("redirect_uri", redirectUri);
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("code_verifier", verifier);
        HttpRequest request = FordApi.B2C_TOKEN.request(endpoints, region, FordApi.b2cPolicy(region))
            .withBody(FordApi.formEncode(form).getBytes(StandardCharsets.UTF_8), FORM);
        // Judge B2C's answer by its body: an access_token means success, whatever the status.
        return pipeline.send(request).map(response -> {
            JsonNode body = Json.parseObjectOrNull(response.body());
            String accessToken = Json.text(body, "access_token");
            if (accessToken != null && !accessToken.isBlank()) {
                return accessToken;
            }
            throw loginRefused(response, body);
        });
    }

    private ConnectedCarException loginRefused(HttpResponse response, JsonNode body) {
        String reason = body == null ? null : firstNonNull(Json.text(body, "error_description"),
            Json.text(body, "error"), Json.text(body, "message"));
        if (reason == null) {
            if (response.status() == 403) {
                return new AuthenticationRequiredException("Ford's login firewall refused the code exchange (HTTP "
                    + "403, HTML page). Wait a while, then start a new login with beginLogin().");
            }
            return FordErrors.toException(response, clock);
        }
        // B2C puts multi-line diagnostics in error_description; its first line is the useful part.
        String firstLine = reason.lines().findFirst().orElse(reason).strip();
        return new AuthenticationRequiredException("Ford's login refused the authorization code (HTTP "
            + response.status() + ": " + firstLine + "). Codes are single-use and expire within minutes: start a "
            + "new login with beginLogin() and paste the fresh fordapp:// URL.");
    }

    /** B2C access token for the first CAT (docs/ford-api.md §3.2). */
    Mono<TokenSet> mintCat(String b2cAccessToken) {
        return catCall(FordApi.CAT_MINT.request(endpoints, region).withBody(jsonBody("idpToken", b2cAccessToken),
            JSON));
    }

    /** CAT refresh token for a new CAT; the refresh token usually rotates (docs/ford-api.md §3.2). */
    Mono<TokenSet> refreshCat(String refreshToken) {
        return catCall(FordApi.CAT_REFRESH.request(endpoints, region).withBody(jsonBody("refresh_token",
            refreshToken), JSON));
    }

    private Mono<TokenSet> catCall(HttpRequest request) {
        return pipeline.send(request).map(response -> {
            if (!response.isSuccess()) {
                throw FordErrors.toException(response, clock);
            }
            JsonNode body = FordCalls.parse(response);
            Instant now = clock.instant();
            String access = Json.text(body, "access_token");
            String refresh = Json.text(body, "refresh_token");
            Long expiresIn = Json.number(body, "expires_in");
            Long refreshExpiresIn = Json.number(body, "refresh_expires_in");
            if (access == null || refresh == null || expiresIn == null) {
                throw new DecodeException(request.operation(), "Ford's token service "
                    + "answered " + request.operation() + " without access_token, refresh_token or expires_in", null);
            }
            return new TokenSet(access, now.plus(lifetime(expiresIn, MAX_ACCESS_LIFETIME)), refresh,
                refreshExpiresIn == null ? null : now.plus(lifetime(refreshExpiresIn, MAX_REFRESH_LIFETIME)));
        });
    }

    /** CAT access token for an Autonomic TMC token (docs/ford-api.md §3.3). */
    Mono<AccessToken> exchangeTmc(String catAccessToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("subject_token", catAccessToken);
        form.put("subject_issuer", FordApi.TMC_SUBJECT_ISSUER);
        form.put("client_id", FordApi.TMC_CLIENT_ID);
        form.put("grant_type", FordApi.TMC_GRANT_TYPE);
        form.put("subject_token_type", FordApi.TMC_SUBJECT_TOKEN_TYPE);
        HttpRequest request = FordApi.TMC_EXCHANGE.request(endpoints, region)
            .withBody(FordApi.formEncode(form).getBytes(StandardCharsets.UTF_8), FORM);
        return pipeline.send(request).map(response -> {
            if (!response.isSuccess()) {
                throw FordErrors.toException(response, clock);
            }
            JsonNode body = FordCalls.parse(response);
            String token = Json.text(body, "access_token");
            Long expiresIn = Json.number(body, "expires_in");
            if (token == null) {
                throw new DecodeException(request.operation(),
                    "Autonomic's token exchange answered without access_token", null);
            }
            Duration lifetime = lifetime(expiresIn == null ? DEFAULT_TMC_LIFETIME_SECONDS : expiresIn,
                MAX_ACCESS_LIFETIME);
            return new AccessToken(token, clock.instant().plus(lifetime));
        });
    }

    /** A lifetime in seconds as answered, within 0 and {@code max}. */
    static Duration lifetime(long seconds, Duration max) {
        return Duration.ofSeconds(Math.max(0, Math.min(seconds, max.toSeconds())));
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static byte[] jsonBody(String field, String value) {
        return Json.write(Json.object().put(field, value));
    }
}
