package io.github.connectedcar.auth.internal;

import io.github.connectedcar.exception.DecodeException;
import io.github.connectedcar.exception.OperationTimeoutException;
import io.github.connectedcar.exception.ServiceException;
import io.github.connectedcar.exception.TokenRenewalFailedException;
import io.github.connectedcar.http.TransportException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * One credential layer of one account (the CAT, or the TMC token), cached for every caller:
 * <ul>
 *   <li>a token is handed out while it is valid for longer than the renewal margin and no service refused it;</li>
 *   <li>single flight: however many callers arrive while it is renewed, one renewal runs and all share its result;
 *       the renewal runs to its end even when every caller cancels, bounded by a timeout;</li>
 *   <li>when a renewal fails for a passing reason, the old token is used while it is still valid;</li>
 *   <li>after a failed renewal the next one waits a back-off (doubling up to a cap, reset by a success), and until
 *       then callers get the still-valid old token or the last error at once: an outage costs Ford a bounded
 *       number of calls instead of one per request;</li>
 *   <li>a caller left without a token because the token call failed gets {@link TokenRenewalFailedException} (the
 *       failure as its cause), never the token call's own error: the token call was retried in its own pipeline, so
 *       the caller's retry layer must not retry it again (that nesting once made 4 × 4 attempts), and a command
 *       must not take the token call's "may have reached the server" or 5xx for its own.</li>
 * </ul>
 * Thread-safe and non-blocking.
 *
 * @param <T> the cached value (a token and its expiry, perhaps with more)
 */
final class TokenCache<T> {
    private static final Logger LOG = LoggerFactory.getLogger(TokenCache.class);

    /** How the cache reads a cached value and renews it. */
    interface Layer<T> {
        /** The bearer string, as services see it (and refuse it). */
        String token(T value);

        /** When it stops being accepted. */
        Instant expiresAt(T value);

        /**
         * Obtains a new value. Lazy. Called by one caller at a time.
         *
         * @param current the cached value, or {@code null} when there is none yet
         */
        Mono<T> renew(T current);
    }

    /** A failed renewal, remembered until the next attempt is allowed. */
    private record Failure(Throwable error, Instant retryAt, Duration backoff) {
    }

    private final String name;
    private final Layer<T> layer;
    private final Clock clock;
    private final Duration margin;
    private final Duration renewalTimeout;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final Predicate<Throwable> passing;
    private final SingleFlight<T> flight = new SingleFlight<>();

    private volatile T current;
    private volatile String rejected;
    private volatile Failure failure;

    /**
     * @param name           what the layer is called in logs and errors, such as "CAT of account 'default'"
     * @param margin         how long before its expiry a token is renewed
     * @param renewalTimeout the longest one renewal may take
     * @param firstBackoff   the wait after the first failed renewal
     * @param maxBackoff     the longest wait between failed renewals
     * @param passing        which renewal errors are passing (the old token may then be used, and the back-off
     *                       applies); the others (a refused login) are handed on as they are
     */
    TokenCache(String name, Layer<T> layer, Clock clock, Duration margin, Duration renewalTimeout,
               Duration firstBackoff, Duration maxBackoff, Predicate<Throwable> passing) {
        this.name = Objects.requireNonNull(name, "name");
        this.layer = Objects.requireNonNull(layer, "layer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.margin = Objects.requireNonNull(margin, "margin");
        this.renewalTimeout = Objects.requireNonNull(renewalTimeout, "renewalTimeout");
        this.firstBackoff = Objects.requireNonNull(firstBackoff, "firstBackoff");
        this.maxBackoff = Objects.requireNonNull(maxBackoff, "maxBackoff");
        this.passing = Objects.requireNonNull(passing, "passing");
    }

    /**
     * The cached value when it is good for longer than the margin and was not refused, else {@code null}: what
     * {@link #get()} would hand out at once, without a {@code Mono}.
     */
    T fresh() {
        T value = current;
        return isFresh(value, clock.instant()) ? value : null;
    }

    /** A value that is good for longer than the margin, renewed first if needed. Lazy. */
    Mono<T> get() {
        return Mono.defer(() -> {
            T value = current;
            Instant now = clock.instant();
            if (isFresh(value, now)) {
                return Mono.just(value);
            }
            Failure failed = failure;
            if (failed != null && now.isBefore(failed.retryAt())) {
                // Backing off: no call to Ford before retryAt.
                return isValid(value, now) ? Mono.just(value) : Mono.error(renewalFailed(failed));
            }
            return flight.run(this::renew);
        });
    }

    /** Whether the value is good for longer than the margin and was not refused. */
    boolean isFresh(T value, Instant now) {
        return value != null && now.plus(margin).isBefore(layer.expiresAt(value))
            && !layer.token(value).equals(rejected);
    }

    /** A service refused this token (HTTP 401): the next {@link #get()} renews it, unless it was replaced already. */
    void rejected(String token) {
        rejected = token;
    }

    /** Marks the cached token as refused, so the next {@link #get()} renews it whatever its expiry. */
    void rejectCurrent() {
        T value = current;
        if (value != null) {
            rejected = layer.token(value);
        }
    }

    /** The cached value, or {@code null}. */
    T current() {
        return current;
    }

    /** Replaces the cached value (a new login, or a value read from the store) and forgets past failures. */
    void set(T value) {
        current = value;
        rejected = null;
        failure = null;
    }

    /** Completes once no renewal is running. Lazy. */
    Mono<Void> idle() {
        return flight.idle();
    }

    private Mono<T> renew() {
        return Mono.defer(() -> {
            T old = current;
            if (isFresh(old, clock.instant())) {
                return Mono.just(old); // renewed by the flight that just ended
            }
            return layer.renew(old)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("Renewing the " + name + " gave nothing")))
                .timeout(renewalTimeout, Mono.error(() -> new OperationTimeoutException("Renewing the " + name
                    + " got no answer within " + renewalTimeout.toSeconds() + " s; the next call tries again.",
                    renewalTimeout)))
                .doOnNext(this::set)
                .onErrorResume(error -> fallBack(error));
        });
    }

    private Mono<T> fallBack(Throwable error) {
        if (!passing.test(error)) {
            return Mono.error(error);
        }
        Failure previous = failure;
        Duration backoff = previous == null ? firstBackoff : min(previous.backoff().multipliedBy(2), maxBackoff);
        Instant now = clock.instant();
        failure = new Failure(error, now.plus(backoff), backoff);
        T old = current;
        if (isValid(old, now)) {
            LOG.warn("Renewing the {} failed ({}); using the current one until it expires at {}, trying again in {}",
                name, error.getMessage(), layer.expiresAt(old), backoff);
            return Mono.just(old);
        }
        LOG.warn("Renewing the {} failed ({}); trying again in {} at the earliest", name, error.getMessage(),
            backoff);
        return Mono.error(isExchangeFailure(error) ? renewalFailed(failure) : error);
    }

    /**
     * Whether the token call itself failed (no answer, an error status, an unreadable answer), as opposed to the SDK's
     * own protections or Ford's throttling refusing it, which keep their type: they say what to do.
     */
    private static boolean isExchangeFailure(Throwable error) {
        return error instanceof TransportException || error instanceof ServiceException
            || error instanceof DecodeException || error instanceof OperationTimeoutException;
    }

    /**
     * What a caller left without a token gets: the renewal's own error as the cause, and when Ford is asked again. Its
     * type also tells the caller's retry layer that the renewal's own retries are spent: one retry layer, not two.
     */
    private TokenRenewalFailedException renewalFailed(Failure failed) {
        return new TokenRenewalFailedException("Renewing the " + name + " failed (" + failed.error().getMessage()
            + "); the request that needed it was not sent. The SDK asks Ford again at " + failed.retryAt()
            + ", not before, so an outage does not spend the account's calls. Call again after that.",
            failed.retryAt(), failed.error());
    }

    /** Still accepted now, with no margin, and not refused. */
    private boolean isValid(T value, Instant now) {
        return value != null && now.isBefore(layer.expiresAt(value)) && !layer.token(value).equals(rejected);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public String toString() {
        return "TokenCache[" + name + "]";
    }
}
