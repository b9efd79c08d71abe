package io.connectedcar.benchmarks;

import io.connectedcar.ConnectedCarClientBuilder;
import io.connectedcar.auth.InMemoryTokenStore;
import io.connectedcar.auth.TokenSet;
import io.connectedcar.ford.Endpoints;
import io.connectedcar.protection.QuotaOptions;
import java.time.Duration;
import java.time.Instant;

/**
 * Clients that are signed in already: the store holds a CAT and a TMC token valid for a day, so no run makes a token
 * call, and the account budget (which exists to protect a real Ford account) is off.
 */
final class SignedIn {
    private SignedIn() {
    }

    static ConnectedCarClientBuilder builder(String baseUrl) {
        Instant dayLater = Instant.now().plus(Duration.ofDays(1));
        InMemoryTokenStore store = new InMemoryTokenStore();
        store.save(ConnectedCarClientBuilder.DEFAULT_ACCOUNT,
                new TokenSet("bench-cat", dayLater, "bench-refresh", null, "bench-tmc", dayLater))
            .block(Duration.ofSeconds(5));
        return new ConnectedCarClientBuilder()
            .endpoints(Endpoints.allAt(baseUrl))
            .tokenStore(store)
            .quota(QuotaOptions.unlimited());
    }
}
