package io.connectedcar.auth;

import reactor.core.publisher.Mono;

/**
 * Where logins are kept between runs, per account name, so the browser step is needed once every few months.
 * Implementations must not block the calling thread (move file or network work to a scheduler meant for it).
 */
public interface TokenStore {

    /**
     * The stored tokens of an account. Lazy.
     *
     * @return the tokens, or empty when the account has none
     * @throws TokenStoreException (as an error signal) when the store cannot be read
     */
    Mono<TokenSet> load(String account);

    /**
     * Stores (replaces) the tokens of an account. Lazy. Must be atomic: a reader sees the old or the new tokens.
     *
     * @throws TokenStoreException (as an error signal) when the store cannot be written
     */
    Mono<Void> save(String account, TokenSet tokens);

    /** Forgets an account's tokens. Lazy; completes also when there were none. */
    Mono<Void> delete(String account);
}
