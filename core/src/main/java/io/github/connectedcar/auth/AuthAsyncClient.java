package io.github.connectedcar.auth;

import io.github.connectedcar.exception.AuthenticationRequiredException;
import reactor.core.publisher.Mono;

/**
 * Logging in to a FordPass account. Ford's login page blocks headless password logins, so a person signs in once in
 * a desktop browser:
 * <ol>
 *   <li>{@link #beginLogin()} gives a {@link PendingLogin} with the URL to open;</li>
 *   <li>the person signs in and copies the final {@code fordapp://userauthorized/?code=…} URL (from the browser's
 *       network panel);</li>
 *   <li>{@link #completeLogin(PendingLogin, String)} exchanges it for tokens and stores them.</li>
 * </ol>
 * The stored refresh token lasts months; the client renews everything else by itself. All methods are lazy: nothing
 * happens until subscription. Get it from {@code ConnectedCarAsyncClient.auth()}.
 */
public interface AuthAsyncClient {

    /**
     * Starts a login: makes a PKCE verifier and the authorize URL to open. Sends nothing. Each subscription makes a
     * new verifier.
     */
    Mono<PendingLogin> beginLogin();

    /**
     * Finishes a login with the URL the browser ended on: exchanges the code (with the pending login's verifier),
     * mints the CAT, stores the tokens, and checks them by obtaining a TMC token. Lazy.
     *
     * @param pending           from {@link #beginLogin()}
     * @param pastedRedirectUrl the whole {@code fordapp://userauthorized/?code=…} URL
     * @throws IllegalArgumentException (thrown at once) when the URL is not such a URL, saying what is wrong
     * @throws AuthenticationRequiredException (as an error signal) when Ford refuses the code
     */
    Mono<Void> completeLogin(PendingLogin pending, String pastedRedirectUrl);

    /**
     * Renews the CAT and the TMC token now. Lazy.
     *
     * @throws AuthenticationRequiredException (as an error signal) when there is no login or Ford refuses it
     */
    Mono<Void> refresh();

    /** Forgets the stored login of this account (Ford has no logout call; the tokens simply go unused). Lazy. */
    Mono<Void> logout();
}
