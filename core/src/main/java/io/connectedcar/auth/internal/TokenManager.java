package io.connectedcar.auth.internal;

import io.connectedcar.auth.TokenSet;
import io.connectedcar.auth.TokenStore;
import io.connectedcar.exception.AccountLockoutProtectionException;
import io.connectedcar.exception.AuthenticationRequiredException;
import io.connectedcar.exception.OperationTimeoutException;
import io.connectedcar.http.AuthScheme;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Keeps one account's credentials fresh for every caller: the CAT (Ford hosts) and the TMC token (Autonomic hosts).
 *
 * <ul>
 *   <li>One cached value per layer; a token is renewed ahead of its expiry ({@link #DEFAULT_CAT_MARGIN},
 *       {@link #DEFAULT_TMC_MARGIN}) by the first call that needs it.</li>
 *   <li>Single flight: however many callers arrive while a token is renewed, one request renews it and all share
 *       the result. CAT refreshes are serialised, since two racing refreshes can void each other's rotated refresh
 *       token. A new TMC token is minted from a fresh CAT.</li>
 *   <li>A rotated refresh token is written to the {@link TokenStore} before anyone uses the new CAT.</li>
 *   <li>When renewing fails for a passing reason, the old token is used while it is still valid.</li>
 *   <li>A renewal runs to its end even when every caller cancels (so a rotated refresh token is never lost) and is
 *       bounded by {@link #DEFAULT_RENEWAL_TIMEOUT}, so it can never wedge later callers.</li>
 *   <li>When Ford refuses the refresh token ({@code errorCode 460}) the manager stops calling Ford and every call
 *       fails with {@link AuthenticationRequiredException} until the next login.</li>
 * </ul>
 * Thread-safe; all methods are lazy and non-blocking.
 */
public final class TokenManager {
    /** CAT access tokens live about 30 minutes; renew them 5 minutes early. */
    public static final Duration DEFAULT_CAT_MARGIN = Duration.ofMinutes(5);
    /** TMC tokens live about 5 minutes; renew them 30 seconds early. */
    public static final Duration DEFAULT_TMC_MARGIN = Duration.ofSeconds(30);
    /** The longest one renewal may take before it counts as failed. */
    public static final Duration DEFAULT_RENEWAL_TIMEOUT = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(TokenManager.class);

    private final String account;
    private final TokenStore store;
    private final TokenApi api;
    private final Clock clock;
    private final Duration catMargin;
    private final Duration tmcMargin;
    private final Duration renewalTimeout;

    private final SingleFlight<TokenSet> catFlight = new SingleFlight<>();
    private final SingleFlight<AccessToken> tmcFlight = new SingleFlight<>();
    private final AtomicLong catRefreshes = new AtomicLong();
    private final AtomicLong tmcExchanges = new AtomicLong();

    private volatile TokenSet cat;
    private volatile String rejectedCat;
    private volatile AccessToken tmc;
    private volatile String rejectedTmc;
    /** Set when Ford refused the refresh token: no more calls until a new login. */
    private volatile AuthenticationRequiredException loginInvalid;

    TokenManager(String account, TokenStore store, TokenApi api, Clock clock, Duration catMargin, Duration tmcMargin,
                 Duration renewalTimeout) {
        this.account = Objects.requireNonNull(account, "account");
        this.store = Objects.requireNonNull(store, "store");
        this.api = Objects.requireNonNull(api, "api");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.catMargin = Objects.requireNonNull(catMargin, "catMargin");
        this.tmcMargin = Objects.requireNonNull(tmcMargin, "tmcMargin");
        this.renewalTimeout = Objects.requireNonNull(renewalTimeout, "renewalTimeout");
    }

    /** The account these tokens belong to. */
    public String account() {
        return account;
    }

    /**
     * A valid token for the scheme, renewed first if it is near its expiry. Lazy.
     *
     * @throws AuthenticationRequiredException (as an error signal) when there is no usable login
     */
    public Mono<String> token(AuthScheme scheme) {
        return switch (scheme) {
            case CAT -> cat().map(TokenSet::accessToken);
            case TMC -> tmc().map(AccessToken::token);
            case NONE -> Mono.error(new IllegalArgumentException("No token for AuthScheme.NONE"));
        };
    }

    /**
     * Tells the manager a service refused this token (HTTP 401): the next {@link #token} renews it, unless another
     * caller has already replaced it.
     */
    public void rejected(AuthScheme scheme, String token) {
        if (scheme == AuthScheme.CAT) {
            rejectedCat = token;
        } else if (scheme == AuthScheme.TMC) {
            rejectedTmc = token;
        }
    }

    /**
     * Renews the CAT now, and the TMC token after it, whatever their expiry. Lazy.
     *
     * @throws AuthenticationRequiredException (as an error signal) when Ford refuses the refresh token
     */
    public Mono<Void> refresh() {
        // Before the first call of a run the login is only in the store: read it there, or a stored token that is
        // still valid would be used as it is instead of being renewed.
        Mono<String> currentCat = Mono.defer(() -> {
            TokenSet current = cat;
            return current != null ? Mono.just(current.accessToken()) : store.load(account).map(TokenSet::accessToken);
        });
        return currentCat
            .doOnNext(access -> rejectedCat = access)
            .then(Mono.defer(() -> {
                AccessToken currentTmc = tmc;
                if (currentTmc != null) {
                    rejectedTmc = currentTmc.token();
                }
                return tmc().then();
            }));
    }

    /** Stores the tokens of a new login and starts using them. Lazy. */
    Mono<Void> loggedIn(TokenSet tokens) {
        // A refresh still running must not overwrite the new login after it is stored.
        return catFlight.idle().then(Mono.defer(() -> store.save(account, tokens))).then(Mono.fromRunnable(() -> {
            cat = tokens;
            rejectedCat = null;
            tmc = null;
            loginInvalid = null;
        }));
    }

    /**
     * Forgets the login, in memory and in the store. Lazy. A CAT renewal already under way stores its rotated tokens
     * when it ends, so the stored login is deleted after it: otherwise the logout would be undone in the store.
     */
    Mono<Void> forget() {
        return Mono.fromRunnable(() -> {
            cat = null;
            tmc = null;
            loginInvalid = new AuthenticationRequiredException("Logged out of account '" + account
                + "'. Log in again with beginLogin() and completeLogin(...).");
        }).then(catFlight.idle()).then(Mono.defer(() -> store.delete(account)));
    }

    /** How many times the CAT was renewed by this manager. */
    public long catRefreshCount() {
        return catRefreshes.get();
    }

    /** How many TMC tokens this manager obtained. */
    public long tmcExchangeCount() {
        return tmcExchanges.get();
    }

    // --- CAT ---------------------------------------------------------------------------------------------------

    private Mono<TokenSet> cat() {
        return Mono.defer(() -> {
            if (loginInvalid != null) {
                return Mono.error(loginInvalid);
            }
            TokenSet current = cat;
            if (isUsable(current, clock.instant())) {
                return Mono.just(current);
            }
            return catFlight.run(this::renewCat);
        });
    }

    private boolean isUsable(TokenSet tokens, Instant now) {
        return tokens != null && tokens.isAccessValid(now, catMargin) && !tokens.accessToken().equals(rejectedCat);
    }

    private Mono<TokenSet> renewCat() {
        return Mono.defer(() -> {
            TokenSet current = cat;
            if (isUsable(current, clock.instant())) {
                return Mono.just(current); // renewed by the flight that just ended
            }
            Mono<TokenSet> known = current != null ? Mono.just(current) : store.load(account).doOnNext(t -> cat = t);
            return known
                .switchIfEmpty(Mono.error(() -> new AuthenticationRequiredException("No login is stored for account '"
                    + account + "'. Log in once in a browser: beginLogin(), then completeLogin(...).")))
                .flatMap(stored -> isUsable(stored, clock.instant()) ? Mono.just(stored) : refreshWith(stored));
        });
    }

    private Mono<TokenSet> refreshWith(TokenSet old) {
        Instant now = clock.instant();
        if (old.isRefreshExpired(now)) {
            return Mono.error(invalidate(new AuthenticationRequiredException("The stored login of account '"
                + account + "' expired on " + old.refreshExpiresAt() + ". Log in again in a browser.")));
        }
        LOG.debug("Renewing the CAT of account '{}'", account);
        return api.refreshCat(old.refreshToken())
            // Store the rotated refresh token before anyone uses the new CAT: the old one is now void.
            .flatMap(fresh -> store.save(account, fresh)
                .onErrorResume(e -> {
                    LOG.warn("Could not store the renewed tokens of account '{}' ({}); they are kept in memory, but "
                        + "a restart will need a new login", account, e.getMessage());
                    return Mono.empty();
                })
                .thenReturn(fresh))
            .doOnNext(fresh -> {
                cat = fresh;
                rejectedCat = null;
                catRefreshes.incrementAndGet();
            })
            .timeout(renewalTimeout, Mono.error(() -> renewalTimedOut("CAT")))
            .onErrorResume(error -> {
                if (isLoginRefused(error)) {
                    return Mono.error(invalidate((AuthenticationRequiredException) error));
                }
                if (old.isAccessValid(clock.instant(), Duration.ZERO) && !old.accessToken().equals(rejectedCat)) {
                    LOG.warn("Renewing the CAT of account '{}' failed ({}); using the current one until it expires at "
                        + "{}", account, error.getMessage(), old.accessExpiresAt());
                    return Mono.just(old);
                }
                return Mono.error(error);
            });
    }

    /** The SDK's own timeout error instead of Reactor's bare {@link java.util.concurrent.TimeoutException}. */
    private OperationTimeoutException renewalTimedOut(String what) {
        return new OperationTimeoutException("Renewing the " + what + " of account '" + account + "' got no answer "
            + "within " + renewalTimeout.toSeconds() + " s; the next call tries again.", renewalTimeout);
    }

    /**
     * Whether Ford itself refused a credential. The SDK's own lockout guard refusing to send a token call is not such
     * a verdict (it is an {@link AuthenticationRequiredException} too): it must neither void the login nor the CAT, or
     * calls would stay refused after the guard's cool-down.
     */
    private static boolean isLoginRefused(Throwable error) {
        return error instanceof AuthenticationRequiredException && !(error instanceof AccountLockoutProtectionException);
    }

    private AuthenticationRequiredException invalidate(AuthenticationRequiredException reason) {
        loginInvalid = reason;
        tmc = null;
        return reason;
    }

    // --- TMC ---------------------------------------------------------------------------------------------------

    private Mono<AccessToken> tmc() {
        return Mono.defer(() -> {
            if (loginInvalid != null) {
                return Mono.error(loginInvalid);
            }
            AccessToken current = tmc;
            if (isUsable(current, clock.instant())) {
                return Mono.just(current);
            }
            return tmcFlight.run(this::renewTmc);
        });
    }

    private boolean isUsable(AccessToken token, Instant now) {
        return token != null && token.isValid(now, tmcMargin) && !token.token().equals(rejectedTmc);
    }

    private Mono<AccessToken> renewTmc() {
        return Mono.defer(() -> {
            AccessToken old = tmc;
            if (isUsable(old, clock.instant())) {
                return Mono.just(old);
            }
            return cat()
                .flatMap(catTokens -> api.exchangeTmc(catTokens.accessToken())
                    .onErrorResume(TokenManager::isLoginRefused, refused -> {
                        // Autonomic refused the CAT: renew the CAT once and exchange again.
                        rejected(AuthScheme.CAT, catTokens.accessToken());
                        return cat().flatMap(fresh -> api.exchangeTmc(fresh.accessToken()));
                    }))
                .doOnNext(fresh -> {
                    tmc = fresh;
                    rejectedTmc = null;
                    tmcExchanges.incrementAndGet();
                })
                .timeout(renewalTimeout, Mono.error(() -> renewalTimedOut("TMC token")))
                .onErrorResume(error -> {
                    if (!isLoginRefused(error) && old != null
                        && old.isValid(clock.instant(), Duration.ZERO) && !old.token().equals(rejectedTmc)) {
                        LOG.warn("Renewing the TMC token of account '{}' failed ({}); using the current one",
                            account, error.getMessage());
                        return Mono.just(old);
                    }
                    return Mono.error(error);
                });
        });
    }

    @Override
    public String toString() {
        return "TokenManager[account=" + account + ", store=" + store + "]";
    }
}
