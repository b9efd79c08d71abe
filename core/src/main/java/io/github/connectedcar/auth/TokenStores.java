package io.github.connectedcar.auth;

import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/** The body of {@link TokenStore#renew} that every store shares; the lock around it is each store's own. */
final class TokenStores {
    private static final Logger LOG = LoggerFactory.getLogger(TokenStore.class);

    private TokenStores() {
    }

    /** Reads, renews, and saves what changed; a failed save is logged and the new tokens are given all the same. */
    static Mono<TokenSet> renewUnlocked(TokenStore store, String account,
                                        Function<Optional<TokenSet>, Mono<TokenSet>> renewal) {
        return store.load(account).map(Optional::of).defaultIfEmpty(Optional.empty())
            .flatMap(stored -> renewal.apply(stored).flatMap(fresh -> stored.filter(fresh::equals).isPresent()
                ? Mono.just(fresh)
                : store.save(account, fresh)
                    .onErrorResume(error -> {
                        LOG.warn("Could not store the renewed tokens of account '{}' in {} ({}); they are kept in "
                            + "memory, but another process or a restart will need a new login", account, store,
                            error.getMessage());
                        return Mono.empty();
                    })
                    .thenReturn(fresh)));
    }
}
