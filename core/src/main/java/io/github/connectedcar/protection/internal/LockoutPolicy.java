package io.github.connectedcar.protection.internal;

import io.github.connectedcar.exception.AccountLockoutProtectionException;
import io.github.connectedcar.ford.internal.FordApi;
import io.github.connectedcar.http.AuthScheme;
import io.github.connectedcar.http.HttpRequest;
import io.github.connectedcar.http.HttpResponse;
import io.github.connectedcar.http.internal.HttpPipelineNext;
import io.github.connectedcar.http.internal.HttpPipelinePolicy;
import io.github.connectedcar.protection.LockoutOptions;
import io.github.connectedcar.protection.LockoutState;
import io.github.connectedcar.usage.AccountLockout;
import io.github.connectedcar.usage.UsageStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Stops calling Ford for the account after repeated authentication failures ({@link LockoutOptions}), by the
 * client's clock. It records a 401 that survived the token policy's renewal (it sits before the token policy) and a
 * 403 from a Ford service (not the HTML page of Ford's firewall) as failures, and a 2xx answer to a request carrying
 * a credential as a success; everything else is not counted. After {@link LockoutOptions#failuresToOpen()} failures
 * in a row no request leaves until {@link LockoutOptions#coolDown()} has passed: each fails with
 * {@link AccountLockoutProtectionException}. The next request after the cool-down is a trial: a failure stops calls
 * again at once, a success clears the count; a successful new login clears it too. The login requests themselves
 * (the code exchange and the first CAT) always pass, so logging in again is always possible.
 *
 * <p>The failures and the lockout are kept in the {@link UsageStore} with the request counts, so they hold for every
 * client and process that shares it and across runs (a command line started again and again under constant 401s
 * stops too). One instance serves every pipeline of a client.
 */
public final class LockoutPolicy implements HttpPipelinePolicy {
    private static final Logger LOG = LoggerFactory.getLogger(LockoutPolicy.class);

    /** The requests of a new login: always let through; the CAT mint succeeding is a new login. */
    private static final Set<String> LOGIN_OPERATIONS = Set.of(FordApi.B2C_TOKEN.name(), FordApi.CAT_MINT.name());

    private final LockoutOptions options;
    private final Clock clock;
    private final UsageStore store;
    private final String account;
    /** The account's lockout as last read or written, for the metrics. */
    private volatile AccountLockout last = AccountLockout.NONE;

    /**
     * @param store   keeps the account's failures and lockout (shared with other clients and processes or not)
     * @param account the account name they are kept under
     */
    public LockoutPolicy(LockoutOptions options, Clock clock, UsageStore store, String account) {
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.store = Objects.requireNonNull(store, "store");
        this.account = Objects.requireNonNull(account, "account");
    }

    @Override
    public Mono<HttpResponse> process(HttpRequest request, HttpPipelineNext next) {
        if (!options.enabled()) {
            return next.send(request);
        }
        if (LOGIN_OPERATIONS.contains(request.operation())) {
            return next.send(request).flatMap(response -> response.isSuccess()
                && request.operation().equals(FordApi.CAT_MINT.name()) ? loggedIn().thenReturn(response)
                : Mono.just(response));
        }
        return store.lockout(account).flatMap(lockout -> {
            last = lockout;
            if (lockout.isLockedAt(clock.instant())) {
                return Mono.error(lockedOut(request, lockout));
            }
            return next.send(request).flatMap(response -> {
                if (isAuthenticationFailure(response)) {
                    return record(true).thenReturn(response);
                }
                if (response.isSuccess() && request.auth() != AuthScheme.NONE && lockout.failuresInARow() > 0) {
                    return record(false).thenReturn(response);
                }
                // A success with nothing to clear, or neither proof of a working login (a token call, a 404, a 5xx)
                // nor an authentication failure.
                return Mono.just(response);
            });
        });
    }

    private Mono<AccountLockout> record(boolean failed) {
        return store.recordAuthentication(account, clock.instant(), failed, options.failuresToOpen(),
                options.coolDown())
            .doOnNext(lockout -> {
                if (failed && lockout.lockedUntil() != null && !lockout.lockedUntil().equals(last.lockedUntil())) {
                    LOG.warn("Stopped calling Ford for this account after {} authentication failures in a row, until "
                        + "{} or a new login", lockout.failuresInARow(), lockout.lockedUntil());
                }
                last = lockout;
            });
    }

    private static boolean isAuthenticationFailure(HttpResponse response) {
        if (response.status() == 401) {
            return true;
        }
        // A 403 with an HTML page is Ford's firewall (User-Agent, rate), not the account.
        return response.status() == 403
            && !new String(response.body(), StandardCharsets.UTF_8).stripLeading().startsWith("<");
    }

    private AccountLockoutProtectionException lockedOut(HttpRequest request, AccountLockout lockout) {
        Instant until = lockout.lockedUntil();
        return new AccountLockoutProtectionException("Did not send " + request.operation() + ": the SDK stopped "
            + "calling Ford for this account after " + lockout.failuresInARow() + " authentication failures in a row "
            + "(HTTP 401 after a token renewal, or 403), because repeated failures are what gets accounts disabled. "
            + "Log in again (beginLogin() then completeLogin(...)) or wait until " + until + ".", until);
    }

    /** A new login succeeded: calls flow again. Lazy. */
    public Mono<Void> loggedIn() {
        return Mono.defer(() -> {
            if (last.failuresInARow() > 0) {
                LOG.info("New login: calling Ford for this account again");
            }
            return record(false).then();
        });
    }

    /** The guard's state, as of its last look at the store. */
    public LockoutState state() {
        if (!options.enabled()) {
            return LockoutState.DISABLED;
        }
        AccountLockout lockout = last;
        if (lockout.isLockedAt(clock.instant())) {
            return LockoutState.OPEN;
        }
        return lockout.failuresInARow() >= options.failuresToOpen() ? LockoutState.HALF_OPEN : LockoutState.CLOSED;
    }

    /** Authentication failures in a row, as of the guard's last look at the store. */
    public int recentFailures() {
        return last.failuresInARow();
    }

    /** When an open guard lets a trial request through, or {@code null} when it is not open. */
    public Instant retryAt() {
        return state() == LockoutState.OPEN ? last.lockedUntil() : null;
    }
}
