package io.github.connectedcar.spring.boot;

import io.github.connectedcar.ClientMetrics;
import io.github.connectedcar.ConnectedCarAsyncClient;
import io.github.connectedcar.auth.TokenSet;
import io.github.connectedcar.auth.TokenStore;
import io.github.connectedcar.protection.LockoutState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;

/**
 * The account's health, read from the token store and the client's counters (no call to Ford): signed in or not,
 * days until the refresh token runs out (the person must sign in again before), the request budget left and the
 * lockout guard's state. UP when signed in and the guard lets calls through; DOWN when no usable login is stored;
 * OUT_OF_SERVICE while the guard stops calls after failed logins. Lazy: each subscription reads the store.
 */
public final class ConnectedCarHealthIndicator implements ReactiveHealthIndicator {
    private final ConnectedCarAsyncClient client;
    private final TokenStore tokenStore;
    private final String account;
    private final Clock clock;

    public ConnectedCarHealthIndicator(ConnectedCarAsyncClient client, TokenStore tokenStore, String account,
                                       Clock clock) {
        this.client = client;
        this.tokenStore = tokenStore;
        this.account = account;
        this.clock = clock;
    }

    @Override
    public Mono<Health> health() {
        return tokenStore.load(account)
            .map(Optional::of)
            .defaultIfEmpty(Optional.empty())
            .map(this::health)
            .onErrorResume(error -> Mono.just(Health.down()
                .withDetail("account", account)
                .withDetail("error", "The token store could not be read: " + error.getMessage())
                .build()));
    }

    private Health health(Optional<TokenSet> tokens) {
        Instant now = clock.instant();
        ClientMetrics metrics = client.metrics();
        boolean signedIn = tokens.isPresent() && !tokens.get().isRefreshExpired(now);
        LockoutState lockout = metrics.lockout().state();
        Health.Builder health = !signedIn ? Health.down()
            : lockout == LockoutState.OPEN ? Health.outOfService() : Health.up();
        health.withDetail("account", account)
            .withDetail("signedIn", signedIn);
        tokens.map(TokenSet::refreshExpiresAt).ifPresent(expiresAt -> health
            .withDetail("refreshTokenExpiresAt", expiresAt.toString())
            .withDetail("daysUntilRefreshTokenExpires", Math.max(0, Duration.between(now, expiresAt).toDays())));
        if (!signedIn) {
            health.withDetail("action", tokens.isPresent() ? "The login ran out: sign in again."
                : "No login is stored: sign in (connectedcar login, or the application's login page).");
        }
        health.withDetail("budgetRemaining", metrics.quota().remaining())
            .withDetail("budgetLimit", metrics.quota().dailyLimit())
            .withDetail("lockout", lockout.name());
        metrics.lockout().retryAt().ifPresent(retryAt -> health.withDetail("lockoutRetryAt", retryAt.toString()));
        return health.build();
    }
}
