package io.github.connectedcar.testing;

import io.github.connectedcar.ConnectedCarAsyncClient;
import io.github.connectedcar.ConnectedCarClientBuilder;
import io.github.connectedcar.auth.AuthAsyncClient;
import io.github.connectedcar.auth.InMemoryTokenStore;
import io.github.connectedcar.auth.TokenSet;
import io.github.connectedcar.auth.TokenStore;
import io.github.connectedcar.http.RetryOptions;
import io.github.connectedcar.protection.QuotaOptions;
import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * Builds clients over an {@link InMemoryTransport} that plays Ford's cloud: {@link FakeFordAuth} for the token
 * endpoints, the fixture dashboard for the vehicle list and the fixture telemetry per VIN.
 */
public final class TestClients {
    public static final String F150_VIN = "1FTFW1E50PFA00001";
    public static final String MACH_E_VIN = "3FMTK3SU5MMA00002";
    /** What the person pastes after signing in. */
    public static final String PASTED_REDIRECT = "fordapp://userauthorized/?code=" + FakeFordAuth.CODE;

    private TestClients() {
    }

    /** Vehicle list (207 with the fixture dashboard) and telemetry of both fixture VINs (404 for other VINs). */
    public static InMemoryTransport withVehicleRoutes(InMemoryTransport transport) {
        String dashboard = FixtureFiles.text(FixtureFiles.DASHBOARD);
        String f150 = FixtureFiles.text(FixtureFiles.F150);
        String machE = FixtureFiles.text(FixtureFiles.MACH_E);
        transport.on("vehicles", request -> Mono.just(InMemoryTransport.json(request, 207, dashboard)));
        transport.on("telemetry", request -> {
            String path = request.uri().getPath();
            if (path.endsWith("/" + F150_VIN)) {
                return Mono.just(InMemoryTransport.json(request, 200, f150));
            }
            if (path.endsWith("/" + MACH_E_VIN)) {
                return Mono.just(InMemoryTransport.json(request, 200, machE));
            }
            return Mono.just(InMemoryTransport.json(request, 404,
                "{\"code\":\"NOT_FOUND\",\"message\":\"vehicle not found\",\"referenceId\":\"ref-404\"}"));
        });
        return transport;
    }

    /**
     * A builder on the transport with an in-memory store, no retries and no request budget (tests of retries and of
     * the budget set their own).
     */
    public static ConnectedCarClientBuilder builder(InMemoryTransport transport) {
        return builder(transport, new InMemoryTokenStore());
    }

    public static ConnectedCarClientBuilder builder(InMemoryTransport transport, TokenStore store) {
        return new ConnectedCarClientBuilder()
            .transport(transport)
            .tokenStore(store)
            .retryOptions(RetryOptions.none())
            .quota(QuotaOptions.unlimited());
    }

    /**
     * A builder whose stored login has an expired CAT and a valid refresh token, so the first call renews it on the
     * clock of the moment (virtual time included); {@code auth}'s token routes are installed on the transport.
     */
    public static ConnectedCarClientBuilder loggedIn(InMemoryTransport transport, FakeFordAuth auth) {
        InMemoryTokenStore store = new InMemoryTokenStore();
        store.save(ConnectedCarClientBuilder.DEFAULT_ACCOUNT,
            new TokenSet("cat-stale", Instant.EPOCH, auth.seedRefreshToken(), null)).block();
        auth.install(transport);
        return builder(transport, store);
    }

    public static ConnectedCarAsyncClient loggedInAsync(InMemoryTransport transport, FakeFordAuth auth) {
        return loggedIn(transport, auth).buildAsyncClient();
    }

    /** The whole browser login, with the code {@link FakeFordAuth} accepts. Lazy. */
    public static Mono<Void> login(ConnectedCarAsyncClient client) {
        return login(client.auth());
    }

    public static Mono<Void> login(AuthAsyncClient auth) {
        return auth.beginLogin().flatMap(pending -> auth.completeLogin(pending, PASTED_REDIRECT));
    }
}
