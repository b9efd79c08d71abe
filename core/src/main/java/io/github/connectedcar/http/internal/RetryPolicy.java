package io.github.connectedcar.http.internal;

import io.github.connectedcar.http.HttpRequest;
import io.github.connectedcar.http.HttpResponse;
import io.github.connectedcar.http.ResponseTooLargeException;
import io.github.connectedcar.http.RetryOptions;
import io.github.connectedcar.http.TransportException;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Retries with Resilience4j, with exponential backoff and jitter, honouring {@code Retry-After}:
 * <ul>
 *   <li>idempotent requests (reads) after a transport failure (but not a body past the size limit), a 5xx, a 408 or
 *       a 429;</li>
 *   <li>any request, commands included, only when the transport says it certainly never left (connection
 *       refused) — a command that may have reached the server is never sent again.</li>
 * </ul>
 * Each attempt goes through the later policies again (so each pays its quota permit and gets a fresh token).
 * Every backoff is a {@code Mono.delay}, so it runs in virtual time in tests. A {@code Retry-After} that would end
 * past the call's deadline ({@link HttpPipeline#deadlineOf}) is not waited out: the answer is passed on at once.
 */
public final class RetryPolicy implements HttpPipelinePolicy {
    private static final Logger LOG = LoggerFactory.getLogger(RetryPolicy.class);

    private final RetryOptions options;
    private final Clock clock;
    private final Retry reads;
    private final Retry writes;

    public RetryPolicy(RetryOptions options, Clock clock) {
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.reads = Retry.of("connectedcar-reads", config(true));
        this.writes = Retry.of("connectedcar-writes", config(false));
    }

    @Override
    public Mono<HttpResponse> process(HttpRequest request, HttpPipelineNext next) {
        if (request.isWebSocket()) {
            return next.send(request); // its owner reopens it with its own back-off: one retry layer, not two
        }
        Retry retry = request.idempotent() ? reads : writes;
        // Nearly every call succeeds at once, and then needs none of the retry machinery (a Resilience4j retryWhen
        // per call cost as much as the rest of the pipeline): the first attempt goes out on its own, and only an
        // error or an answer that might be retried is handed to Resilience4j, as that first attempt's outcome.
        return next.send(request)
            .map(response -> isRetryable(response) ? retried(request, next, retry, Mono.just(response))
                : succeededAtOnce(retry, response))
            .onErrorResume(error -> Mono.just(retried(request, next, retry, Mono.error(error))))
            .flatMap(outcome -> outcome);
    }

    /** Counted as Resilience4j counts a call that succeeded without retry. */
    private static Mono<HttpResponse> succeededAtOnce(Retry retry, HttpResponse response) {
        retry.asyncContext().onComplete();
        return Mono.just(response);
    }

    /**
     * The call from its first attempt on, under Resilience4j's retry: the first attempt's outcome is replayed to it,
     * the later attempts are sent anew. Resilience4j sees what it would have seen had it wrapped the first attempt.
     */
    private Mono<HttpResponse> retried(HttpRequest request, HttpPipelineNext next, Retry retry,
                                       Mono<HttpResponse> firstOutcome) {
        AtomicBoolean replayed = new AtomicBoolean();
        Mono<HttpResponse> attempt = Mono.defer(() -> replayed.compareAndSet(false, true) ? firstOutcome
            : next.send(request));
        return Mono.deferContextual(context -> {
            long deadline = HttpPipeline.deadlineOf(context);
            return attempt
                .flatMap(response -> asksToWaitPast(response, deadline) ? Mono.error(new Final(response))
                    : Mono.just(response))
                .transformDeferred(RetryOperator.of(retry))
                .onErrorResume(Final.class, last -> Mono.just(last.response));
        });
    }

    /** Whether the server asks for a wait that would end after the call's deadline. */
    private boolean asksToWaitPast(HttpResponse response, long deadlineMillis) {
        return isRetryable(response) && RetryAfter.of(response, clock)
            .map(wait -> Schedulers.parallel().now(TimeUnit.MILLISECONDS) + wait.toMillis() > deadlineMillis)
            .orElse(false);
    }

    /** An answer not to retry, carried past the retry operator (which retries on results). */
    private static final class Final extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient HttpResponse response;

        Final(HttpResponse response) {
            super(null, null, false, false);
            this.response = response;
        }
    }

    /** Resilience4j's view of retries of reads, for metrics. */
    public Retry reads() {
        return reads;
    }

    /** Resilience4j's view of retries of non-idempotent requests (only ever before they left), for metrics. */
    public Retry writes() {
        return writes;
    }

    private RetryConfig config(boolean idempotent) {
        return RetryConfig.<HttpResponse>custom()
            .maxAttempts(options.maxRetries() + 1)
            .retryOnResult(response -> idempotent && isRetryable(response))
            // A body past the size limit would be as large again: not worth a second download.
            .retryOnException(error -> error instanceof TransportException transport
                && !(error instanceof ResponseTooLargeException)
                && (idempotent || !transport.requestMayHaveBeenSent()))
            .intervalBiFunction((IntervalBiFunction<HttpResponse>) this::backoffMillis)
            .failAfterMaxAttempts(false)
            .build();
    }

    private boolean isRetryable(HttpResponse response) {
        int status = response.status();
        if (status != 429 && status != 408 && status != 500 && status != 502 && status != 503 && status != 504) {
            return false;
        }
        // Honour the server; but an hour-long throttle or outage is the caller's to decide, not ours to sit out,
        // whichever status asked for it (a 503 may carry a Retry-After too).
        Duration wait = RetryAfter.of(response, clock).orElse(Duration.ZERO);
        return wait.compareTo(options.maxRetryAfter()) <= 0;
    }

    private Long backoffMillis(Integer attempt, Either<Throwable, HttpResponse> outcome) {
        if (outcome.isRight()) {
            Duration asked = RetryAfter.of(outcome.get(), clock).orElse(null);
            if (asked != null) {
                LOG.debug("Retrying {} in {} as the server asked", outcome.get().request(), asked);
                return asked.toMillis();
            }
        }
        double exponential = options.baseDelay().toMillis() * Math.pow(2, Math.max(0, attempt - 1));
        double capped = Math.min(exponential, options.maxDelay().toMillis());
        double spread = capped * options.jitter();
        long millis = Math.round(capped - spread + ThreadLocalRandom.current().nextDouble() * 2 * spread);
        LOG.debug("Retry attempt {} in {} ms", attempt, millis);
        return Math.max(0, millis);
    }
}
