package io.github.connectedcar.auth.internal;

import io.github.connectedcar.auth.AuthAsyncClient;
import io.github.connectedcar.auth.PendingLogin;
import io.github.connectedcar.ford.Endpoints;
import io.github.connectedcar.ford.Region;
import io.github.connectedcar.ford.internal.FordApi;
import io.github.connectedcar.http.AuthScheme;
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

/** Ford's login flow and the account's token manager behind {@link AuthAsyncClient}. */
public final class FordLogin implements AuthAsyncClient {
    /** A URL's scheme and host (no user info, path or query), for messages about a wrong paste. */
    private static final Pattern URL_START = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]{0,20}://[A-Za-z0-9.-]{0,60}");

    private final TokenApi api;
    private final TokenManager tokens;
    private final Endpoints endpoints;
    private final Region region;
    private final Clock clock;

    FordLogin(TokenApi api, TokenManager tokens, Endpoints endpoints, Region region, Clock clock) {
        this.api = api;
        this.tokens = tokens;
        this.endpoints = endpoints;
        this.region = region;
        this.clock = clock;
    }

    @Override
    public Mono<PendingLogin> beginLogin() {
        return Mono.fromSupplier(() -> {
            String verifier = Pkce.newVerifier();
            URI url = FordApi.authorizeUrl(endpoints, region, Pkce.challenge(verifier));
            return new PendingLogin(url, verifier, FordApi.redirectUri(region), region, clock.instant());
        })
            // SecureRandom may read /dev/urandom (blocking file I/O): never on the caller's, maybe non-blocking, thread.
            .subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public Mono<Void> completeLogin(PendingLogin pending, String pastedRedirectUrl) {
        Objects.requireNonNull(pending, "pending");
        String code = codeFrom(pastedRedirectUrl, pending.redirectUri());
        return api.exchangeCode(code, pending.codeVerifier(), pending.redirectUri())
            .flatMap(api::mintCat)
            .flatMap(tokens::loggedIn)
            .then(tokens.token(AuthScheme.TMC))
            .then();
    }

    @Override
    public Mono<Void> refresh() {
        return tokens.refresh();
    }

    @Override
    public Mono<Void> logout() {
        return tokens.forget();
    }

    /**
     * The authorization code in a pasted redirect URL.
     *
     * @throws IllegalArgumentException naming what is wrong (never echoing the code)
     */
    public static String codeFrom(String pasted, String redirectUri) {
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
