package io.github.connectedcar.auth.internal;

import io.github.connectedcar.auth.TokenSet;
import io.github.connectedcar.auth.TokenStore;
import io.github.connectedcar.exception.AccountLockoutProtectionException;
import io.github.connectedcar.exception.AuthenticationRequiredException;
import io.github.connectedcar.http.AuthScheme;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Keeps one account's credentials fresh for every caller: the CAT (Ford hosts) and the TMC token (Autonomic hosts),
 * each in its own {@link TokenCache} (single flight, renewal ahead of expiry, the old token while renewing fails,
 * a back-off after a failed renewal, cancel-safe, bounded by {@link #DEFAULT_RENEWAL_TIMEOUT}). On top of the two
 * caches this class knows how the layers relate:
 * <ul>
 *   <li>the CAT comes from the {@link TokenStore} at first, then from Ford's refresh; a rotated refresh token is
 *       written to the store before anyone uses the new CAT;</li>
 *   <li>a TMC token is minted from a valid CAT; when Autonomic refuses the CAT, the CAT is renewed once and the
 *       exchange repeated;</li>
 *   <li>when Ford refuses the refresh token ({@code errorCode 460}) the manager stops calling Ford and every call
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
    /** The wait after a failed renewal before Ford is asked again; it doubles with each failure. */
    public static final Duration DEFAULT_RENEWAL_BACKOFF = Duration.ofSeconds(10);
    /** The longest wait between failed renewals. */
    public static final Duration DEFAULT_MAX_RENEWAL_BACKOFF = Duration.ofMinutes(5);

    /** The longest a new TMC token waits to be stored for the next process. */
    static final Duration KEEP_TMC_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(TokenManager.class);

    private final String account;
    private final TokenStore store;
    private final TokenApi api;
    private final TokenCache<TokenSet> cat;
    private final TokenCache<AccessToken> tmc;
    private final AtomicLong catRefreshes = new AtomicLong();
    private final AtomicLong tmcExchanges = new AtomicLong();

    /** Set when Ford refused the refresh token (or on logout): no more calls to Ford until a new login. */
    private volatile AuthenticationRequiredException loginInvalid;
    /** The stored tokens whose refresh Ford refused; a different stored login (made elsewhere) is used again. */
    private volatile TokenSet refusedLogin;

    TokenManager(String account, TokenStore store, TokenApi api, Clock clock, Duration catMargin, Duration tmcMargin,
                 Duration renewalTimeout) {
        this.account = Objects.requireNonNull(account, "account");
        this.store = Objects.requireNonNull(store, "store");
        this.api = Objects.requireNonNull(api, "api");
        Objects.requireNonNull(clock, "clock");
        this.cat = new TokenCache<>("CAT of account '" + account + "'", new CatLayer(clock), clock, catMargin,
            renewalTimeout, DEFAULT_RENEWAL_BACKOFF, DEFAULT_MAX_RENEWAL_BACKOFF, error -> !isLoginRefused(error));
        this.tmc = new TokenCache<>("TMC token of account '" + account + "'", new TmcLayer(clock), clock, tmcMargin,
            renewalTimeout, DEFAULT_RENEWAL_BACKOFF, DEFAULT_MAX_RENEWAL_BACKOFF, error -> !isLoginRefused(error));
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
        // Nearly every call finds its token at hand: one step instead of the renewal's chain of operators.
        return Mono.defer(() -> {
            String ready = readyToken(scheme);
            return ready != null ? Mono.just(ready) : renewedToken(scheme).flatMap(TokenManager::offTheEventLoop);
        });
    }

    /**
     * A renewed token, handed on from Reactor's parallel threads when it arrived on a non-blocking thread (an event
     * loop of the transport). Every call that needed the renewal waited for it, and would otherwise go on from the
     * loop its answer arrived on: Reactor Netty opens a connection asked for on an event loop on that same loop, so a
     * burst of calls at start-up put every connection of the pool on one thread for the pool's life (half the
     * throughput at concurrency 64, BENCHMARKS.md). Renewals are rare; the hop costs nothing that counts. Elsewhere
     * (a test's thread, virtual time) the token is handed on where it is.
     */
    private static Mono<String> offTheEventLoop(String token) {
        Mono<String> renewed = Mono.just(token);
        return Schedulers.isInNonBlockingThread() ? renewed.publishOn(Schedulers.parallel()) : renewed;
    }

    private Mono<String> renewedToken(AuthScheme scheme) {
        return switch (scheme) {
            case CAT -> cat().map(TokenSet::accessToken);
            case TMC -> tmc().map(AccessToken::token);
            case NONE -> Mono.error(new IllegalArgumentException("No token for AuthScheme.NONE"));
        };
    }

    /**
     * The token for the scheme when one is at hand that {@link #token} would hand out as it is (the login usable, the
     * token valid for longer than its renewal margin and not refused), else {@code null} (a renewal is due).
     */
    private String readyToken(AuthScheme scheme) {
        if (loginInvalid != null) {
            return null;
        }
        return switch (scheme) {
            case CAT -> {
                TokenSet login = cat.fresh();
                yield login == null ? null : login.accessToken();
            }
            case TMC -> {
                AccessToken token = tmc.fresh();
                yield token == null ? null : token.token();
            }
            case NONE -> null;
        };
    }

    /**
     * Tells the manager a service refused this token (HTTP 401): the next {@link #token} renews it, unless another
     * caller has already replaced it.
     */
    public void rejected(AuthScheme scheme, String token) {
        if (scheme == AuthScheme.CAT) {
            cat.rejected(token);
        } else if (scheme == AuthScheme.TMC) {
            tmc.rejected(token);
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
        Mono<TokenSet> current = Mono.defer(() -> {
            TokenSet known = cat.current();
            return known != null ? Mono.just(known) : store.load(account).doOnNext(cat::set);
        });
        return current
            .doOnNext(known -> cat.rejected(known.accessToken()))
            .then(Mono.fromRunnable(tmc::rejectCurrent))
            .then(tmc().then());
    }

    /** Stores the tokens of a new login and starts using them. Lazy. */
    Mono<Void> loggedIn(TokenSet tokens) {
        // A refresh still running must not overwrite the new login after it is stored.
        return cat.idle().then(Mono.defer(() -> store.save(account, tokens))).then(Mono.fromRunnable(() -> {
            cat.set(tokens);
            tmc.set(null);
            loginInvalid = null;
            refusedLogin = null;
        }));
    }

    /**
     * Forgets the login, in memory and in the store. Lazy. A CAT renewal already under way stores its rotated tokens
     * when it ends, so the stored login is deleted after it: otherwise the logout would be undone in the store.
     */
    Mono<Void> forget() {
        return Mono.fromRunnable(() -> {
            cat.set(null);
            tmc.set(null);
            refusedLogin = null;
            loginInvalid = new AuthenticationRequiredException("Logged out of account '" + account
                + "'. Log in again with beginLogin() and completeLogin(...).");
        }).then(cat.idle()).then(Mono.defer(() -> store.delete(account)));
    }

    /** How many times the CAT was renewed by this manager. */
    public long catRefreshCount() {
        return catRefreshes.get();
    }

    /** How many TMC tokens this manager obtained. */
    public long tmcExchangeCount() {
        return tmcExchanges.get();
    }

    private Mono<TokenSet> cat() {
        return usableLogin().then(cat.get());
    }

    private Mono<AccessToken> tmc() {
        return usableLogin().then(tmc.get());
    }

    /**
     * Completes when the login may be used, else fails with why not. After Ford refused the refresh token, a login
     * that another process (or a command line) has stored since is taken up instead of being overwritten or ignored.
     */
    private Mono<Void> usableLogin() {
        return Mono.defer(() -> {
            AuthenticationRequiredException invalid = loginInvalid;
            TokenSet refused = refusedLogin;
            if (invalid == null) {
                return Mono.empty();
            }
            if (refused == null) {
                return Mono.error(invalid); // logged out here
            }
            return store.load(account)
                .filter(stored -> !stored.refreshToken().equals(refused.refreshToken()))
                .doOnNext(newer -> {
                    LOG.info("Account '{}' has a new stored login; using it", account);
                    cat.set(newer);
                    tmc.set(null);
                    refusedLogin = null;
                    loginInvalid = null;
                })
                .switchIfEmpty(Mono.error(invalid))
                .onErrorMap(error -> !(error instanceof AuthenticationRequiredException), error -> invalid)
                .then();
        });
    }

    /**
     * Whether Ford itself refused a credential. The SDK's own lockout guard refusing to send a token call is not such
     * a verdict (it is an {@link AuthenticationRequiredException} too): it must neither void the login nor the CAT, or
     * calls would stay refused after the guard's cool-down.
     */
    private static boolean isLoginRefused(Throwable error) {
        return error instanceof AuthenticationRequiredException && !(error instanceof AccountLockoutProtectionException);
    }

    private AuthenticationRequiredException invalidate(TokenSet refused, AuthenticationRequiredException reason) {
        refusedLogin = refused;
        loginInvalid = reason;
        tmc.set(null);
        return reason;
    }

    @Override
    public String toString() {
        return "TokenManager[account=" + account + ", store=" + store + "]";
    }

    /** The CAT: read from the store at first, then renewed with the refresh token (which rotates). */
    private final class CatLayer implements TokenCache.Layer<TokenSet> {
        private final Clock clock;

        CatLayer(Clock clock) {
            this.clock = clock;
        }

        @Override
        public String token(TokenSet value) {
            return value.accessToken();
        }

        @Override
        public Instant expiresAt(TokenSet value) {
            return value.accessExpiresAt();
        }

        /**
         * Renews through the store, which makes it exclusive across the processes that share it: the stored tokens
         * are read under its lock, and when another process has renewed them already they are used as they are.
         */
        @Override
        public Mono<TokenSet> renew(TokenSet current) {
            return store.renew(account, stored -> {
                TokenSet newest = newer(current, stored.orElse(null));
                if (newest == null) {
                    return Mono.error(new AuthenticationRequiredException("No login is stored for account '"
                        + account + "'. Log in once in a browser: beginLogin(), then completeLogin(...)."));
                }
                return cat.isFresh(newest, clock.instant()) ? Mono.just(newest) : refreshWith(newest);
            });
        }

        /**
         * The later issued of two token sets (its CAT expires later): the one in memory may be newer than the stored
         * one when saving failed, the stored one when another process renewed.
         */
        private static TokenSet newer(TokenSet a, TokenSet b) {
            if (a == null || b == null) {
                return a == null ? b : a;
            }
            return b.accessExpiresAt().isAfter(a.accessExpiresAt()) ? b : a;
        }

        private Mono<TokenSet> refreshWith(TokenSet old) {
            if (old.isRefreshExpired(clock.instant())) {
                return Mono.error(invalidate(old, new AuthenticationRequiredException("The stored login of account '"
                    + account + "' expired on " + old.refreshExpiresAt() + ". Log in again in a browser.")));
            }
            LOG.debug("Renewing the CAT of account '{}'", account);
            // The store saves the rotated refresh token before anyone may renew again: the old one is now void.
            return api.refreshCat(old.refreshToken())
                .doOnNext(fresh -> catRefreshes.incrementAndGet())
                .onErrorMap(TokenManager::isLoginRefused,
                    refused -> invalidate(old, (AuthenticationRequiredException) refused));
        }
    }

    /**
     * The TMC token: exchanged for a valid CAT at Autonomic, and kept in the store beside the login, so that the next
     * process (a command line run a minute later) uses it while it is fresh instead of exchanging again.
     */
    private final class TmcLayer implements TokenCache.Layer<AccessToken> {
        private final Clock clock;

        TmcLayer(Clock clock) {
            this.clock = clock;
        }

        @Override
        public String token(AccessToken value) {
            return value.token();
        }

        @Override
        public Instant expiresAt(AccessToken value) {
            return value.expiresAt();
        }

        @Override
        public Mono<AccessToken> renew(AccessToken current) {
            return cat().flatMap(login -> {
                AccessToken stored = login.tmcToken() == null ? null
                    : new AccessToken(login.tmcToken(), login.tmcExpiresAt());
                if (stored != null && tmc.isFresh(stored, clock.instant())) {
                    return Mono.just(stored); // obtained with this login by an earlier run or another process
                }
                return api.exchangeTmc(login.accessToken()).map(fresh -> new Exchanged(login, fresh))
                    .onErrorResume(TokenManager::isLoginRefused, refused -> {
                        // Autonomic refused the CAT: renew the CAT once and exchange again.
                        cat.rejected(login.accessToken());
                        return cat().flatMap(renewed -> api.exchangeTmc(renewed.accessToken())
                            .map(fresh -> new Exchanged(renewed, fresh)));
                    })
                    .doOnNext(exchanged -> tmcExchanges.incrementAndGet())
                    .flatMap(exchanged -> keep(exchanged).thenReturn(exchanged.tmc()));
            });
        }

        /**
         * Stores the new TMC token beside the login it was obtained with, under the store's renewal lock so that a
         * login renewed or replaced meanwhile (by another process) is neither overwritten nor given it. A store that
         * cannot take it costs the next process one exchange, nothing more.
         */
        private Mono<Void> keep(Exchanged exchanged) {
            String cat = exchanged.login().accessToken();
            return store.renew(account, stored -> Mono.justOrEmpty(stored)
                    .map(login -> login.accessToken().equals(cat)
                        ? login.withTmc(exchanged.tmc().token(), exchanged.tmc().expiresAt()) : login))
                .then()
                // Another process renewing the login holds the lock for as long as that takes: not worth the wait.
                .timeout(KEEP_TMC_TIMEOUT)
                .onErrorResume(error -> {
                    LOG.debug("Could not keep the TMC token of account '{}' in {} ({})", account, store,
                        error.getMessage());
                    return Mono.empty();
                });
        }
    }

    /** A TMC token and the login whose CAT it was exchanged for. */
    private record Exchanged(TokenSet login, AccessToken tmc) {
    }
}
