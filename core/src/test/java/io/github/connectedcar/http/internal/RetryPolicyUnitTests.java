package io.github.connectedcar.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.ConnectedCarAsyncClient;
import io.github.connectedcar.exception.RateLimitedException;
import io.github.connectedcar.exception.ServiceException;
import io.github.connectedcar.http.DeadlineOptions;
import io.github.connectedcar.http.HttpMethod;
import io.github.connectedcar.http.HttpRequest;
import io.github.connectedcar.http.HttpResponse;
import io.github.connectedcar.http.RetryOptions;
import io.github.connectedcar.http.TransportException;
import io.github.connectedcar.internal.SchedulerClock;
import io.github.connectedcar.testing.FakeFordAuth;
import io.github.connectedcar.testing.InMemoryTransport;
import io.github.connectedcar.testing.TestClients;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The retry policy over the in-memory transport, in virtual time, so every wait is asserted to the millisecond:
 * backoff without jitter is 1 s, 2 s, 4 s; {@code Retry-After} replaces it.
 */
@Tag("unit")
class RetryPolicyUnitTests {
    private static final Duration VERIFY = Duration.ofSeconds(5);
    private static final RetryOptions NO_JITTER = RetryOptions.defaults().withJitter(0);
    private static final URI TELEMETRY = URI.create("https://api.autonomic.ai/v1/telemetry/sources/fordpass/x");
    private static final URI COMMAND = URI.create("https://api.autonomic.ai/v1/command/vehicles/x/commands");

    private final InMemoryTransport transport = new InMemoryTransport();

    /** Answers the requests of one operation from a script, one step per attempt; the last step repeats. */
    @SafeVarargs
    private void script(String operation, Function<HttpRequest, Mono<HttpResponse>>... steps) {
        Deque<Function<HttpRequest, Mono<HttpResponse>>> remaining = new ArrayDeque<>(Arrays.asList(steps));
        transport.on(operation, request -> (remaining.size() > 1 ? remaining.poll() : remaining.peek())
            .apply(request));
    }

    private static Function<HttpRequest, Mono<HttpResponse>> status(int code) {
        return request -> Mono.just(InMemoryTransport.json(request, code, "{\"message\":\"status " + code + "\"}"));
    }

    private static Function<HttpRequest, Mono<HttpResponse>> status(int code, String retryAfter) {
        return request -> Mono.just(InMemoryTransport.withHeader(
            InMemoryTransport.json(request, code, "{\"message\":\"slow down\"}"), "Retry-After", retryAfter));
    }

    private static Function<HttpRequest, Mono<HttpResponse>> failure(boolean mayHaveBeenSent) {
        return request -> Mono.error(new TransportException(request.operation() + ": connection reset",
            mayHaveBeenSent, null));
    }

    private HttpPipeline pipeline(RetryOptions options) {
        return new HttpPipeline(transport, DeadlineOptions.defaults(),
            List.of(new RetryPolicy(options, SchedulerClock.UTC)));
    }

    private static HttpRequest read() {
        return HttpRequest.of(HttpMethod.GET, TELEMETRY, "telemetry");
    }

    private static HttpRequest command() {
        return HttpRequest.of(HttpMethod.POST, COMMAND, "lock").withBody(new byte[] {'{', '}'}, "application/json");
    }

    @Test
    void readIsRetriedOn503AfterTheBackoff() {
        script("telemetry", status(503), status(200));

        StepVerifier.withVirtualTime(() -> pipeline(NO_JITTER).send(read()))
            .expectSubscription()
            .expectNoEvent(Duration.ofMillis(999))
            .then(() -> assertThat(transport.count("telemetry")).isEqualTo(1))
            .thenAwait(Duration.ofMillis(1))
            .assertNext(response -> assertThat(response.status()).isEqualTo(200))
            .expectComplete()
            .verify(VERIFY);
        assertThat(transport.count("telemetry")).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 500, 502, 504})
    void readIsRetriedOnOtherPassingStatuses(int code) {
        script("telemetry", status(code), status(200));

        StepVerifier.withVirtualTime(() -> pipeline(NO_JITTER).send(read()))
            .thenAwait(Duration.ofSeconds(1))
            .assertNext(response -> assertThat(response.status()).isEqualTo(200))
            .expectComplete()
            .verify(VERIFY);
        assertThat(transport.count("telemetry")).isEqualTo(2);
    }

    @Test
    void readIsRetriedAfterAConnectionFailure() {
        script("telemetry", failure(true), status(200));

        StepVerifier.withVirtualTime(() -> pipeline(NO_JITTER).send(read()))
            .thenAwait(Duration.ofSeconds(1))
            .assertNext(response -> assertThat(response.status()).isEqualTo(200))
            .expectComplete()
            .verify(VERIFY);
        assertThat(transport.count("telemetry")).isEqualTo(2);
    }

    @Test
    void backoffDoublesBetweenAttemptsAndTheLastAnswerIsPassedOnWhenRetriesRunOut() {
        script("telemetry", status(503));

        StepVerifier.withVirtualTime(() -> pipeline(NO_JITTER).send(read()))
            .expectSubscription()
            .then(() -> assertThat(transport.count("telemetry")).isEqualTo(1))
            .thenAwait(Duration.ofSeconds(1))
            .then(() -> assertThat(transport.count("telemetry")).isEqualTo(2))
            .thenAwait(Duration.ofMillis(1999))
            .then(() -> assertThat(transport.count("telemetry")).isEqualTo(2))
            .thenAwait(Duration.ofMillis(1))
            .then(() -> assertThat(transport.count("telemetry")).isEqualTo(3))
            .thenAwait(Duration.ofSeconds(4))
            .assertNext(response -> assertThat(response.status()).isEqualTo(503))
            .expectComplete()
            .verify(VERIFY);
        assertThat(transport.count("telemetry")).isEqualTo(1 + RetryOptions.DEFAULT_MAX_RETRIES);
    }

    @Test
    void jitterKeepsEachWaitWithinItsShare() {
        script("telemetry", status(503), status(200));

        StepVerifier.withVirtualTime(() -> pipeline(RetryOptions.defaults().withJitter(0.2)).send(read()))
            .expectSubscription()
            .expectNoEvent(Duration.ofMillis(799))
            .thenAwait(Duration.ofMillis(401))
            .assertNext(response -> assertThat(response.status()).isEqualTo(200))
            .expectComplete()
            .verify(VERIFY);
    }

    @Test
    void tooManyRequestsIsRetriedExactlyAfterRetryAfterSeconds() {
        script("telemetry", status(429, "62"), status(200));

        StepVerifier.withVirtualTime(() -> pipeline(NO_JITTER).send(read()))
            .expectSubscription()
            .expectNoEvent(Duration.ofMillis(61_999))
            .then(() -> assertThat(transport.count("telemetry")).isEqualTo(1))
            .thenAwait(Duration.ofMillis(1))
            .assertNext(response -> assertThat(response.status()).isEqualTo(200))
            .expectComplete()
            .verify(VERIFY);
    }

    @Test
    void tooManyRequestsIsRetriedAfterAnHttpDateRetryAfter() {
        // Virtual time starts at the epoch.
        script("telemetry", status(429, "Thu, 01 Jan 1970 00:00:30 GMT"), status(200));

        StepVerifier.withVirtualTime(() -> pipeline(NO_JITTER).send(read()))
            .expectSubscription()
            .expectNoEvent(Duration.ofMillis(29_999))
            .thenAwait(Duration.ofMillis(1))
            .assertNext(response -> assertThat(response.status()).isEqualTo(200))
            .expectComplete()
            .verify(VERIFY);
    }

    @Test
    void retryAfterLongerThanTheLimitEndsTheRetriesWithRateLimitedCarryingIt() {
        transport.on("telemetry", status(429, "3600")::apply);
        new FakeFordAuth().install(transport);
        ConnectedCarAsyncClient client = TestClients.builder(transport).retryOptions(NO_JITTER).buildAsyncClient();

        StepVerifier.withVirtualTime(() -> TestClients.login(client)
                .then(client.vehicle(TestClients.MACH_E_VIN).status()))
            .expectErrorSatisfies(error -> {
                assertThat(error).isInstanceOf(RateLimitedException.class).hasMessageContaining("3600 s");
                assertThat(((RateLimitedException) error).getRetryAfter()).isEqualTo(Duration.ofHours(1));
            })
            .verify(VERIFY);
        assertThat(transport.count("telemetry")).isEqualTo(1);
    }

    @Test
    void serverErrorWithRetryAfterLongerThanTheLimitIsNotWaitedOut() {
        script("telemetry", status(503, "86400"), status(200));

        StepVerifier.withVirtualTime(() -> pipeline(NO_JITTER).send(read()))
            .assertNext(response -> assertThat(response.status()).isEqualTo(503))
            .expectComplete()
            .verify(VERIFY);
        assertThat(transport.count("telemetry")).isEqualTo(1);
    }

    @Test
    void serverErrorWithAShortRetryAfterWaitsWhatTheServerAsked() {
        script("telemetry", status(503, "10"), status(200));

        StepVerifier.withVirtualTime(() -> pipeline(NO_JITTER).send(read()))
            .expectSubscription()
            .expectNoEvent(Duration.ofMillis(9_999))
            .thenAwait(Duration.ofMillis(1))
            .assertNext(response -> assertThat(response.status()).isEqualTo(200))
            .expectComplete()
            .verify(VERIFY);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 460})
    void clientErrorsAreNeverRetried(int code) {
        script("telemetry", status(code), status(200));

        StepVerifier.withVirtualTime(() -> pipeline(NO_JITTER).send(read()))
            .assertNext(response -> assertThat(response.status()).isEqualTo(code))
            .expectComplete()
            .verify(VERIFY);
        assertThat(transport.count("telemetry")).isEqualTo(1);
    }

    @Test
    void commandIsNotResentAfterItMayHaveReachedTheServer() {
        script("lock", failure(true), status(200));

        StepVerifier.withVirtualTime(() -> pipeline(NO_JITTER).send(command()))
            .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(TransportException.class))
            .verify(VERIFY);
        assertThat(transport.count("lock")).isEqualTo(1);
    }

    @Test
    void commandIsNotResentOnAServerError() {
        script("lock", status(503), status(200));

        StepVerifier.withVirtualTime(() -> pipeline(NO_JITTER).send(command()))
            .assertNext(response -> assertThat(response.status()).isEqualTo(503))
            .expectComplete()
            .verify(VERIFY);
        assertThat(transport.count("lock")).isEqualTo(1);
    }

    @Test
    void commandIsRetriedWhenItCertainlyNeverLeft() {
        script("lock", failure(false), status(200));

        StepVerifier.withVirtualTime(() -> pipeline(NO_JITTER).send(command()))
            .thenAwait(Duration.ofSeconds(1))
            .assertNext(response -> assertThat(response.status()).isEqualTo(200))
            .expectComplete()
            .verify(VERIFY);
        assertThat(transport.count("lock")).isEqualTo(2);
    }

    @Test
    void noRetriesMeansOneAttempt() {
        script("telemetry", status(503), status(200));

        StepVerifier.withVirtualTime(() -> pipeline(RetryOptions.none()).send(read()))
            .assertNext(response -> assertThat(response.status()).isEqualTo(503))
            .expectComplete()
            .verify(VERIFY);
        assertThat(transport.count("telemetry")).isEqualTo(1);
    }

    @Test
    void statusThroughTheClientIsRetriedAndEachAttemptCarriesTheToken() {
        TestClients.withVehicleRoutes(transport);
        new FakeFordAuth().install(transport);
        ConnectedCarAsyncClient client = TestClients.builder(transport).retryOptions(NO_JITTER).buildAsyncClient();
        // First attempt fails, then the fixture route answers.
        AtomicInteger calls = new AtomicInteger();
        InMemoryTransport.Handler fails = request -> Mono.just(InMemoryTransport.json(request, 502, "{}"));
        transport.on(request -> request.operation().equals("telemetry") && calls.getAndIncrement() == 0, fails);

        StepVerifier.withVirtualTime(() -> TestClients.login(client)
                .then(client.vehicle(TestClients.MACH_E_VIN).status()))
            .expectSubscription()
            .thenAwait(Duration.ofSeconds(1))
            .assertNext(status -> assertThat(status.vin()).contains(TestClients.MACH_E_VIN))
            .expectComplete()
            .verify(VERIFY);
        assertThat(transport.requests("telemetry")).hasSize(2)
            .allSatisfy(r -> assertThat(r.headers().get("Authorization")).isEqualTo("Bearer tmc-1"));
        assertThat(client.metrics().readRetries().succeededWithRetry())
            .isEqualTo(1);
    }

    @Test
    void serverErrorAfterRetriesBecomesAServiceException() {
        TestClients.withVehicleRoutes(transport);
        new FakeFordAuth().install(transport);
        transport.on("telemetry", status(503)::apply);
        ConnectedCarAsyncClient client = TestClients.builder(transport).retryOptions(NO_JITTER.withMaxRetries(1))
            .buildAsyncClient();

        StepVerifier.withVirtualTime(() -> TestClients.login(client)
                .then(client.vehicle(TestClients.MACH_E_VIN).status()))
            .expectSubscription()
            .thenAwait(Duration.ofSeconds(1))
            .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ServiceException.class)
                .hasMessageContaining("503"))
            .verify(VERIFY);
        assertThat(transport.count("telemetry")).isEqualTo(2);
    }

    /**
     * Resilience4j counts every call as it did when it wrapped every first attempt too (this test passed on that code
     * unchanged): answered at once (a 404 is an answer), answered after a retry, failed after its retries, failed
     * without retry (a command that may have left; a Retry-After that would end past the deadline).
     */
    @Test
    void retryMetricsCountEveryCallWhetherOrNotItWasRetried() {
        RetryPolicy policy = new RetryPolicy(NO_JITTER.withMaxRetries(1), SchedulerClock.UTC);
        HttpPipeline pipeline = new HttpPipeline(transport, DeadlineOptions.all(Duration.ofSeconds(30)),
            List.of(policy));
        script("telemetry", status(200), status(404), status(503), status(200), failure(true), failure(true),
            status(429, "60"));
        script("lock", failure(true), status(503, "60"));

        StepVerifier.withVirtualTime(() -> Flux.concat(pipeline.send(read()), pipeline.send(read()),
                pipeline.send(read()), pipeline.send(read()).onErrorComplete(), pipeline.send(command()).onErrorComplete(),
                pipeline.send(command()), pipeline.send(read())).then())
            .thenAwait(Duration.ofMinutes(1))
            .expectComplete()
            .verify(VERIFY);

        assertThat(transport.count("telemetry")).isEqualTo(7);
        assertThat(List.of(policy.reads().getMetrics().getNumberOfSuccessfulCallsWithoutRetryAttempt(),
                policy.reads().getMetrics().getNumberOfSuccessfulCallsWithRetryAttempt(),
                policy.reads().getMetrics().getNumberOfFailedCallsWithoutRetryAttempt(),
                policy.reads().getMetrics().getNumberOfFailedCallsWithRetryAttempt()))
            .containsExactly(2L, 1L, 1L, 1L);
        assertThat(List.of(policy.writes().getMetrics().getNumberOfSuccessfulCallsWithoutRetryAttempt(),
                policy.writes().getMetrics().getNumberOfSuccessfulCallsWithRetryAttempt(),
                policy.writes().getMetrics().getNumberOfFailedCallsWithoutRetryAttempt(),
                policy.writes().getMetrics().getNumberOfFailedCallsWithRetryAttempt()))
            .containsExactly(0L, 0L, 2L, 0L);
    }
}
