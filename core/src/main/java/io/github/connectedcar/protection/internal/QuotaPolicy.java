package io.github.connectedcar.protection.internal;

import io.github.connectedcar.exception.QuotaExceededException;
import io.github.connectedcar.http.HttpRequest;
import io.github.connectedcar.http.HttpResponse;
import io.github.connectedcar.http.TransportException;
import io.github.connectedcar.http.internal.HttpPipelineNext;
import io.github.connectedcar.http.internal.HttpPipelinePolicy;
import io.github.connectedcar.protection.QuotaOptions;
import io.github.connectedcar.usage.RequestLimits;
import io.github.connectedcar.usage.RequestPermit;
import io.github.connectedcar.usage.UsageStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The account's request budget ({@link QuotaOptions}): at most so many requests in a rolling window (a day) and in a
 * rolling burst period (a minute), by the client's clock. One instance serves every pipeline of a client, so reads,
 * command checks, commands, token calls and websocket upgrades share one budget. It sits after the retry policy, so
 * each attempt pays; and after the token policy, so a request sent again with a renewed token pays again.
 *
 * <p>The {@link UsageStore} counts: each request asks it for a permit, which it checks and records in one atomic
 * step, so every client and process that shares the store shares the budget exactly. A request that never left this
 * machine (the connection was refused) gives its permit back: it cost nothing at Ford. A store that cannot count fails
 * the request with its error, since the account would otherwise be unprotected.
 *
 * <p>A request that finds a limit reached waits when the next slot frees within {@link QuotaOptions#maxWait()} (a
 * {@code Mono.delay}, virtual in tests), otherwise fails with {@link QuotaExceededException} saying when the next
 * call is allowed. Nothing is ever dropped silently.
 */
public final class QuotaPolicy implements HttpPipelinePolicy {
    private static final Logger LOG = LoggerFactory.getLogger(QuotaPolicy.class);

    /** The budget as of the last request. */
    public record Budget(int dailyLimit, int usedInWindow, Optional<Instant> nextSlotFreesAt,
                         int burstPermitsAvailable) {
        public int remaining() {
            return Math.max(0, dailyLimit - usedInWindow);
        }
    }

    private final QuotaOptions options;
    private final RequestLimits limits;
    private final AtomicLong sent = new AtomicLong();
    private final Clock clock;
    private final UsageStore store;
    private final String account;
    /** The store's answer to the last request, for the metrics; {@code null} before the first. */
    private volatile RequestPermit last;

    /**
     * @param store   counts the account's requests (shared with other clients and processes or not)
     * @param account the account name the requests are counted under
     */
    public QuotaPolicy(QuotaOptions options, Clock clock, UsageStore store, String account) {
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.store = Objects.requireNonNull(store, "store");
        this.account = Objects.requireNonNull(account, "account");
        this.limits = new RequestLimits(options.dailyLimit(), options.window(), options.burstLimit(),
            options.burstPeriod());
    }

    @Override
    public Mono<HttpResponse> process(HttpRequest request, HttpPipelineNext next) {
        if (options.isUnlimited()) {
            return Mono.defer(() -> counted(next.send(request)));
        }
        return Mono.defer(() -> acquire(request, clock.instant().plus(options.maxWait())))
            .flatMap(sentAt -> counted(next.send(request)).onErrorResume(TransportException.class, error ->
                error.requestMayHaveBeenSent() ? Mono.error(error) : giveBack(sentAt).then(Mono.error(error))));
    }

    /** Waits for a permit until {@code deadline}; gives the instant it was counted at. */
    private Mono<Instant> acquire(HttpRequest request, Instant deadline) {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            return store.acquireRequest(account, now, limits).flatMap(permit -> {
                last = permit;
                if (permit.isGranted()) {
                    return Mono.just(now);
                }
                if (!permit.retryAt().isAfter(deadline)) {
                    return Mono.delay(Duration.between(now, permit.retryAt())).then(acquire(request, deadline));
                }
                return Mono.error(refused(request, permit, now));
            });
        });
    }

    /** Counts a request as sent, unless it certainly never left. */
    private Mono<HttpResponse> counted(Mono<HttpResponse> sending) {
        sent.incrementAndGet();
        return sending.doOnError(TransportException.class, error -> {
            if (!error.requestMayHaveBeenSent()) {
                sent.decrementAndGet();
            }
        });
    }

    /** A request that never left costs nothing; failing to take it back only over-counts, so it is logged. */
    private Mono<Void> giveBack(Instant sentAt) {
        return store.releaseRequest(account, sentAt).onErrorResume(error -> {
            LOG.warn("Could not take back a request of account '{}' that never left, from {}: {}", account, store,
                error.getMessage());
            return Mono.empty();
        });
    }

    private QuotaExceededException refused(HttpRequest request, RequestPermit permit, Instant now) {
        boolean daily = permit.refusedBy() == RequestPermit.Limit.WINDOW;
        QuotaExceededException.Limit limit = daily ? QuotaExceededException.Limit.DAILY
            : QuotaExceededException.Limit.BURST;
        Duration wait = Duration.between(now, permit.retryAt());
        String budget = daily
            ? "its budget of " + options.dailyLimit() + " requests per " + describe(options.window())
                + " is used up (Ford disables accounts making more than about 250-300 requests a day)"
            : "it made " + options.burstLimit() + " requests within " + describe(options.burstPeriod())
                + ", its burst limit";
        return new QuotaExceededException("Did not send " + request.operation() + ": " + budget + ". The next "
            + "request is allowed at " + permit.retryAt() + " (in " + describe(wait) + "). Change the limits with "
            + "ConnectedCarClientBuilder.quota(QuotaOptions) only if you know the account allows more.", limit,
            permit.retryAt(), wait);
    }

    private static String describe(Duration duration) {
        if (duration.toHours() >= 1 && duration.toMinutesPart() == 0 && duration.toSecondsPart() == 0) {
            return duration.toHours() + " h";
        }
        if (duration.toMinutes() >= 1) {
            return (duration.toSeconds() + 59) / 60 + " min";
        }
        return Math.max(1, (duration.toMillis() + 999) / 1000) + " s";
    }

    /** The budget as the store counted it at the last request (every client and process sharing the store). */
    public Budget budget() {
        RequestPermit permit = last;
        if (options.isUnlimited()) {
            return new Budget(Integer.MAX_VALUE, 0, Optional.empty(), Integer.MAX_VALUE);
        }
        if (permit == null) {
            return new Budget(options.dailyLimit(), 0, Optional.empty(), options.burstLimit());
        }
        return new Budget(options.dailyLimit(), permit.usedInWindow(), permit.nextSlot(),
            Math.max(0, options.burstLimit() - permit.usedInBurst()));
    }

    /**
     * Requests this client sent to Ford: each attempt, a re-send after a renewal too; not one that certainly never
     * left.
     */
    public long requestsSent() {
        return sent.get();
    }

    public QuotaOptions options() {
        return options;
    }
}
