package io.github.connectedcar.testing;

import io.github.connectedcar.auth.InMemoryTokenStore;
import io.github.connectedcar.auth.TokenSet;
import io.github.connectedcar.auth.TokenStore;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * An in-memory store that notes each completed save ({@code "saved <refresh token>"}) in a list the test shares with
 * its transport routes, so the order of "stored" and "sent" can be asserted. Saves may take a while (virtual time).
 */
public final class RecordingTokenStore implements TokenStore {
    private final InMemoryTokenStore delegate = new InMemoryTokenStore();
    private final List<String> events;
    private volatile Duration saveDelay = Duration.ZERO;

    public RecordingTokenStore(List<String> events) {
        this.events = events;
    }

    /** Makes every save take this long (a slow disk), so a caller that does not wait for it shows. */
    public RecordingTokenStore saveDelay(Duration value) {
        this.saveDelay = value;
        return this;
    }

    @Override
    public Mono<TokenSet> load(String account) {
        return delegate.load(account);
    }

    @Override
    public Mono<Void> save(String account, TokenSet tokens) {
        Mono<Void> save = delegate.save(account, tokens)
            .then(Mono.fromRunnable(() -> events.add("saved " + tokens.refreshToken())));
        return saveDelay.isZero() ? save : Mono.delay(saveDelay).then(save);
    }

    @Override
    public Mono<Void> delete(String account) {
        return delegate.delete(account);
    }
}
