package io.github.connectedcar.service;

import io.github.connectedcar.simulator.BrowserLogin;
import io.github.connectedcar.simulator.SimulatedAccount;
import java.util.Map;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Signs the service in to its simulator as a person would: the URL from the service, the browser step, the paste. */
final class SignIn {
    static final String PICKUP = "1FTFW1E50PFA00001";
    static final String CROSSOVER = "3FMTK3SU5PMA00002";

    private SignIn() {
    }

    /** The fordapp:// URL the simulator's sign-in page ends on for this authorize URL. */
    static String pastedUrlFor(String authorizeUrl) {
        return new BrowserLogin().signInBlocking(authorizeUrl, SimulatedAccount.DEFAULT_USERNAME,
            SimulatedAccount.DEFAULT_PASSWORD);
    }

    static void through(WebTestClient web) {
        Views.LoginView login = web.post().uri("/api/login").exchange()
            .expectStatus().isOk()
            .expectBody(Views.LoginView.class).returnResult().getResponseBody();
        web.post().uri("/api/login/complete").bodyValue(Map.of("redirectUrl", pastedUrlFor(login.authorizeUrl())))
            .exchange()
            .expectStatus().isNoContent();
    }
}
