package io.github.connectedcar.ford;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.connectedcar.ford.Endpoints.Role;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Endpoints}: Ford's hosts, one server for every role keeping Ford's paths, and plain http only to loopback. */
@Tag("unit")
class EndpointsUnitTests {

    @ParameterizedTest
    @CsvSource({
        "LOGIN, https://login.ford.com",
        "TOKEN, https://api.foundational.ford.com/api/token/v2",
        "VEHICLE, https://api.vehicle.ford.com/api",
        "FOUNDATIONAL, https://api.foundational.ford.com/api",
        "MPS, https://api.mps.ford.com",
        "AUTONOMIC_AUTH, https://accounts.autonomic.ai/v1/auth/oidc/token",
        "AUTONOMIC, https://api.autonomic.ai",
        "AUTONOMIC_WEBSOCKET, wss://api.autonomic.ai"})
    void fordHostsAreTheDocumentedOnes(Role role, String url) {
        assertThat(Endpoints.ford().baseUrl(role, Region.NORTH_AMERICA)).hasToString(url);
    }

    @Test
    void loginHostFollowsTheRegion() {
        assertThat(Endpoints.ford().baseUrl(Role.LOGIN, Region.LINCOLN_NORTH_AMERICA))
            .hasToString("https://login.lincoln.com");
    }

    @ParameterizedTest
    @CsvSource({
        "LOGIN, http://127.0.0.1:8080",
        "TOKEN, http://127.0.0.1:8080/api/token/v2",
        "VEHICLE, http://127.0.0.1:8080/api",
        "FOUNDATIONAL, http://127.0.0.1:8080/api",
        "MPS, http://127.0.0.1:8080",
        "AUTONOMIC_AUTH, http://127.0.0.1:8080/v1/auth/oidc/token",
        "AUTONOMIC, http://127.0.0.1:8080",
        "AUTONOMIC_WEBSOCKET, ws://127.0.0.1:8080"})
    void allAtRoutesEveryRoleToOneServerKeepingFordsPaths(Role role, String url) {
        assertThat(Endpoints.allAt("http://127.0.0.1:8080/").baseUrl(role, Region.NORTH_AMERICA)).hasToString(url);
        assertThat(Endpoints.allAt("http://127.0.0.1:8080").isSingleBase()).isTrue();
    }

    @Test
    void allAtKeepsABasePathAndUsesWssForHttps() {
        Endpoints endpoints = Endpoints.allAt("https://sim.example.com/ford/");

        assertThat(endpoints.baseUrl(Role.TOKEN, Region.EUROPE)).hasToString("https://sim.example.com/ford/api/token/v2");
        assertThat(endpoints.baseUrl(Role.AUTONOMIC_WEBSOCKET, Region.EUROPE)).hasToString("wss://sim.example.com/ford");
    }

    @Test
    void withOverridesOneRoleOnly() {
        Endpoints endpoints = Endpoints.ford().with(Role.AUTONOMIC, "https://eu.autonomic.example");

        assertThat(endpoints.baseUrl(Role.AUTONOMIC, Region.EUROPE)).hasToString("https://eu.autonomic.example");
        assertThat(endpoints.baseUrl(Role.VEHICLE, Region.EUROPE)).hasToString("https://api.vehicle.ford.com/api");
        assertThat(Endpoints.ford().baseUrl(Role.AUTONOMIC, Region.EUROPE)).hasToString("https://api.autonomic.ai");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:9000", "http://127.0.0.1:9000", "http://127.1.2.3:9000", "http://[::1]:9000",
        "HTTP://LOCALHOST:9000"})
    void plainHttpIsAcceptedToLoopback(String url) {
        assertThat(Endpoints.allAt(url).baseUrl(Role.AUTONOMIC, Region.NORTH_AMERICA).getScheme())
            .isEqualToIgnoringCase("http");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://api.example.com", "http://192.168.1.10:8080", "http://127.example.com",
        "http://127.0.0.1.nip.io", "http://localhost.example.com", "ws://10.0.0.1"})
    void plainHttpIsRefusedToAnyOtherHost(String url) {
        assertThatThrownBy(() -> Endpoints.allAt(url))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("loopback");
        assertThatThrownBy(() -> Endpoints.ford().with(Role.TOKEN, url))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void credentialsInTheUrlAreRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> Endpoints.allAt("https://simulator:SeCrEt-pw@sim.example.com"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("user name or password")
            .message().doesNotContain("SeCrEt-pw");
        assertThatThrownBy(() -> Endpoints.ford().with(Role.TOKEN, "http://me:SeCrEt-pw@127.0.0.1:8080"))
            .isInstanceOf(IllegalArgumentException.class)
            .message().doesNotContain("SeCrEt-pw");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://me:SeCrEt-pw@example.com", "http://me:SeCrEt pw@127.0.0.1:8080",
        "https://me:SeCrEt/pw@sim.example.com", "https://me:SeCrEt-pw@", "me:SeCrEt-pw@sim.example.com",
        "http://me:SeCrEt-pw@127.0.0.1:port"})
    void aMalformedUrlWithAPasswordIsRefusedWithoutEchoingIt(String url) {
        assertThatThrownBy(() -> Endpoints.allAt(url))
            .isInstanceOf(IllegalArgumentException.class)
            .satisfies(error -> {
                for (Throwable t = error; t != null; t = t.getCause()) {
                    assertThat(t.getMessage()).doesNotContain("SeCrEt");
                }
            });
    }

    @ParameterizedTest
    @ValueSource(strings = {"api.example.com", "ftp://example.com", "https://", "not a url", "/relative/path"})
    void malformedUrlsAreRefused(String url) {
        assertThatThrownBy(() -> Endpoints.allAt(url)).isInstanceOf(IllegalArgumentException.class);
    }
}
