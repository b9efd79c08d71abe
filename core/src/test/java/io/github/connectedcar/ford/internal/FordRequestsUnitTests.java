package io.github.connectedcar.ford.internal;

import io.github.connectedcar.ConnectedCarAsyncClient;
import io.github.connectedcar.ford.Region;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.auth.PendingLogin;
import io.github.connectedcar.http.HttpMethod;
import io.github.connectedcar.http.HttpRequest;
import io.github.connectedcar.internal.Json;
import io.github.connectedcar.testing.FakeFordAuth;
import io.github.connectedcar.testing.InMemoryTransport;
import io.github.connectedcar.testing.TestClients;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

/**
 * Every request the SDK sends to Ford, byte for byte where Ford is picky (docs/ford-api.md §1 to §4): paths, query
 * parameters and their encoding, form fields, JSON bodies, header spellings and which credential goes to which host.
 */
@Tag("unit")
class FordRequestsUnitTests {
    private static final Duration VERIFY = Duration.ofSeconds(5);
    private static final String TENANT = "4566605f-43a7-400a-946e-89cc9fdb0bd7";
    private static final String CLIENT_ID = "09852200-05fd-41f6-8c21-d36d3497dc64";
    private static final String NA_APP_ID = "BFE8C5ED-D687-4C19-A5DD-F92CDFC4503A";

    private InMemoryTransport transport;
    private ConnectedCarAsyncClient client;

    @BeforeEach
    void setUp() {
        transport = TestClients.withVehicleRoutes(new InMemoryTransport());
        new FakeFordAuth().install(transport);
        client = TestClients.builder(transport).buildAsyncClient();
    }

    @Test
    void authorizeUrlHasTenantPolicyAndEveryQueryParameterOfTheApp() {
        URI url = client.auth().beginLogin().map(PendingLogin::authorizeUrl).block(VERIFY);

        assertThat(url.getScheme()).isEqualTo("https");
        assertThat(url.getHost()).isEqualTo("login.ford.com");
        assertThat(url.getRawPath()).isEqualTo("/" + TENANT + "/B2C_1A_SignInSignUp_en-US/oauth2/v2.0/authorize");
        Map<String, String> query = decodedQuery(url.getRawQuery());
        assertThat(query).containsOnlyKeys("redirect_uri", "response_type", "max_age", "code_challenge",
            "code_challenge_method", "scope", "client_id", "ui_locales", "language_code", "ford_application_id",
            "country_code");
        assertThat(query)
            .containsEntry("redirect_uri", "fordapp://userauthorized")
            .containsEntry("response_type", "code")
            .containsEntry("max_age", "3600")
            .containsEntry("code_challenge_method", "S256")
            .containsEntry("scope", CLIENT_ID + " openid")
            .containsEntry("client_id", CLIENT_ID)
            .containsEntry("ui_locales", "en-US")
            .containsEntry("language_code", "en-US")
            .containsEntry("ford_application_id", NA_APP_ID)
            .containsEntry("country_code", "USA");
    }

    @Test
    void authorizeUrlEncodesTheScopeSpaceAsPercentTwentyNeverPlus() {
        URI url = client.auth().beginLogin().map(PendingLogin::authorizeUrl).block(VERIFY);

        assertThat(url.getRawQuery())
            .contains("scope=" + CLIENT_ID + "%20openid")
            .doesNotContain("+");
    }

    @Test
    void codeChallengeIsUnpaddedBase64UrlOfSha256OfTheVerifierSentInTheCodeExchange() throws Exception {
        PendingLogin pending = client.auth().beginLogin().block(VERIFY);
        StepVerifier.create(client.auth().completeLogin(pending, TestClients.PASTED_REDIRECT))
            .expectComplete()
            .verify(VERIFY);

        String challenge = decodedQuery(pending.authorizeUrl().getRawQuery()).get("code_challenge");
        String verifier = FakeFordAuth.form(only("b2c-token")).get("code_verifier");
        assertThat(verifier).matches("[A-Za-z0-9._~-]{43,128}");
        assertThat(challenge).matches("[A-Za-z0-9_-]{43}");
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        assertThat(challenge).isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
    }

    @Test
    void eachLoginHasItsOwnVerifier() {
        String first = decodedQuery(client.auth().beginLogin().block(VERIFY).authorizeUrl().getRawQuery())
            .get("code_challenge");
        String second = decodedQuery(client.auth().beginLogin().block(VERIFY).authorizeUrl().getRawQuery())
            .get("code_challenge");

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void codeExchangePostsTheSixFormFieldsToTheB2cTokenEndpoint() {
        TestClients.login(client).block(VERIFY);

        HttpRequest exchange = only("b2c-token");
        assertThat(exchange.method()).isEqualTo(HttpMethod.POST);
        assertThat(exchange.uri().toString())
            .isEqualTo("https://login.ford.com/" + TENANT + "/B2C_1A_SignInSignUp_en-US/oauth2/v2.0/token");
        assertThat(exchange.headers().get("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        Map<String, String> form = FakeFordAuth.form(exchange);
        assertThat(form).containsOnlyKeys("client_id", "scope", "redirect_uri", "grant_type", "code",
            "code_verifier");
        assertThat(form)
            .containsEntry("client_id", CLIENT_ID)
            .containsEntry("scope", CLIENT_ID + " openid")
            .containsEntry("redirect_uri", "fordapp://userauthorized")
            .containsEntry("grant_type", "authorization_code")
            .containsEntry("code", FakeFordAuth.CODE);
        assertThat(exchange.bodyAsString()).contains("scope=" + CLIENT_ID + "%20openid").doesNotContain("+");
        assertThat(exchange.headers().contains("auth-token")).isFalse();
        assertThat(exchange.headers().contains("Authorization")).isFalse();
    }

    @Test
    void catMintSendsTheB2cAccessTokenAsIdpTokenWithTheApplicationId() {
        TestClients.login(client).block(VERIFY);

        HttpRequest mint = only("cat-mint");
        assertThat(mint.method()).isEqualTo(HttpMethod.POST);
        assertThat(mint.uri().toString())
            .isEqualTo("https://api.foundational.ford.com/api/token/v2/cat-with-b2c-access-token");
        assertThat(mint.headers().get("Application-Id")).isEqualTo(NA_APP_ID);
        assertThat(mint.headers().get("Content-Type")).isEqualTo("application/json");
        assertThat(json(mint)).isEqualTo(Json.MAPPER.readTree("{\"idpToken\":\"b2c-access\"}"));
    }

    @Test
    void catRefreshSendsTheRefreshTokenAsJsonWithTheApplicationId() {
        TestClients.login(client).block(VERIFY);
        client.auth().refresh().block(VERIFY);

        HttpRequest refresh = only("cat-refresh");
        assertThat(refresh.method()).isEqualTo(HttpMethod.POST);
        assertThat(refresh.uri().toString())
            .isEqualTo("https://api.foundational.ford.com/api/token/v2/cat-with-refresh-token");
        assertThat(refresh.headers().get("Application-Id")).isEqualTo(NA_APP_ID);
        assertThat(refresh.headers().get("Content-Type")).isEqualTo("application/json");
        assertThat(json(refresh)).isEqualTo(Json.MAPPER.readTree("{\"refresh_token\":\"refresh-1\"}"));
        assertThat(refresh.headers().contains("auth-token")).isFalse();
    }

    @Test
    void tmcExchangeSendsTheCatAccessTokenAsSubjectWithTheFiveFormFields() {
        TestClients.login(client).block(VERIFY);

        HttpRequest exchange = only("tmc-exchange");
        assertThat(exchange.method()).isEqualTo(HttpMethod.POST);
        assertThat(exchange.uri().toString()).isEqualTo("https://accounts.autonomic.ai/v1/auth/oidc/token");
        assertThat(exchange.headers().get("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        Map<String, String> form = FakeFordAuth.form(exchange);
        assertThat(form).containsOnlyKeys("subject_token", "subject_issuer", "client_id", "grant_type",
            "subject_token_type");
        assertThat(form)
            .containsEntry("subject_token", "cat-1")
            .containsEntry("subject_issuer", "fordpass")
            .containsEntry("client_id", "fordpass-prod")
            .containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange")
            .containsEntry("subject_token_type", "urn:ietf:params:oauth:token-type:jwt");
    }

    @Test
    void vehicleListCarriesTheCatAsAuthTokenWithLocaleCountryCodeAndDashboardBody() {
        TestClients.login(client).block(VERIFY);
        StepVerifier.create(client.vehicles()).expectNextCount(2).expectComplete().verify(VERIFY);

        HttpRequest list = lastOf("vehicles");
        assertThat(list.method()).isEqualTo(HttpMethod.POST);
        assertThat(list.uri().toString()).isEqualTo("https://api.vehicle.ford.com/api/expdashboard/v1/details/");
        assertThat(list.headers().get("auth-token")).isEqualTo("cat-1");
        assertThat(list.headers().contains("Authorization")).isFalse();
        assertThat(list.headers().get("Application-Id")).isEqualTo(NA_APP_ID);
        // Ford's services are picky about the spelling of the country header.
        assertThat(list.headers().names()).contains("countryCode", "locale");
        assertThat(list.headers().get("countryCode")).isEqualTo("USA");
        assertThat(list.headers().get("locale")).isEqualTo("en-US");
        assertThat(json(list)).isEqualTo(Json.MAPPER.readTree("{\"dashboardRefreshRequest\":\"All\"}"));
    }

    @Test
    void telemetryCarriesTheTmcTokenAsBearerAndNoFordCredential() {
        TestClients.login(client).block(VERIFY);
        StepVerifier.create(client.vehicle(TestClients.MACH_E_VIN).status())
            .expectNextCount(1)
            .expectComplete()
            .verify(VERIFY);

        HttpRequest telemetry = only("telemetry");
        assertThat(telemetry.method()).isEqualTo(HttpMethod.GET);
        assertThat(telemetry.uri().getScheme() + "://" + telemetry.uri().getAuthority() + telemetry.uri().getPath())
            .isEqualTo("https://api.autonomic.ai/v1/telemetry/sources/fordpass/vehicles/" + TestClients.MACH_E_VIN);
        assertThat(decodedQuery(telemetry.uri().getRawQuery())).containsOnly(
            Map.entry("lrdt", "01-01-1970 00:00:00"));
        assertThat(telemetry.headers().get("Authorization")).isEqualTo("Bearer tmc-1");
        assertThat(telemetry.headers().contains("auth-token")).isFalse();
    }

    @Test
    void everyRequestCarriesTheOkHttpUserAgent() {
        TestClients.login(client).block(VERIFY);
        client.vehicles().then().block(VERIFY);
        client.vehicle(TestClients.F150_VIN).status().block(VERIFY);
        client.auth().refresh().block(VERIFY);

        assertThat(transport.requests()).hasSizeGreaterThanOrEqualTo(7)
            .allSatisfy(request -> assertThat(request.headers().get("User-Agent"))
                .as(request.operation()).isEqualTo("okhttp/4.12.0"));
    }

    @Test
    void europeanAccountSendsItsOwnApplicationIdLocaleAndCountry() {
        ConnectedCarAsyncClient europe = TestClients.builder(transport).region(Region.EUROPE).buildAsyncClient();
        URI url = europe.auth().beginLogin().map(PendingLogin::authorizeUrl).block(VERIFY);
        TestClients.login(europe).block(VERIFY);
        europe.vehicles().then().block(VERIFY);

        assertThat(url.getRawPath()).contains("/B2C_1A_SignInSignUp_en-GB/");
        assertThat(decodedQuery(url.getRawQuery()))
            .containsEntry("ford_application_id", "667D773E-1BDC-4139-8AD0-2B16474E8DC7")
            .containsEntry("country_code", "GBR");
        assertThat(only("cat-mint").headers().get("Application-Id")).isEqualTo("667D773E-1BDC-4139-8AD0-2B16474E8DC7");
        assertThat(lastOf("vehicles").headers().get("countryCode")).isEqualTo("GBR");
        assertThat(lastOf("vehicles").headers().get("locale")).isEqualTo("en-GB");
    }

    @Test
    void lincolnAccountUsesTheLincolnLoginHostPolicyAndRedirect() {
        ConnectedCarAsyncClient lincoln = TestClients.builder(transport).region(Region.LINCOLN_NORTH_AMERICA)
            .buildAsyncClient();
        PendingLogin pending = lincoln.auth().beginLogin().block(VERIFY);

        URI url = pending.authorizeUrl();
        assertThat(url.getHost()).isEqualTo("login.lincoln.com");
        assertThat(url.getRawPath())
            .isEqualTo("/" + TENANT + "/B2C_1A_SignInSignUp_Lincoln_en-US/oauth2/v2.0/authorize");
        assertThat(decodedQuery(url.getRawQuery()))
            .containsEntry("redirect_uri", "lincolnapp://userauthorized")
            .containsEntry("ford_application_id", "45133B88-0671-4AAF-B8D1-99E684ED4E45");
        assertThat(pending.redirectUri()).isEqualTo("lincolnapp://userauthorized");

        StepVerifier.create(lincoln.auth().completeLogin(pending,
                "lincolnapp://userauthorized/?code=" + FakeFordAuth.CODE))
            .expectComplete()
            .verify(VERIFY);
        HttpRequest exchange = only("b2c-token");
        assertThat(exchange.uri().toString()).isEqualTo(
            "https://login.lincoln.com/" + TENANT + "/B2C_1A_SignInSignUp_Lincoln_en-US/oauth2/v2.0/token");
        assertThat(FakeFordAuth.form(exchange)).containsEntry("redirect_uri", "lincolnapp://userauthorized");
    }

    /** The last request of an operation the client may have made more than once (the login reads the list too). */
    private HttpRequest lastOf(String operation) {
        List<HttpRequest> made = transport.requests(operation);
        assertThat(made).as("requests of " + operation).isNotEmpty();
        return made.get(made.size() - 1);
    }

    private HttpRequest only(String operation) {
        assertThat(transport.requests(operation)).as("requests of " + operation).hasSize(1);
        return transport.requests(operation).get(0);
    }

    private static JsonNode json(HttpRequest request) {
        return Json.MAPPER.readTree(request.body());
    }

    /** Query parameters decoded as RFC 3986 (a '+' stays a '+', so an encoding slip shows). */
    static Map<String, String> decodedQuery(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = URLDecoder.decode(pair.substring(eq + 1).replace("+", "%2B"), StandardCharsets.UTF_8);
            assertThat(query.put(name, value)).as("duplicate parameter " + name).isNull();
        }
        return query;
    }
}
