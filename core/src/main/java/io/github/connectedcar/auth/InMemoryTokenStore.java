package io.github.connectedcar.auth;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/** Keeps tokens in this process only: a restart needs a new browser login. Thread-safe. */
public final class InMemoryTokenStore implements TokenStore {
    private final ConcurrentHashMap<String, TokenSet> tokens = new ConcurrentHashMap<>();

    @Override
    public Mono<TokenSet> load(String account) {
        Objects.requireNonNull(account, "account");
        return Mono.fromSupplier(() -> tokens.get(account));
    }

    @Override
    public Mono<Void> save(String account, TokenSet tokenSet) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(tokenSet, "tokens");
        return Mono.fromRunnable(() -> tokens.put(account, tokenSet));
    }

    @Override
    public Mono<Void> delete(String account) {
        Objects.requireNonNull(account, "account");
        return Mono.fromRunnable(() -> tokens.remove(account));
    }

    @Override
    public String toString() {
        return "InMemoryTokenStore[accounts=" + tokens.keySet() + "]";
    }
}
