package io.github.connectedcar.auth;

import java.util.Optional;
import java.util.function.Function;
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

    /**
     * Renews an account's tokens with no other renewal of the account in between: {@code renewal} gets the tokens
     * stored now and gives the tokens to use; when they differ from the stored ones they are saved before the next
     * renewal may start. Lazy.
     *
     * <p>Ford's refresh token is single-use: a second renewal with the same one is refused ({@code errorCode 460})
     * and the person must log in again. A store that several processes share must therefore make this exclusive
     * across all of them (the file store locks the file for the account; a shared server store takes a lease), so
     * that the second process finds the tokens the first one stored, and {@code renewal} hands them back as they are
     * instead of spending their refresh token again.
     *
     * <p>The new tokens are the only valid ones once Ford has issued them: when saving them fails, they are still
     * given (a warning is logged), so this process can go on until it ends.
     *
     * <p>The default reads, renews and saves without any lock: right for a store that no other process shares (the
     * in-memory store; the token manager already runs one renewal at a time per client).
     *
     * @param renewal gets the stored tokens (empty when none are stored) and gives the tokens to use
     * @return the tokens to use
     * @throws TokenStoreException (as an error signal) when the store cannot be read or locked
     */
    default Mono<TokenSet> renew(String account, Function<Optional<TokenSet>, Mono<TokenSet>> renewal) {
        return TokenStores.renewUnlocked(this, account, renewal);
    }
}
