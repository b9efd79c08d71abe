package io.connectedcar.protection.internal;

import io.connectedcar.exception.AccountLockoutProtectionException;
import io.connectedcar.ford.internal.FordApi;
import io.connectedcar.http.AuthScheme;
import io.connectedcar.http.HttpRequest;
import io.connectedcar.http.HttpResponse;
import io.connectedcar.http.internal.HttpPipelineNext;
import io.connectedcar.http.internal.HttpPipelinePolicy;
import io.connectedcar.protection.LockoutOptions;
import io.connectedcar.protection.LockoutState;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Stops calling Ford for the account after repeated authentication failures ({@link LockoutOptions}): a
 * Resilience4j circuit breaker, by the client's clock, that records a 401 that survived the token policy's renewal
 * (it sits before the token policy) and a 403 from a Ford service (not the HTML page of Ford's firewall) as failures,
 * and a 2xx answer to a request carrying a credential as a success; everything else is not counted. After
 * {@link LockoutOptions#failuresToOpen()} failures in a row it opens: no request leaves, each fails with
 * {@link AccountLockoutProtectionException}. After {@link LockoutOptions#coolDown()} a few trial requests go out
 * (half-open); a successful new login closes it at once. The login requests themselves (the code exchange and the
 * first CAT) always pass, so logging in again is always possible. One instance serves every pipeline of a client.
 */
public final class LockoutPolicy implements HttpPipelinePolicy {
    private static final Logger LOG = LoggerFactory.getLogger(LockoutPolicy.class);

    /** The requests of a new login: always let through; the CAT mint succeeding is a new login. */
    private static final Set<String> LOGIN_OPERATIONS = Set.of(FordApi.B2C_TOKEN.name(), FordApi.CAT_MINT.name());

    /** What the breaker records as a failure; never leaves this class. */
    private static final class AuthenticationFailure extends RuntimeException {
        AuthenticationFailure(int status) {
            super("HTTP " + status, null, false, false);
        }
    }

    private final LockoutOptions options;
    private final Clock clock;
    private final CircuitBreaker breaker;
    private volatile Instant retryAt;

    public LockoutPolicy(LockoutOptions options, Clock clock) {
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
        int n = options.failuresToOpen();
        this.breaker = CircuitBreaker.of("connectedcar-lockout", CircuitBreakerConfig.custom()
            .slidingWindow(n, n, CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .failureRateThreshold(100)
            .slowCallRateThreshold(100)
            .slowCallDurationThreshold(Duration.ofDays(365))
            .waitDurationInOpenState(options.coolDown())
            .permittedNumberOfCallsInHalfOpenState(n)
            .automaticTransitionFromOpenToHalfOpenEnabled(false)
            .recordException(AuthenticationFailure.class::isInstance)
            .writableStackTraceEnabled(false)
            .clock(clock)
            .build());
        breaker.getEventPublisher().onStateTransition(event -> {
            if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                retryAt = clock.instant().plus(options.coolDown());
                LOG.warn("Stopped calling Ford for this account after {} authentication failures in a row, until {} "
                    + "or a new login", n, retryAt);
            }
        });
    }

    @Override
    public Mono<HttpResponse> process(HttpRequest request, HttpPipelineNext next) {
        if (!options.enabled()) {
            return next.send(request);
        }
        if (LOGIN_OPERATIONS.contains(request.operation())) {
            return next.send(request).doOnNext(response -> {
                if (response.isSuccess() && request.operation().equals(FordApi.CAT_MINT.name())) {
                    loggedIn();
                }
            });
        }
        return Mono.defer(() -> {
            if (!breaker.tryAcquirePermission()) {
                return Mono.error(lockedOut(request));
            }
            AtomicBoolean settled = new AtomicBoolean();
            return next.send(request)
                .doOnNext(response -> {
                    if (settled.compareAndSet(false, true)) {
                        record(request, response);
                    }
                })
                .doOnError(error -> {
                    if (settled.compareAndSet(false, true)) {
                        breaker.releasePermission();
                    }
                })
                .doOnCancel(() -> {
                    if (settled.compareAndSet(false, true)) {
                        breaker.releasePermission();
                    }
                });
        });
    }

    private void record(HttpRequest request, HttpResponse response) {
        if (isAuthenticationFailure(response)) {
            breaker.onError(0, TimeUnit.NANOSECONDS, new AuthenticationFailure(response.status()));
        } else if (response.isSuccess() && request.auth() != AuthScheme.NONE) {
            breaker.onSuccess(0, TimeUnit.NANOSECONDS);
        } else {
            // Neither proof of a working login (a token call, a 404, a 5xx) nor an authentication failure.
            breaker.releasePermission();
        }
    }

    private static boolean isAuthenticationFailure(HttpResponse response) {
        if (response.status() == 401) {
            return true;
        }
        // A 403 with an HTML page is Ford's firewall (User-Agent, rate), not the account.
        return response.status() == 403
            && !new String(response.body(), StandardCharsets.UTF_8).stripLeading().startsWith("<");
    }

    private AccountLockoutProtectionException lockedOut(HttpRequest request) {
        Instant until = retryAt;
        boolean trial = breaker.getState() == CircuitBreaker.State.HALF_OPEN;
        return new AccountLockoutProtectionException("Did not send " + request.operation() + ": the SDK stopped "
            + "calling Ford for this account after " + options.failuresToOpen() + " authentication failures in a row "
            + "(HTTP 401 after a token renewal, or 403), because repeated failures are what gets accounts disabled. "
            + (trial ? "Trial requests after the cool-down are under way; wait for them. "
                : "Log in again (beginLogin() then completeLogin(...)) or wait until " + until + ". "),
            until);
    }

    /** A new login succeeded: calls flow again. */
    public void loggedIn() {
        if (breaker.getState() != CircuitBreaker.State.CLOSED) {
            LOG.info("New login: calling Ford for this account again");
        }
        breaker.reset();
        retryAt = null;
    }

    /** The guard's state now. */
    public LockoutState state() {
        if (!options.enabled()) {
            return LockoutState.DISABLED;
        }
        return switch (breaker.getState()) {
            case OPEN, FORCED_OPEN -> clock.instant().isBefore(retryAt == null ? Instant.MIN : retryAt) ? LockoutState.OPEN
                : LockoutState.HALF_OPEN;
            case HALF_OPEN -> LockoutState.HALF_OPEN;
            default -> LockoutState.CLOSED;
        };
    }

    /** Authentication failures recorded in the current window (in a row, since a success clears them). */
    public int recentFailures() {
        return breaker.getMetrics().getNumberOfFailedCalls();
    }

    /** When an open guard lets trial requests through, or {@code null} when it is not open. */
    public Instant retryAt() {
        return state() == LockoutState.OPEN ? retryAt : null;
    }

}
