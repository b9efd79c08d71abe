package io.connectedcar.auth;

import io.connectedcar.Region;
import io.connectedcar.Endpoints;
import io.connectedcar.exception.AuthenticationRequiredException;
import io.connectedcar.implementation.FordApi;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Logging in to a FordPass account. Ford's login page blocks headless password logins, so a person signs in once in
 * a desktop browser:
 * <ol>
 *   <li>{@link #beginLogin()} gives a {@link PendingLogin} with the URL to open;</li>
 *   <li>the person signs in and copies the final {@code fordapp://userauthorized/?code=…} URL (from the browser's
 *       network panel);</li>
 *   <li>{@link #completeLogin(PendingLogin, String)} exchanges it for tokens and stores them.</li>
 * </ol>
 * The stored refresh token lasts months; the {@link TokenManager} renews everything else. All methods are lazy:
 * nothing happens until subscription.
 */
public final class AuthAsyncClient {
    /** A URL's scheme and host (no user info, path or query), for messages about a wrong paste. */
    private static final Pattern URL_START = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]{0,20}://[A-Za-z0-9.-]{0,60}");

    private final TokenApi api;
    private final TokenManager tokens;
    private final Endpoints endpoints;
    private final Region region;
    private final Clock clock;

    AuthAsyncClient(TokenApi api, TokenManager tokens, Endpoints endpoints, Region region, Clock clock) {
        this.api = api;
        this.tokens = tokens;
        this.endpoints = endpoints;
        this.region = region;
        this.clock = clock;
    }

    /**
     * Starts a login: makes a PKCE verifier and the authorize URL to open. Sends nothing. Each subscription makes a
     * new verifier.
     */
    public Mono<PendingLogin> beginLogin() {
        return Mono.fromSupplier(() -> {
            String verifier = Pkce.newVerifier();
            URI url = FordApi.authorizeUrl(endpoints, region, Pkce.challenge(verifier));
            return new PendingLogin(url, verifier, FordApi.redirectUri(region), region, clock.instant());
        })
            // SecureRandom may read /dev/urandom (blocking file I/O): never on the caller's, maybe non-blocking, thread.
            .subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * Finishes a login with the URL the browser ended on: exchanges the code (with the pending login's verifier),
     * mints the CAT, stores the tokens, and checks them by obtaining a TMC token. Lazy.
     *
     * @param pending           from {@link #beginLogin()}
     * @param pastedRedirectUrl the whole {@code fordapp://userauthorized/?code=…} URL
     * @throws IllegalArgumentException (thrown at once) when the URL is not such a URL, saying what is wrong
     * @throws AuthenticationRequiredException (as an error signal) when Ford refuses the code
     */
    public Mono<Void> completeLogin(PendingLogin pending, String pastedRedirectUrl) {
        Objects.requireNonNull(pending, "pending");
        String code = codeFrom(pastedRedirectUrl, pending.redirectUri());
        return api.exchangeCode(code, pending.codeVerifier(), pending.redirectUri())
            .flatMap(api::mintCat)
            .flatMap(tokens::loggedIn)
            .then(tokens.token(io.connectedcar.http.AuthScheme.TMC))
            .then();
    }

    /**
     * Renews the CAT and the TMC token now. Lazy.
     *
     * @throws AuthenticationRequiredException (as an error signal) when there is no login or Ford refuses it
     */
    public Mono<Void> refresh() {
        return tokens.refresh();
    }

    /** Forgets the stored login of this account (Ford has no logout call; the tokens simply go unused). Lazy. */
    public Mono<Void> logout() {
        return tokens.forget();
    }

    /** The token manager behind this account. */
    public TokenManager tokenManager() {
        return tokens;
    }

    /**
     * The authorization code in a pasted redirect URL.
     *
     * @throws IllegalArgumentException naming what is wrong (never echoing the code)
     */
    static String codeFrom(String pasted, String redirectUri) {
        if (pasted == null || pasted.isBlank()) {
            throw new IllegalArgumentException("No URL was given. Paste the whole " + redirectUri
                + "/?code=... URL the browser ended on after signing in.");
        }
        String url = pasted.strip();
        if (url.startsWith("\"") && url.endsWith("\"") && url.length() > 1) {
            url = url.substring(1, url.length() - 1);
        }
        if (!url.toLowerCase(Locale.ROOT).startsWith(redirectUri.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("The pasted URL must start with " + redirectUri + " but "
                + describeStart(url) + ". After signing in, copy the " + redirectUri + "/?code=... URL from the "
                + "browser's network panel (the last request), not the address bar.");
        }
        int query = url.indexOf('?');
        String code = null;
        String error = null;
        if (query >= 0) {
            for (String pair : url.substring(query + 1).split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (name.equals("code")) {
                    code = value;
                } else if (name.equals("error_description") || (name.equals("error") && error == null)) {
                    error = value;
                }
            }
        }
        if (error != null) {
            throw new IllegalArgumentException("Ford's login ended with an error instead of a code: " + error
                + ". Start a new login.");
        }
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("The pasted URL holds no code= parameter. Copy the whole "
                + redirectUri + "/?code=... URL; the code is long, so make sure it was not cut off.");
        }
        return code;
    }

    /**
     * How a pasted text that is not the redirect URL starts: its scheme and host at most, since anything else (a
     * code pasted on its own, a path, a query) may be the secret itself.
     */
    private static String describeStart(String pasted) {
        Matcher url = URL_START.matcher(pasted);
        return url.lookingAt() ? "starts with '" + url.group() + "'" : "is not a URL";
    }

    @Override
    public String toString() {
        return "AuthAsyncClient[account=" + tokens.account() + ", region=" + region.name() + "]";
    }
}
