package io.connectedcar.testing;

import io.connectedcar.ConnectedCarAsyncClient;
import io.connectedcar.ConnectedCarClientBuilder;
import io.connectedcar.Endpoints;
import io.connectedcar.RetryOptions;
import io.connectedcar.auth.InMemoryTokenStore;
import io.connectedcar.auth.TokenSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Clients over an {@link InMemoryTransport}, logged in through {@link FakeFordAuth}. */
public final class TestClients {
    /** Where the in-memory clients think Ford lives; nothing listens there. */
    public static final String BASE_URL = "http://127.0.0.1:9";

    private TestClients() {
    }

    /**
     * A builder whose stored login has an expired CAT and a valid refresh token, so the first call renews it
     * (on the clock of the moment, virtual time included). Retries are off; add them back where a test needs them.
     */
    public static ConnectedCarClientBuilder loggedIn(InMemoryTransport transport, FakeFordAuth auth) {
        InMemoryTokenStore store = new InMemoryTokenStore();
        store.save(ConnectedCarClientBuilder.DEFAULT_ACCOUNT,
            new TokenSet("cat-stale", Instant.EPOCH, auth.seedRefreshToken(), null)).block();
        auth.install(transport);
        return new ConnectedCarClientBuilder()
            .transport(transport)
            .endpoints(Endpoints.allAt(BASE_URL))
            .tokenStore(store)
            .retryOptions(RetryOptions.none());
    }

    public static ConnectedCarAsyncClient loggedInAsync(InMemoryTransport transport, FakeFordAuth auth) {
        return loggedIn(transport, auth).buildAsyncClient();
    }

    /** A test resource as text, such as {@code fixtures/telemetry-f150-ice.json}. */
    public static String resource(String path) {
        try (InputStream in = TestClients.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
