package io.github.connectedcar.benchmarks;

import io.github.connectedcar.ConnectedCarClientBuilder;
import io.github.connectedcar.auth.InMemoryTokenStore;
import io.github.connectedcar.auth.TokenSet;
import io.github.connectedcar.ford.Endpoints;
import io.github.connectedcar.protection.QuotaOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Clients that are signed in already: the store holds a CAT valid for a day, so the only token call is the first
 * exchange for a TMC token (answered by the test server with {@link #TOKEN_EXCHANGE_ANSWER}), and the account budget
 * (which exists to protect a real Ford account) is off.
 */
final class SignedIn {
    /** Autonomic's answer to a token exchange: a TMC token valid for an hour. */
    static final byte[] TOKEN_EXCHANGE_ANSWER = "{\"access_token\":\"bench-tmc\",\"expires_in\":3600}"
        .getBytes(StandardCharsets.UTF_8);

    private SignedIn() {
    }

    static ConnectedCarClientBuilder builder(String baseUrl) {
        Instant dayLater = Instant.now().plus(Duration.ofDays(1));
        InMemoryTokenStore store = new InMemoryTokenStore();
        store.save(ConnectedCarClientBuilder.DEFAULT_ACCOUNT,
                new TokenSet("bench-cat", dayLater, "bench-refresh", null))
            .block(Duration.ofSeconds(5));
        return new ConnectedCarClientBuilder()
            .endpoints(Endpoints.allAt(baseUrl))
            .tokenStore(store)
            .quota(QuotaOptions.unlimited());
    }
}
