package io.github.connectedcar.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.connectedcar.simulator.internal.auth.Pkce;
import io.github.connectedcar.simulator.internal.http.Json;
import io.github.connectedcar.simulator.protocol.FordProtocol;
import tools.jackson.databind.JsonNode;

/**
 * A deliberately plain client for the tests: java.net.http, no retries, every header explicit, so each test shows
 * exactly what goes over the wire. Plays the FordPass app's calls of docs/ford-api.md §3–§5.
 */
final class FordCloudClient {

    static final String APP_ID = FordProtocol.APP_ID_NORTH_AMERICA;
    static final String OKHTTP = "okhttp/4.12.0";
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final FordCloudSimulator sim;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
        .followRedirects(HttpClient.Redirect.NEVER).build();

    FordCloudClient(FordCloudSimulator sim) {
        this.sim = sim;
    }

    /** An answer, read fully. */
    record Response(int status, HttpHeaders headers, String body) {
        JsonNode json() {
            return Json.parse(body);
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /** The three token layers after a full sign-in. */
    record Tokens(String cat, String catRefresh, String tmc) {
    }

    Response send(String method, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).timeout(TIMEOUT)
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpClient http() {
        return http;
    }

    // ---------------------------------------------------------------- headers

    /** What every Ford-host call of the app carries (docs/ford-api.md §1), with the CAT. */
    static Map<String, String> ford(String cat) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Application-Id", APP_ID);
        h.put("User-Agent", OKHTTP);
        h.put("Content-Type", "application/json");
        h.put("locale", "en-US");
        h.put("countryCode", "USA");
        if (cat != null) {
            h.put("auth-token", cat);
        }
        return h;
    }

    /** Autonomic calls: only the bearer TMC. */
    static Map<String, String> bearer(String tmc) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Authorization", "Bearer " + tmc);
        h.put("Content-Type", "application/json");
        return h;
    }

    static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return copy;
    }

    static Map<String, String> form() {
        return Map.of("Content-Type", "application/x-www-form-urlencoded", "User-Agent", OKHTTP);
    }

    static String formBody(Map<String, String> fields) {
        StringBuilder s = new StringBuilder();
        fields.forEach((k, v) -> s.append(s.length() == 0 ? "" : "&").append(URLEncoder.encode(k,
            StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return s.toString();
    }

    // ---------------------------------------------------------------- the login chain

    static String newVerifier() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Signs in as the person would and returns the pasted {@code fordapp://userauthorized/?code=…} URL. */
    String signIn(String verifier, String user, String password) {
        return new BrowserLogin().signInBlocking(sim.authorizeUrl(Pkce.challengeOf(verifier)), user, password);
    }

    static String codeOf(String redirectUrl) {
        return redirectUrl.substring(redirectUrl.indexOf("code=") + 5);
    }

    Response redeem(String code, String verifier) {
        return send("POST", "/" + FordProtocol.B2C_TENANT + "/B2C_1A_SignInSignUp_en-US/oauth2/v2.0/token", form(),
            formBody(Map.of("client_id", FordProtocol.CLIENT_ID, "scope", FordProtocol.SCOPE,
                "redirect_uri", FordProtocol.FORD_REDIRECT_URI, "grant_type", "authorization_code", "resource", "",
                "code", code, "code_verifier", verifier)));
    }

    Response mintCat(String b2cAccess) {
        return send("POST", "/api/token/v2/cat-with-b2c-access-token", ford(null),
            Json.write(Json.object().put("idpToken", b2cAccess)));
    }

    Response refreshCat(String refreshToken) {
        return send("POST", "/api/token/v2/cat-with-refresh-token", ford(null),
            Json.write(Json.object().put("refresh_token", refreshToken)));
    }

    Response exchangeTmc(String cat) {
        return send("POST", "/v1/auth/oidc/token", form(), formBody(Map.of("subject_token", cat,
            "subject_issuer", "fordpass", "client_id", "fordpass-prod",
            "grant_type", "urn:ietf:params:oauth:grant-type:token-exchange",
            "subject_token_type", "urn:ietf:params:oauth:token-type:jwt")));
    }

    /** The whole chain for the default account. */
    Tokens login() {
        return login(SimulatedAccount.DEFAULT_USERNAME, SimulatedAccount.DEFAULT_PASSWORD);
    }

    Tokens login(String user, String password) {
        String verifier = newVerifier();
        String code = codeOf(signIn(verifier, user, password));
        JsonNode b2c = redeem(code, verifier).json();
        JsonNode cat = mintCat(b2c.path("access_token").asString()).json();
        JsonNode tmc = exchangeTmc(cat.path("access_token").asString()).json();
        return new Tokens(cat.path("access_token").asString(), cat.path("refresh_token").asString(),
            tmc.path("access_token").asString());
    }

    // ---------------------------------------------------------------- data and commands

    Response telemetry(String tmc, String vin) {
        return send("GET", "/v1/telemetry/sources/fordpass/vehicles/" + vin + "?lrdt=01-01-1970%2000:00:00",
            bearer(tmc), null);
    }

    Response command(String tmc, String base, String vin, String body) {
        return send("POST", "/" + base + "/command/vehicles/" + vin + "/commands", bearer(tmc), body);
    }

    /** A v1 command body without properties, as the app sends it. */
    static String v1(String type) {
        return "{\"type\":\"" + type + "\",\"wakeUp\":true,\"tags\":{}}";
    }

    /** A v1beta command body without properties. */
    static String v1beta(String type, String version) {
        return "{\"type\":\"" + type + "\",\"wakeUp\":true,\"tags\":{},\"version\":\"" + version + "\"}";
    }
}
