package io.github.connectedcar.auth;

import io.github.connectedcar.ClientInternals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.connectedcar.ConnectedCarAsyncClient;
import io.github.connectedcar.exception.AuthenticationRequiredException;
import io.github.connectedcar.ford.Region;
import io.github.connectedcar.http.AuthScheme;
import io.github.connectedcar.testing.FakeFordAuth;
import io.github.connectedcar.testing.InMemoryTransport;
import io.github.connectedcar.testing.TestClients;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** What {@code completeLogin} accepts as the pasted redirect URL, what it refuses and how it says so. */
@Tag("unit")
class CompleteLoginUnitTests {
    private static final Duration VERIFY = Duration.ofSeconds(5);
    /** Looks like a real B2C code; must never appear in a message. */
    private static final String SECRET_CODE = "eyJraWQiOiJjcGltY29yZV8wOTI1MjAxNSIsInZlciI6IjEuMCIsInppcCI6IkRlZmxhdGUifQ";

    private InMemoryTransport transport;
    private InMemoryTokenStore store;
    private ConnectedCarAsyncClient client;
    private AuthAsyncClient auth;
    private PendingLogin pending;

    @BeforeEach
    void setUp() {
        transport = new InMemoryTransport();
        new FakeFordAuth().install(transport);
        store = new InMemoryTokenStore();
        client = TestClients.builder(transport, store).buildAsyncClient();
        auth = client.auth();
        pending = auth.beginLogin().block(VERIFY);
    }

    @Test
    void urlWithAnotherSchemeIsRefusedNamingTheExpectedOne() {
        assertRefused("https://www.ford.com/userauthorized/?code=" + SECRET_CODE,
            "must start with fordapp://userauthorized", "network panel");
    }

    @Test
    void pastedCodeWithoutTheUrlIsRefusedWithoutEchoingIt() {
        assertRefused(SECRET_CODE, "must start with fordapp://userauthorized");
    }

    @Test
    void pastedCodeParameterWithoutTheUrlIsRefusedWithoutEchoingIt() {
        assertRefused("code=" + SECRET_CODE, "must start with fordapp://userauthorized");
    }

    @Test
    void urlWithoutCodeIsRefusedSayingCodeIsMissing() {
        assertRefused("fordapp://userauthorized/?state=abc", "no code=", "cut off");
    }

    @Test
    void urlWithAnEmptyCodeIsRefused() {
        assertRefused("fordapp://userauthorized/?code=", "no code=");
    }

    @Test
    void urlWithAnErrorReportsFordsErrorInsteadOfACode() {
        assertRefused("fordapp://userauthorized/?error=access_denied&error_description=AADB2C90091%3A%20The%20user"
            + "%20has%20cancelled", "AADB2C90091: The user has cancelled", "Start a new login");
    }

    @Test
    void urlWithAnErrorAndACodeNeverEchoesTheCode() {
        assertRefused("fordapp://userauthorized/?code=" + SECRET_CODE + "&error=server_error", "server_error");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n"})
    void blankPasteIsRefused(String blank) {
        assertRefused(blank, "No URL was given");
    }

    @Test
    void lincolnLoginRefusesAFordRedirect() {
        ConnectedCarAsyncClient lincoln = TestClients.builder(transport, store).region(Region.LINCOLN_NORTH_AMERICA)
            .buildAsyncClient();
        PendingLogin lincolnPending = lincoln.auth().beginLogin().block(VERIFY);

        assertThatThrownBy(() -> lincoln.auth().completeLogin(lincolnPending, TestClients.PASTED_REDIRECT))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("lincolnapp://userauthorized")
            .message().doesNotContain(FakeFordAuth.CODE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"fordapp://userauthorized/?code=" + FakeFordAuth.CODE + "\"",
        "  fordapp://userauthorized/?code=" + FakeFordAuth.CODE + "\n",
        "fordapp://userauthorized?code=" + FakeFordAuth.CODE,
        "FORDAPP://userauthorized/?state=x&code=" + FakeFordAuth.CODE})
    void acceptedPastesLogIn(String pasted) {
        StepVerifier.create(auth.completeLogin(pending, pasted)).expectComplete().verify(VERIFY);

        assertThat(FakeFordAuth.form(transport.requests("b2c-token").get(0))).containsEntry("code", FakeFordAuth.CODE);
    }

    @Test
    void successStoresTheTokensAndObtainsATmcToken() {
        StepVerifier.create(auth.completeLogin(pending, TestClients.PASTED_REDIRECT)).expectComplete().verify(VERIFY);

        TokenSet stored = store.load("default").block(VERIFY);
        assertThat(stored.accessToken()).isEqualTo("cat-1");
        assertThat(stored.refreshToken()).isEqualTo("refresh-1");
        assertThat(stored.refreshExpiresAt()).isNotNull();
        assertThat(transport.count("tmc-exchange")).isEqualTo(1);
        assertThat(ClientInternals.tokens(client).token(AuthScheme.TMC).block(VERIFY)).isEqualTo("tmc-1");
    }

    @Test
    void refusedCodeFailsWithAuthenticationRequiredNeverEchoingTheCode() {
        StepVerifier.create(auth.completeLogin(pending, "fordapp://userauthorized/?code=" + SECRET_CODE))
            .expectErrorSatisfies(error -> assertThat(error)
                .isInstanceOf(AuthenticationRequiredException.class)
                .hasMessageContaining("AADB2C90080")
                .hasMessageContaining("beginLogin()")
                .message().doesNotContain(SECRET_CODE).doesNotContain("Correlation"))
            .verify(VERIFY);

        assertThat(store.load("default").block(VERIFY)).isNull();
        assertThat(transport.count("cat-mint")).isZero();
    }

    @Test
    void firewallPageOnTheCodeExchangeAsksToWaitAndLogInAgain() {
        transport.on("b2c-token", request -> Mono.just(InMemoryTransport.text(request, 403, "text/html",
            "<html><body><h1>Access Denied</h1>Reference #18.abc</body></html>")));

        StepVerifier.create(auth.completeLogin(pending, TestClients.PASTED_REDIRECT))
            .expectErrorSatisfies(error -> assertThat(error)
                .isInstanceOf(AuthenticationRequiredException.class)
                .hasMessageContaining("403")
                .hasMessageContaining("firewall"))
            .verify(VERIFY);
    }

    @Test
    void invalidPasteSendsNothing() {
        assertThatThrownBy(() -> auth.completeLogin(pending, "https://example.com/?code=x"))
            .isInstanceOf(IllegalArgumentException.class);

        assertThat(transport.requests()).isEmpty();
    }

    private void assertRefused(String pasted, String... fragments) {
        assertThatThrownBy(() -> auth.completeLogin(pending, pasted))
            .isInstanceOf(IllegalArgumentException.class)
            .satisfies(error -> assertThat(error.getMessage()).contains(fragments)
                .doesNotContain(SECRET_CODE)
                .doesNotContain(SECRET_CODE.substring(0, 20)));
        assertThat(transport.requests()).isEmpty();
    }
}
