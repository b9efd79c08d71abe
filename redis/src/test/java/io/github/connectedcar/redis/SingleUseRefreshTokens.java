package io.github.connectedcar.redis;

import io.github.connectedcar.auth.TokenSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Ford's token rotation in miniature: every refresh token works once, and a renewal takes a while. The renewal it
 * gives behaves as the token manager's does: stored tokens that are still fresh are handed back as they are,
 * otherwise their refresh token is spent.
 */
final class SingleUseRefreshTokens {
    private final Duration latency;
    private int issued;
    private int refused;
    private String valid;

    SingleUseRefreshTokens(Duration latency) {
        this.latency = latency;
    }

    /** A login whose access token has just expired. */
    synchronized TokenSet expiredLogin() {
        valid = "refresh-0";
        return new TokenSet("access-0", Instant.now().minusSeconds(1), "refresh-0", Instant.now().plusSeconds(3600));
    }

    /** The token manager's renewal: stored fresh tokens as they are, else a refresh with their refresh token. */
    Function<Optional<TokenSet>, Mono<TokenSet>> renewal() {
        return stored -> {
            TokenSet tokens = stored.orElseThrow(() -> new IllegalStateException("no login stored"));
            return tokens.isAccessValid(Instant.now(), Duration.ofMinutes(5)) ? Mono.just(tokens)
                : refresh(tokens.refreshToken());
        };
    }

    /** Spends a refresh token: new tokens after the latency, or the 460 error when it was spent already. */
    Mono<TokenSet> refresh(String refreshToken) {
        return Mono.delay(latency).then(Mono.fromCallable(() -> spend(refreshToken)));
    }

    private synchronized TokenSet spend(String refreshToken) {
        if (!refreshToken.equals(valid)) {
            refused++;
            throw new IllegalStateException("errorCode 460: refresh token already used");
        }
        issued++;
        valid = "refresh-" + issued;
        return new TokenSet("access-" + issued, Instant.now().plus(Duration.ofMinutes(30)), valid,
            Instant.now().plus(Duration.ofDays(90)));
    }

    synchronized int issued() {
        return issued;
    }

    synchronized int refused() {
        return refused;
    }
}
