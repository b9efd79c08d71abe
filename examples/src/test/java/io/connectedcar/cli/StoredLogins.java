package io.connectedcar.cli;

import io.connectedcar.ConnectedCarAsyncClient;
import io.connectedcar.ConnectedCarClientBuilder;
import io.connectedcar.auth.FileTokenStore;
import io.connectedcar.ford.Endpoints;
import io.connectedcar.simulator.BrowserLogin;
import io.connectedcar.simulator.SimulatedAccount;
import java.nio.file.Path;
import java.time.Duration;

/** Stores a login of the simulator's demo account in a token file, the way the SDK does, so CLI runs can use it. */
final class StoredLogins {
    private StoredLogins() {
    }

    /** Logs the demo account in through the simulator's browser flow at {@code baseUrl}, tokens into the file. */
    static void logIn(String baseUrl, Path tokenFile) {
        try (ConnectedCarAsyncClient client = new ConnectedCarClientBuilder()
                .endpoints(Endpoints.allAt(baseUrl))
                .tokenStore(new FileTokenStore(tokenFile))
                .buildAsyncClient()) {
            client.auth().beginLogin()
                .flatMap(pending -> new BrowserLogin().signIn(pending.authorizeUrl().toString(),
                        SimulatedAccount.DEFAULT_USERNAME, SimulatedAccount.DEFAULT_PASSWORD)
                    .flatMap(url -> client.auth().completeLogin(pending, url)))
                .block(Duration.ofSeconds(30));
        }
    }
}
