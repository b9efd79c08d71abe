package io.github.connectedcar.simulator;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.connectedcar.simulator.internal.http.Json;
import io.github.connectedcar.simulator.junit.FordCloudSimulatorExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Ford's token service and Autonomic's token exchange (docs/ford-api.md §3.2, §3.3). */
@Tag("integration")
class TokenContractIntegrationTests {

    @RegisterExtension
    static final FordCloudSimulatorExtension SIM = FordCloudSimulatorExtension.configured(b -> b.speed(0));

    private String b2cAccessToken(FordCloudClient client) {
        String verifier = FordCloudClient.newVerifier();
        String code = FordCloudClient.codeOf(client.signIn(verifier, SimulatedAccount.DEFAULT_USERNAME,
            SimulatedAccount.DEFAULT_PASSWORD));
        return client.redeem(code, verifier).json().path("access_token").asString();
    }

    @Test
    void theTokenServiceAnswers432WithoutApplicationId() {
        FordCloudClient client = new FordCloudClient(SIM.simulator());
        String b2c = b2cAccessToken(client);

        FordCloudClient.Response r = client.send("POST", "/api/token/v2/cat-with-b2c-access-token",
            Map.of("Content-Type", "application/json", "User-Agent", FordCloudClient.OKHTTP),
            Json.write(Json.object().put("idpToken", b2c)));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errorCode").asString()).isEqualTo("432");
    }

    @Test
    void mintingACatAnswersLifetimesOfHalfAnHourAndSixMonths() {
        FordCloudClient client = new FordCloudClient(SIM.simulator());

        FordCloudClient.Response r = client.mintCat(b2cAccessToken(client));

        assertThat(r.status()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.path("access_token").asString()).isNotBlank();
        assertThat(body.path("expires_in").asLong()).isEqualTo(1800);
        assertThat(body.path("refresh_token").asString()).isNotBlank();
        assertThat(body.path("refresh_expires_in").asLong()).isEqualTo(15_552_000);
    }

    @Test
    void refreshTokensRotateAndAReusedOneAnswers460() {
        FordCloudClient client = new FordCloudClient(SIM.simulator());
        String first = client.mintCat(b2cAccessToken(client)).json().path("refresh_token").asString();

        FordCloudClient.Response refreshed = client.refreshCat(first);
        String second = refreshed.json().path("refresh_token").asString();
        FordCloudClient.Response reused = client.refreshCat(first);

        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(second).isNotBlank().isNotEqualTo(first);
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.json().path("errorCode").asString()).isEqualTo("460");
        assertThat(reused.json().path("message").asString()).isEqualTo("Invalid or Expired Token");
        assertThat(client.refreshCat(second).status()).isEqualTo(200);
        assertThat(client.refreshCat("not-a-token").json().path("errorCode").asString()).isEqualTo("460");
    }

    @Test
    void theCatIsExchangedForAFiveMinuteTmcAndAnExpiredCatIsRefused() {
        FordCloudClient client = new FordCloudClient(SIM.simulator());
        String cat = client.mintCat(b2cAccessToken(client)).json().path("access_token").asString();

        FordCloudClient.Response tmc = client.exchangeTmc(cat);

        assertThat(tmc.status()).isEqualTo(200);
        assertThat(tmc.json().path("access_token").asString()).isNotBlank().isNotEqualTo(cat);
        assertThat(tmc.json().path("expires_in").asLong()).isEqualTo(300);
        assertThat(tmc.json().path("token_type").asString()).isEqualTo("Bearer");
        assertThat(tmc.json().path("issued_token_type").asString())
            .isEqualTo("urn:ietf:params:oauth:token-type:jwt");

        SIM.clock().advance(Duration.ofSeconds(1801));

        assertThat(client.exchangeTmc(cat).status()).isEqualTo(401);
        assertThat(client.exchangeTmc("garbage").status()).isEqualTo(401);
    }

    @Test
    void expiringAnAccountsTokensForcesARefresh() {
        FordCloudClient client = new FordCloudClient(SIM.simulator());
        FordCloudClient.Tokens tokens = client.login();

        SIM.simulator().expireTokens(SimulatedAccount.DEFAULT_USERNAME);

        assertThat(client.telemetry(tokens.tmc(), "1FTFW1E50PFA00001").status()).isEqualTo(401);
        FordCloudClient.Response refreshed = client.refreshCat(tokens.catRefresh());
        assertThat(refreshed.status()).isEqualTo(200);
        String tmc = client.exchangeTmc(refreshed.json().path("access_token").asString()).json()
            .path("access_token").asString();
        assertThat(client.telemetry(tmc, "1FTFW1E50PFA00001").status()).isEqualTo(200);
    }
}
