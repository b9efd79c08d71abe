package io.github.connectedcar.protection;

import static io.github.connectedcar.testing.FakeCommandCloud.F150;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.ClientMetrics;
import io.github.connectedcar.ConnectedCarAsyncClient;
import io.github.connectedcar.exception.CommandOutcomeUnknownException;
import io.github.connectedcar.exception.QuotaExceededException;
import io.github.connectedcar.exception.RateLimitedException;
import io.github.connectedcar.http.RetryOptions;
import io.github.connectedcar.internal.SchedulerClock;
import io.github.connectedcar.testing.FakeCommandCloud;
import io.github.connectedcar.testing.FakeCommandCloudExtension;
import io.github.connectedcar.testing.InMemoryTransport;
import io.github.connectedcar.testing.VirtualTimeExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * The account's request budget: a rolling 24 h window and a burst limit by the client's clock, shared by every call.
 * Virtual time throughout; the vehicle list ({@code vehicles()}, CAT, no token call) is the one-request probe.
 */
@Tag("unit")
@ExtendWith({VirtualTimeExtension.class, FakeCommandCloudExtension.class})
class QuotaUnitTests {
    private static final Duration VERIFY = Duration.ofSeconds(5);

    private final VirtualTimeScheduler time;
    private final FakeCommandCloud cloud;
    private ConnectedCarAsyncClient client;

    QuotaUnitTests(VirtualTimeScheduler time, FakeCommandCloud cloud) {
        this.time = time;
        this.cloud = cloud;
    }

    private void client(UnaryOperator<QuotaOptions> quota) {
        client = cloud.client(builder -> builder.quota(quota.apply(QuotaOptions.defaults())));
    }

    private Mono<Long> reads(int n) {
        return Flux.range(0, n).concatMap(i -> client.vehicles().count()).count();
    }

    @Test
    void the251stRequestOfADayFailsSayingWhenTheNextIsAllowedAndNothingIsSent() {
        client(quota -> quota.withBurst(1000, Duration.ofMinutes(1)));

        StepVerifier.create(reads(250))
            .expectNext(250L)
            .expectComplete()
            .verify(VERIFY);
        assertThat(cloud.transport.requests()).hasSize(250);
        assertThat(client.metrics().quota().remaining()).isZero();

        time.advanceTimeBy(Duration.ofHours(3));
        StepVerifier.create(client.vehicles())
            .expectErrorSatisfies(error -> {
                assertThat(error).isInstanceOf(QuotaExceededException.class).isInstanceOf(RateLimitedException.class)
                    .hasMessageContaining("vehicles").hasMessageContaining("250 requests per 24 h")
                    .hasMessageContaining("1970-01-02T00:00:00Z").hasMessageContaining("in 21 h");
                QuotaExceededException quota = (QuotaExceededException) error;
                assertThat(quota.getLimit()).isEqualTo(QuotaExceededException.Limit.DAILY);
                assertThat(quota.getNextAllowedAt()).isEqualTo(Instant.parse("1970-01-02T00:00:00Z"));
                assertThat(quota.getRetryAfter()).isEqualTo(Duration.ofHours(21));
            })
            .verify(VERIFY);
        assertThat(cloud.transport.requests()).as("the refused request never left").hasSize(250);

        time.advanceTimeBy(Duration.ofHours(21));
        StepVerifier.create(client.vehicles().count())
            .expectNext(2L)
            .expectComplete()
            .verify(VERIFY);
        assertThat(cloud.transport.requests()).hasSize(251);
    }

    @Test
    void requestWaitsForTheNextSlotWhenItFreesWithinTheMaxWait() {
        client(quota -> quota.withDailyLimit(3).withWindow(Duration.ofMinutes(10)).withMaxWait(Duration.ofMinutes(1)));
        StepVerifier.create(reads(3)).expectNext(3L).expectComplete().verify(VERIFY);
        time.advanceTimeBy(Duration.ofSeconds(570));

        StepVerifier.create(client.vehicles().count())
            .expectSubscription()
            .then(() -> time.advanceTimeBy(Duration.ofSeconds(29)))
            .then(() -> assertThat(cloud.transport.requests()).as("still waiting for the slot").hasSize(3))
            .then(() -> time.advanceTimeBy(Duration.ofSeconds(1)))
            .expectNext(2L)
            .expectComplete()
            .verify(VERIFY);
        assertThat(cloud.transport.requests()).hasSize(4);
    }

    @Test
    void burstLimitRefusesThe21stRequestWithinAMinuteWhenItMayNotWait() {
        client(quota -> quota.withMaxWait(Duration.ZERO));
        StepVerifier.create(reads(20)).expectNext(20L).expectComplete().verify(VERIFY);

        StepVerifier.create(client.vehicles())
            .expectErrorSatisfies(error -> {
                QuotaExceededException quota = (QuotaExceededException) error;
                assertThat(quota.getLimit()).isEqualTo(QuotaExceededException.Limit.BURST);
                assertThat(quota).hasMessageContaining("20 requests within 1 min");
                assertThat(quota.getNextAllowedAt()).isEqualTo(Instant.parse("1970-01-01T00:01:00Z"));
            })
            .verify(VERIFY);
        assertThat(cloud.transport.requests()).hasSize(20);
    }

    @Test
    void burstLimitMakesThe21stRequestWaitForTheNextMinuteWhenItMay() {
        client(quota -> quota.withMaxWait(Duration.ofMinutes(1)));
        StepVerifier.create(reads(20)).expectNext(20L).expectComplete().verify(VERIFY);

        StepVerifier.create(client.vehicles().count())
            .expectSubscription()
            .then(() -> time.advanceTimeBy(Duration.ofSeconds(59)))
            .then(() -> assertThat(cloud.transport.requests()).hasSize(20))
            .then(() -> time.advanceTimeBy(Duration.ofSeconds(1)))
            .expectNext(2L)
            .expectComplete()
            .verify(VERIFY);
    }

    @Test
    void commandsTheirChecksAndTokenCallsAllCount() {
        client(quota -> quota);
        cloud.steps("REQUEST_QUEUED", "RECEIVED_BY_DEVICE", "SUCCESS");

        StepVerifier.create(client.vehicle(F150).lock().result())
            .expectSubscription()
            .then(() -> time.advanceTimeBy(Duration.ofMinutes(2)))
            .expectNextCount(1)
            .expectComplete()
            .verify(VERIFY);

        // vehicle list, TMC exchange, the POST and three telemetry checks
        assertThat(cloud.transport.requests()).hasSize(6);
        ClientMetrics metrics = client.metrics();
        assertThat(metrics.quota().usedInWindow()).isEqualTo(6);
        assertThat(metrics.quota().remaining()).isEqualTo(244);
        assertThat(metrics.quota().nextSlotFreesAt()).contains(Instant.parse("1970-01-02T00:00:00Z"));
        assertThat(metrics.commandsSent()).isEqualTo(1);
        assertThat(metrics.commandChecks()).isEqualTo(3);
        assertThat(metrics.checksPerCommand()).isEqualTo(3.0);
    }

    @Test
    void budgetRunningOutWhileFollowingEndsTheFollowingWithTheQuotaAsCause() {
        client(quota -> quota.withDailyLimit(5).withMaxWait(Duration.ZERO));
        cloud.steps("REQUEST_QUEUED");

        StepVerifier.create(client.vehicle(F150).lock().result())
            .expectSubscription()
            .then(() -> time.advanceTimeBy(Duration.ofMinutes(2)))
            .expectErrorSatisfies(error -> {
                assertThat(error).isInstanceOf(CommandOutcomeUnknownException.class)
                    .hasCauseInstanceOf(QuotaExceededException.class);
                assertThat(((CommandOutcomeUnknownException) error).isAccepted()).isTrue();
            })
            .verify(VERIFY);
        // vehicle list, TMC exchange, the POST, two checks; the third check was refused before it left.
        assertThat(cloud.checks()).isEqualTo(2);
        assertThat(cloud.commandPosts()).hasSize(1);
    }

    @Test
    void eachRetryAttemptPays() {
        client = cloud.client(builder -> builder.retryOptions(RetryOptions.defaults().withJitter(0)));
        AtomicInteger attempts = new AtomicInteger();
        cloud.transport.on("vehicles", request -> Mono.just(attempts.incrementAndGet() == 1
            ? InMemoryTransport.json(request, 503, "{}")
            : InMemoryTransport.json(request, 207, "{\"vehicleProfile\":[]}")));

        StepVerifier.create(client.vehicles().count())
            .expectSubscription()
            .then(() -> time.advanceTimeBy(Duration.ofSeconds(1)))
            .expectNext(0L)
            .expectComplete()
            .verify(VERIFY);
        assertThat(client.metrics().quota().usedInWindow()).isEqualTo(2);
        assertThat(client.metrics().requestsSent()).isEqualTo(2);
        assertThat(client.metrics().readRetries().succeededWithRetry()).isEqualTo(1);
    }

    /** The client's clock, {@code offset} away from (virtual) scheduler time: a wall clock that can be set back. */
    private static Clock shiftedBy(AtomicReference<Duration> offset) {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return SchedulerClock.UTC.instant().plus(offset.get());
            }
        };
    }

    @Test
    void aClockSetBackDoesNotStopTheBurstLimit() {
        AtomicReference<Duration> offset = new AtomicReference<>(Duration.ofHours(2));
        client = cloud.client(builder -> builder.clock(shiftedBy(offset)));
        StepVerifier.create(reads(5)).expectNext(5L).expectComplete().verify(VERIFY);

        offset.set(Duration.ZERO); // NTP steps the wall clock back by two hours
        StepVerifier.create(reads(5)).expectNext(5L).expectComplete().verify(VERIFY);
        assertThat(cloud.transport.requests()).hasSize(10);
        assertThat(client.metrics().quota().burstPermitsAvailable()).isEqualTo(10);
    }

    @Test
    void aClockSetBackDoesNotStretchTheDailyWindow() {
        AtomicReference<Duration> offset = new AtomicReference<>(Duration.ofHours(2));
        client = cloud.client(builder -> builder.clock(shiftedBy(offset))
            .quota(QuotaOptions.defaults().withDailyLimit(3).withWindow(Duration.ofMinutes(10))
                .withMaxWait(Duration.ZERO)));
        StepVerifier.create(reads(3)).expectNext(3L).expectComplete().verify(VERIFY);

        offset.set(Duration.ZERO);
        StepVerifier.create(client.vehicles())
            .expectErrorSatisfies(error -> {
                QuotaExceededException quota = (QuotaExceededException) error;
                assertThat(quota.getLimit()).isEqualTo(QuotaExceededException.Limit.DAILY);
                assertThat(quota.getRetryAfter()).isEqualTo(Duration.ofMinutes(10));
                assertThat(quota.getNextAllowedAt()).isEqualTo(Instant.parse("1970-01-01T00:10:00Z"));
            })
            .verify(VERIFY);
        // Ten minutes after the three requests the window has passed, whatever the wall clock says.
        time.advanceTimeBy(Duration.ofMinutes(10));
        StepVerifier.create(client.vehicles().count()).expectNext(2L).expectComplete().verify(VERIFY);
        assertThat(client.metrics().quota().nextSlotFreesAt()).contains(Instant.parse("1970-01-01T00:20:00Z"));
    }

    @Test
    void unlimitedBudgetCountsNothing() {
        client = cloud.client(builder -> builder.quota(QuotaOptions.unlimited()));
        StepVerifier.create(reads(300)).expectNext(300L).expectComplete().verify(VERIFY);
        assertThat(client.metrics().quota().usedInWindow()).isZero();
        assertThat(client.metrics().quota().dailyLimit()).isEqualTo(Integer.MAX_VALUE);
    }
}
