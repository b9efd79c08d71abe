package io.connectedcar.redis;

import io.connectedcar.auth.TokenSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Ford's token rotation in miniature: every refresh token works once, and a renewal takes a while. The renewal it
 * gives behaves as the token manager's does: stored tokens that are still fresh are handed back as they are,
 * otherwise their refresh token is spent.
 */
final class SingleUseRefreshTokens {
    private final Duration latency;
    private final AtomicInteger issued = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicReference<String> valid = new AtomicReference<>();

    SingleUseRefreshTokens(Duration latency) {
        this.latency = latency;
    }

    /** A login whose access token has just expired. */
    TokenSet expiredLogin() {
        valid.set("refresh-0");
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
        return Mono.delay(latency).then(Mono.fromCallable(() -> {
            int next = issued.get() + 1;
            if (!valid.compareAndSet(refreshToken, "refresh-" + next)) {
                refused.incrementAndGet();
                throw new IllegalStateException("errorCode 460: refresh token already used");
            }
            issued.incrementAndGet();
            return new TokenSet("access-" + next, Instant.now().plus(Duration.ofMinutes(30)), "refresh-" + next,
                Instant.now().plus(Duration.ofDays(90)));
        }));
    }

    int issued() {
        return issued.get();
    }

    int refused() {
        return refused.get();
    }
}
