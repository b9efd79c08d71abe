package io.connectedcar.protection.internal;

import io.connectedcar.exception.QuotaExceededException;
import io.connectedcar.http.HttpRequest;
import io.connectedcar.http.HttpResponse;
import io.connectedcar.http.internal.HttpPipelineNext;
import io.connectedcar.http.internal.HttpPipelinePolicy;
import io.connectedcar.protection.QuotaOptions;
import io.connectedcar.usage.RecordedUsage;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import reactor.core.publisher.Mono;

/**
 * The account's request budget ({@link QuotaOptions}): a rolling daily window by the client's clock, plus a
 * short-term burst limit (a Resilience4j rate limiter reading the same clock). One instance serves every pipeline of
 * a client, so reads, command checks, commands and token calls share one budget. It sits after the retry policy, so
 * each attempt pays; and after the token policy, so a request sent again with a renewed token pays again.
 *
 * <p>A request that finds the budget used up waits when the next slot frees within {@link QuotaOptions#maxWait()}
 * (a {@code Mono.delay}, virtual in tests), otherwise fails with {@link QuotaExceededException} saying when the next
 * call is allowed. Nothing is ever dropped silently.
 *
 * <p>The count is kept in the account's {@link UsageLedger}, which the status-refresh guard shares (its store defaults
 * to memory: a restarted process starts afresh). The ledger's recorded requests still in the window count from the
 * first request that passes (nothing is read in the constructor). Each request is recorded just before it is sent: the
 * send waits for the write that holds it, and requests arriving during a write share the next one. A failed read or
 * write is logged by the ledger and never fails or holds back a request; after a failed read this policy counts its
 * own requests only. The burst limit counts this process only.
 *
 * <p>Both limits count time by the clock but never let it run backwards: when the wall clock is set back (an NTP
 * step), no time passes until it moves forward again, so the jump neither refuses requests nor stretches the window.
 */
public final class QuotaPolicy implements HttpPipelinePolicy {

    /** A snapshot of the budget. */
    public record Budget(int dailyLimit, int usedInWindow, Optional<Instant> nextSlotFreesAt,
                         int burstPermitsAvailable) {
        public int remaining() {
            return Math.max(0, dailyLimit - usedInWindow);
        }
    }

    private sealed interface Decision {
        record Go(long waitNanos) implements Decision {
        }

        record WaitForSlot(Duration delay) implements Decision {
        }

        record Refuse(QuotaExceededException error) implements Decision {
        }
    }

    private final QuotaOptions options;
    private final Clock clock;
    private final UsageLedger ledger;
    /** Counts the ledger's recorded requests, once, at the first request. */
    private final Mono<Void> loaded;
    private final AtomicRateLimiter burst;
    /** When each counted request of the window was (or will be) sent, in {@link #elapsedNanos()}; guarded by this. */
    private final PriorityQueue<Long> sent = new PriorityQueue<>();
    /** The clock's last reading, in epoch nanoseconds; guarded by {@code this}. */
    private long lastWallNanos;
    /** Time passed by the clock since this policy was made, never decreasing; guarded by {@code this}. */
    private long elapsedNanos;

    /**
     * A budget that also counts the requests recorded in the ledger. Reads nothing yet.
     *
     * @param ledger where requests are recorded and, at the first request, read from
     */
    public QuotaPolicy(QuotaOptions options, Clock clock, UsageLedger ledger) {
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.loaded = ledger.recorded().doOnNext(this::absorb).then().cache();
        this.lastWallNanos = epochNanos(clock.instant());
        RateLimiterConfig config = RateLimiterConfig.custom()
            .limitForPeriod(options.burstLimit())
            .limitRefreshPeriod(options.burstPeriod())
            .timeoutDuration(options.maxWait())
            .writableStackTraceEnabled(false)
            .build();
        // Resilience4j's limiter counts cycles from this time source; a reading that went backwards would make it
        // take permits away and refuse every request for as long as the clock was set back.
        this.burst = new AtomicRateLimiter("connectedcar-burst", config, this::elapsedNanos);
    }

    /**
     * Counts the requests of the store that are still in the window, at their age by the clock; one recorded in the
     * future (the clock was set back since) counts as sent now.
     */
    private synchronized void absorb(RecordedUsage usage) {
        long now = elapsedNanos();
        long window = nanos(options.window());
        for (Instant instant : usage.requests()) {
            long age = Math.max(0, lastWallNanos - epochNanos(instant));
            if (age < window) {
                sent.add(now - age);
            }
        }
    }

    /** Time passed by the clock since this policy was made: follows the clock forwards, ignores steps back. */
    private synchronized long elapsedNanos() {
        long wall = epochNanos(clock.instant());
        if (wall > lastWallNanos) {
            elapsedNanos += wall - lastWallNanos;
        }
        lastWallNanos = wall;
        return elapsedNanos;
    }

    private static long epochNanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /** Nanoseconds of a duration, saturating instead of overflowing. */
    private static long nanos(Duration duration) {
        return duration.compareTo(Duration.ofNanos(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : duration.toNanos();
    }

    private static long plus(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    @Override
    public Mono<HttpResponse> process(HttpRequest request, HttpPipelineNext next) {
        if (options.isUnlimited()) {
            return next.send(request);
        }
        return loaded
            .then(Mono.defer(() -> acquire(request, plus(elapsedNanos(), nanos(options.maxWait())))))
            .then(Mono.defer(this::record))
            .then(Mono.defer(() -> next.send(request)));
    }

    /** Records a request sent now; completes when written or when writing failed (logged). */
    private Mono<Void> record() {
        return ledger.recordRequest(clock.instant());
    }

    private Mono<Void> acquire(HttpRequest request, long deadline) {
        return Mono.defer(() -> {
            Decision decision = decide(request, deadline);
            if (decision instanceof Decision.Go go) {
                return go.waitNanos() <= 0 ? Mono.empty() : Mono.delay(Duration.ofNanos(go.waitNanos())).then();
            }
            if (decision instanceof Decision.WaitForSlot slot) {
                return Mono.delay(slot.delay()).then(acquire(request, deadline));
            }
            return Mono.error(((Decision.Refuse) decision).error());
        });
    }

    private synchronized Decision decide(HttpRequest request, long deadline) {
        long now = elapsedNanos();
        purge(now);
        if (sent.size() >= options.dailyLimit()) {
            long freesAt = oldestFreesAt();
            if (freesAt <= deadline) {
                return new Decision.WaitForSlot(Duration.ofNanos(freesAt - now));
            }
            return new Decision.Refuse(refused(request, QuotaExceededException.Limit.DAILY,
                Duration.ofNanos(freesAt - now)));
        }
        long waitNanos = burst.reservePermission(1);
        if (waitNanos < 0) {
            Duration wait = Duration.ofNanos(Math.max(0, burst.getDetailedMetrics().getNanosToWait()));
            return new Decision.Refuse(refused(request, QuotaExceededException.Limit.BURST, wait));
        }
        sent.add(now + waitNanos);
        return new Decision.Go(waitNanos);
    }

    private void purge(long now) {
        while (!sent.isEmpty() && oldestFreesAt() <= now) {
            sent.poll();
        }
    }

    /** When the oldest counted request leaves the window, in {@link #elapsedNanos()}; {@code sent} is not empty. */
    private long oldestFreesAt() {
        return plus(sent.peek(), nanos(options.window()));
    }

    private QuotaExceededException refused(HttpRequest request, QuotaExceededException.Limit limit, Duration wait) {
        Instant freesAt = clock.instant().plus(wait);
        String budget = limit == QuotaExceededException.Limit.DAILY
            ? "its budget of " + options.dailyLimit() + " requests per " + describe(options.window())
                + " is used up (Ford disables accounts making more than about 250-300 requests a day)"
            : "it made " + options.burstLimit() + " requests within " + describe(options.burstPeriod())
                + ", its burst limit";
        return new QuotaExceededException("Did not send " + request.operation() + ": " + budget + ". The next "
            + "request is allowed at " + freesAt + " (in " + describe(wait) + "). Change the limits with "
            + "ConnectedCarClientBuilder.quota(QuotaOptions) only if you know the account allows more.", limit,
            freesAt, wait);
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

    /** The budget now; the store's requests count once the first request has read them. */
    public synchronized Budget budget() {
        if (options.isUnlimited()) {
            return new Budget(Integer.MAX_VALUE, 0, Optional.empty(), Integer.MAX_VALUE);
        }
        long now = elapsedNanos();
        purge(now);
        return new Budget(options.dailyLimit(), sent.size(),
            sent.isEmpty() ? Optional.empty()
                : Optional.of(clock.instant().plus(Duration.ofNanos(oldestFreesAt() - now))),
            Math.max(0, burst.getMetrics().getAvailablePermissions()));
    }

    public QuotaOptions options() {
        return options;
    }
}
