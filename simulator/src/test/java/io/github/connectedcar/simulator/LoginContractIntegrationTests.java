package io.github.connectedcar.simulator;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.connectedcar.simulator.internal.auth.Pkce;
import io.github.connectedcar.simulator.junit.FordCloudSimulatorExtension;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** B2C sign-in and code redemption (docs/ford-api.md §3.1): the form, the redirect, PKCE, single-use short-lived codes. */
@Tag("integration")
class LoginContractIntegrationTests {

    @RegisterExtension
    static final FordCloudSimulatorExtension SIM = FordCloudSimulatorExtension.configured(b -> b.speed(0));

    private FordCloudClient client() {
        return new FordCloudClient(SIM.simulator());
    }

    @Test
    void authorizePageIsASignInFormPostingBackWithTheSameQuery() {
        String url = SIM.simulator().authorizeUrl(Pkce.challengeOf(FordCloudClient.newVerifier()));
        String pathAndQuery = url.substring(SIM.baseUrl().length());

        FordCloudClient.Response page = client().send("GET", pathAndQuery, Map.of(), null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("name=\"username\"", "name=\"password\"", "method=\"post\"")
            .contains("action=\"" + pathAndQuery.replace("&", "&amp;") + "\"");
    }

    @Test
    void signingInRedirectsToFordappWithACode() {
        String verifier = FordCloudClient.newVerifier();
        String authorizeUrl = SIM.simulator().authorizeUrl(Pkce.challengeOf(verifier));

        StepVerifier.create(new BrowserLogin().signIn(authorizeUrl, SimulatedAccount.DEFAULT_USERNAME,
                SimulatedAccount.DEFAULT_PASSWORD))
            .assertNext(redirect -> assertThat(redirect).startsWith("fordapp://userauthorized/?code=")
                .hasSizeGreaterThan(300))
            .expectComplete()
            .verify(Duration.ofSeconds(10));
    }

    @Test
    void lincolnPolicyRedirectsToLincolnapp() {
        String url = SIM.simulator().authorizeUrl(Pkce.challengeOf(FordCloudClient.newVerifier()))
            .replace("B2C_1A_SignInSignUp_en-US", "B2C_1A_SignInSignUp_Lincoln_en-US")
            .replace("fordapp%3A%2F%2F", "lincolnapp%3A%2F%2F");

        String redirect = new BrowserLogin().signInBlocking(url, SimulatedAccount.DEFAULT_USERNAME,
            SimulatedAccount.DEFAULT_PASSWORD);

        assertThat(redirect).startsWith("lincolnapp://userauthorized/?code=");
    }

    @Test
    void wrongPasswordShowsTheFormAgainWithAnError() {
        String url = SIM.simulator().authorizeUrl(Pkce.challengeOf(FordCloudClient.newVerifier()));

        assertThatThrownBy(() -> new BrowserLogin().signInBlocking(url, SimulatedAccount.DEFAULT_USERNAME, "nope"))
            .isInstanceOf(BrowserLoginException.class)
            .hasMessageContaining("Invalid username or password")
            .hasMessageNotContaining("nope");
    }

    @Test
    void aMissingOrPlainChallengeMethodIsRefusedB2cStyle() {
        String url = SIM.simulator().authorizeUrl(Pkce.challengeOf(FordCloudClient.newVerifier()));
        String base = SIM.baseUrl();

        FordCloudClient.Response missing = client().send("GET",
            url.substring(base.length()).replace("&code_challenge_method=S256", ""), Map.of(), null);
        FordCloudClient.Response plain = client().send("GET",
            url.substring(base.length()).replace("code_challenge_method=S256", "code_challenge_method=plain"),
            Map.of(), null);

        for (FordCloudClient.Response r : new FordCloudClient.Response[] {missing, plain}) {
            assertThat(r.status()).isEqualTo(302);
            assertThat(r.header("Location")).startsWith("fordapp://userauthorized/?error=invalid_request")
                .contains("error_description=AADB2C90183");
        }
    }

    @Test
    void aScopeWithPlusForSpaceIsRefused() {
        String url = SIM.simulator().authorizeUrl(Pkce.challengeOf(FordCloudClient.newVerifier()));

        FordCloudClient.Response r = client().send("GET",
            url.substring(SIM.baseUrl().length()).replace("%20openid", "+openid"), Map.of(), null);

        assertThat(r.status()).isEqualTo(302);
        assertThat(r.header("Location")).contains("error=invalid_request").contains("AADB2C90055");
    }

    @Test
    void theCodeIsRedeemedOnlyWithTheMatchingPkceVerifier() {
        FordCloudClient client = client();
        String verifier = FordCloudClient.newVerifier();
        String code = FordCloudClient.codeOf(client.signIn(verifier, SimulatedAccount.DEFAULT_USERNAME,
            SimulatedAccount.DEFAULT_PASSWORD));

        FordCloudClient.Response wrong = client.redeem(code, FordCloudClient.newVerifier());

        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().path("error").asString()).isEqualTo("invalid_grant");
        assertThat(wrong.json().path("error_description").asString()).contains("code_verifier");

        String verifier2 = FordCloudClient.newVerifier();
        String code2 = FordCloudClient.codeOf(client.signIn(verifier2, SimulatedAccount.DEFAULT_USERNAME,
            SimulatedAccount.DEFAULT_PASSWORD));
        FordCloudClient.Response right = client.redeem(code2, verifier2);

        assertThat(right.status()).isEqualTo(200);
        assertThat(right.json().path("access_token").asString()).isNotBlank();
        assertThat(right.json().path("id_token").asString()).isNotBlank();
        assertThat(right.json().path("token_type").asString()).isEqualTo("Bearer");
        assertThat(right.json().path("expires_in").asLong()).isPositive();
        assertThat(right.json().path("refresh_token").asString()).isNotBlank();
    }

    @Test
    void aCodeIsSingleUse() {
        FordCloudClient client = client();
        String verifier = FordCloudClient.newVerifier();
        String code = FordCloudClient.codeOf(client.signIn(verifier, SimulatedAccount.DEFAULT_USERNAME,
            SimulatedAccount.DEFAULT_PASSWORD));

        assertThat(client.redeem(code, verifier).status()).isEqualTo(200);
        FordCloudClient.Response again = client.redeem(code, verifier);

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().path("error").asString()).isEqualTo("invalid_grant");
        assertThat(again.json().path("error_description").asString()).contains("already been redeemed");
    }

    @Test
    void aCodeExpiresAfterItsShortLifetime() {
        FordCloudClient client = client();
        String verifier = FordCloudClient.newVerifier();
        String code = FordCloudClient.codeOf(client.signIn(verifier, SimulatedAccount.DEFAULT_USERNAME,
            SimulatedAccount.DEFAULT_PASSWORD));

        SIM.clock().advance(TokenLifetimes.DEFAULT_AUTHORIZATION_CODE.plusSeconds(1));
        FordCloudClient.Response late = client.redeem(code, verifier);

        assertThat(late.status()).isEqualTo(400);
        assertThat(late.json().path("error_description").asString()).contains("expired");
    }
}
