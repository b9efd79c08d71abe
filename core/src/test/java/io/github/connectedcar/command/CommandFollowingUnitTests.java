package io.github.connectedcar.command;

import io.github.connectedcar.model.CommandState;
import static io.github.connectedcar.testing.FakeCommandCloud.F150;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.ClientMetrics;
import io.github.connectedcar.ConnectedCarAsyncClient;
import io.github.connectedcar.exception.CommandExpiredException;
import io.github.connectedcar.exception.CommandFailedException;
import io.github.connectedcar.exception.CommandOutcomeUnknownException;
import io.github.connectedcar.exception.CommandTimeoutException;
import io.github.connectedcar.http.RetryOptions;
import io.github.connectedcar.testing.FakeCommandCloud;
import io.github.connectedcar.testing.FakeCommandCloudExtension;
import io.github.connectedcar.testing.InMemoryTransport;
import io.github.connectedcar.testing.VirtualTimeExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/** Following a command in telemetry states to its end (docs/ford-api.md §5.2), in virtual time. */
@Tag("unit")
@ExtendWith({VirtualTimeExtension.class, FakeCommandCloudExtension.class})
class CommandFollowingUnitTests {
    private static final Duration VERIFY = Duration.ofSeconds(5);

    private final VirtualTimeScheduler time;
    private final FakeCommandCloud cloud;
    private ConnectedCarAsyncClient client;

    CommandFollowingUnitTests(VirtualTimeScheduler time, FakeCommandCloud cloud, ConnectedCarAsyncClient client) {
        this.time = time;
        this.cloud = cloud;
        this.client = client;
    }

    private static CommandState state(CommandProgress progress) {
        return progress.state();
    }

    @Test
    void followsPendingStatesToSuccessCheckingAtTwelveFortyFiveAndHundredTwentySeconds() {
        cloud.steps("REQUEST_QUEUED", "RECEIVED_BY_DEVICE", "SUCCESS");

        StepVerifier.withVirtualTime(() -> client.vehicle(F150).start(), () -> time, Long.MAX_VALUE)
            .assertNext(step -> assertThat(state(step)).isEqualTo(CommandState.REQUESTED))
            .expectNoEvent(Duration.ofMillis(11_999))
            .thenAwait(Duration.ofMillis(1))
            .assertNext(step -> {
                assertThat(state(step)).isEqualTo(CommandState.QUEUED);
                assertThat(step.fordState()).contains("REQUEST_QUEUED");
            })
            .expectNoEvent(Duration.ofMillis(32_999))
            .thenAwait(Duration.ofMillis(1))
            .assertNext(step -> assertThat(state(step)).isEqualTo(CommandState.DELIVERED))
            .expectNoEvent(Duration.ofMillis(74_999))
            .thenAwait(Duration.ofMillis(1))
            .assertNext(step -> {
                assertThat(state(step)).isEqualTo(CommandState.SUCCEEDED);
                assertThat(step.commandId()).isEqualTo("cmd-1");
            })
            .expectComplete()
            .verify(VERIFY);

        assertThat(cloud.checks()).isEqualTo(3);
        assertThat(cloud.commandPosts()).hasSize(1);
    }

    @Test
    void resultIsTheSucceededStepWithFordsStateAndMetrics() {
        cloud.onTelemetry(request -> Mono.just(InMemoryTransport.json(request, 200, "{\"states\":{"
            + "\"lockCommand\":{\"commandId\":\"cmd-1\",\"timestamp\":\"2026-05-02T08:00:05Z\",\"value\":{"
            + "\"toState\":\"COMMAND_SUCCEEDED_ON_DEVICE\",\"metrics\":{\"doorLockStatus\":{\"value\":\"LOCKED\"}}}}}}")));

        StepVerifier.withVirtualTime(() -> client.vehicle(F150).lock().result(), () -> time, Long.MAX_VALUE)
            .thenAwait(Duration.ofSeconds(12))
            .assertNext(result -> {
                assertThat(result.state()).isEqualTo(CommandState.SUCCEEDED);
                assertThat(result.commandType()).isEqualTo("lock");
                assertThat(result.commandId()).isEqualTo("cmd-1");
                assertThat(result.vin()).isEqualTo(F150);
                assertThat(result.fordState()).contains("COMMAND_SUCCEEDED_ON_DEVICE");
                assertThat(result.reportedAt()).hasToString("2026-05-02T08:00:05Z");
                assertThat(result.metrics()).hasValueSatisfying(metrics ->
                    assertThat(metrics.path("doorLockStatus").path("value").asString()).isEqualTo("LOCKED"));
            })
            .expectComplete()
            .verify(VERIFY);
    }

    @Test
    void theDurationIsMeasuredOnTheClientsClockWhateverFordsTimestampsSay() {
        // Ford's clock is years off the client's (virtual) clock: its timestamps are kept, never subtracted.
        cloud.steps("REQUEST_QUEUED", "RECEIVED_BY_DEVICE", "SUCCESS");

        StepVerifier.withVirtualTime(() -> client.vehicle(F150).lock().result(), () -> time, Long.MAX_VALUE)
            .thenAwait(Duration.ofMinutes(2))
            .assertNext(result -> {
                assertThat(result.duration()).isEqualTo(Duration.ofMinutes(2)); // checks at 12 s, 45 s and 2 min
                assertThat(Duration.between(result.requestedAt(), result.completedAt())).isEqualTo(result.duration());
                assertThat(result.reportedAt()).hasToString("2026-05-02T08:00:00Z");
                assertThat(result.lastProgress().seenAt()).isEqualTo(result.completedAt());
            })
            .expectComplete()
            .verify(VERIFY);
    }

    @Test
    void failureOnTheCarCarriesFordsOemErrorCodeAndContext() {
        cloud.steps("REQUEST_QUEUED", "COMMAND_FAILED_ON_DEVICE").failureReason("0x2A", "DOOR_AJAR");
        CommandFlux start = client.vehicle(F150).start();
        List<CommandProgress> steps = new ArrayList<>();

        StepVerifier.withVirtualTime(() -> start.doOnNext(steps::add).then(start.result()), () -> time,
                Long.MAX_VALUE)
            .thenAwait(Duration.ofSeconds(45))
            .expectErrorSatisfies(error -> {
                assertThat(error).isInstanceOf(CommandFailedException.class)
                    .isNotInstanceOf(CommandExpiredException.class)
                    .hasMessageContaining("remoteStart").hasMessageContaining("cmd-1").hasMessageContaining(F150)
                    .hasMessageContaining("0x2A").hasMessageContaining("DOOR_AJAR");
                CommandFailedException failed = (CommandFailedException) error;
                assertThat(failed.getState()).isEqualTo(CommandState.FAILED);
                assertThat(failed.getFordState()).contains("COMMAND_FAILED_ON_DEVICE");
                assertThat(failed.getOemErrorCode()).contains("0x2A");
                assertThat(failed.getOemErrorContext()).contains("DOOR_AJAR");
                assertThat(failed.getCommandId()).contains("cmd-1");
                assertThat(failed.getVin()).isEqualTo(F150);
                assertThat(failed.getCommandType()).isEqualTo("remoteStart");
            })
            .verify(VERIFY);

        assertThat(steps).extracting(CommandProgress::state)
            .containsExactly(CommandState.REQUESTED, CommandState.QUEUED, CommandState.FAILED);
        assertThat(steps.get(2).oemErrorCode()).contains("0x2A");
        assertThat(cloud.commandPosts()).as("progress and result share one send").hasSize(1);
        assertThat(cloud.checks()).as("and one following").isEqualTo(2);
    }

    @Test
    void lowerCaseFailedIsAFailureToo() {
        cloud.steps("failed").failureReason("E17", null);

        StepVerifier.withVirtualTime(() -> client.vehicle(F150).unlock().result(), () -> time, Long.MAX_VALUE)
            .thenAwait(Duration.ofSeconds(12))
            .expectErrorSatisfies(error -> {
                assertThat(error).isInstanceOf(CommandFailedException.class);
                assertThat(((CommandFailedException) error).getOemErrorCode()).contains("E17");
                assertThat(((CommandFailedException) error).getOemErrorContext()).isEmpty();
            })
            .verify(VERIFY);
    }

    @Test
    void expiredCommandIsATypedExpiredError() {
        cloud.steps("REQUEST_QUEUED", "EXPIRED");

        StepVerifier.withVirtualTime(() -> client.vehicle(F150).lock().result(), () -> time, Long.MAX_VALUE)
            .thenAwait(Duration.ofSeconds(45))
            .expectErrorSatisfies(error -> {
                assertThat(error).isInstanceOf(CommandExpiredException.class).hasMessageContaining("expired");
                assertThat(((CommandExpiredException) error).getState()).isEqualTo(CommandState.EXPIRED);
                assertThat(((CommandExpiredException) error).getFordState()).contains("EXPIRED");
            })
            .verify(VERIFY);
    }

    @Test
    void unknownFordStateIsPassedThroughByNameAndFollowingGoesOn() {
        cloud.steps("REQUEST_QUEUED", "WAITING_FOR_IGNITION_OFF", "success");

        StepVerifier.withVirtualTime(() -> client.vehicle(F150).start(), () -> time, Long.MAX_VALUE)
            .expectNextMatches(step -> step.state().equals(CommandState.REQUESTED))
            .thenAwait(Duration.ofSeconds(12))
            .expectNextMatches(step -> step.state().equals(CommandState.QUEUED))
            .thenAwait(Duration.ofSeconds(33))
            .assertNext(step -> {
                assertThat(step.state().name()).isEqualTo("WAITING_FOR_IGNITION_OFF");
                assertThat(step.state().isKnown()).isFalse();
                assertThat(step.state().isFinal()).isFalse();
                assertThat(step.fordState()).contains("WAITING_FOR_IGNITION_OFF");
            })
            .thenAwait(Duration.ofSeconds(75))
            .assertNext(step -> {
                assertThat(step.state()).isEqualTo(CommandState.SUCCEEDED);
                assertThat(step.fordState()).contains("success");
            })
            .expectComplete()
            .verify(VERIFY);
    }

    @Test
    void deliveryAndInProgressStatesArePending() {
        cloud.steps("PENDING_DELIVERY", "COMMAND_IN_PROGRESS", "SUCCESS");

        StepVerifier.withVirtualTime(() -> client.vehicle(F150).lock(), () -> time, Long.MAX_VALUE)
            .expectNextMatches(step -> step.state().equals(CommandState.REQUESTED))
            .thenAwait(Duration.ofSeconds(12))
            .expectNextMatches(step -> step.state().equals(CommandState.QUEUED))
            .thenAwait(Duration.ofSeconds(33))
            .expectNextMatches(step -> step.state().equals(CommandState.DELIVERED))
            .thenAwait(Duration.ofSeconds(75))
            .expectNextMatches(step -> step.state().equals(CommandState.SUCCEEDED))
            .expectComplete()
            .verify(VERIFY);
    }

    @Test
    void eachDistinctStateIsEmittedOnce() {
        cloud.steps("REQUEST_QUEUED", "REQUEST_QUEUED", "SUCCESS");

        StepVerifier.withVirtualTime(() -> client.vehicle(F150).lock().map(CommandProgress::state), () -> time,
                Long.MAX_VALUE)
            .thenAwait(Duration.ofMinutes(2))
            .expectNext(CommandState.REQUESTED, CommandState.QUEUED, CommandState.SUCCEEDED)
            .expectComplete()
            .verify(VERIFY);
        assertThat(cloud.checks()).isEqualTo(3);
    }

    @Test
    void statesNestedUnderStatesCommandsAreFollowed() {
        cloud.nested().steps("REQUEST_QUEUED", "COMMAND_SUCCEEDED_ON_DEVICE");

        StepVerifier.withVirtualTime(() -> client.vehicle(F150).lock().map(CommandProgress::state), () -> time,
                Long.MAX_VALUE)
            .thenAwait(Duration.ofSeconds(45))
            .expectNext(CommandState.REQUESTED, CommandState.QUEUED, CommandState.SUCCEEDED)
            .expectComplete()
            .verify(VERIFY);
    }

    @Test
    void staleEntryOfAnOlderCommandIsIgnored() {
        AtomicInteger checks = new AtomicInteger();
        cloud.onTelemetry(request -> Mono.just(InMemoryTransport.json(request, 200, checks.incrementAndGet() <= 2
            // An earlier lock's success is still in the telemetry, at the top level and nested.
            ? "{\"states\":{\"lockCommand\":{\"commandId\":\"cmd-0\",\"value\":{\"toState\":\"SUCCESS\"}},"
                + "\"commands\":{\"lockCommand\":{\"commandId\":\"cmd-0\",\"value\":{\"toState\":\"FAILED\"}}}}}"
            : FakeCommandCloud.telemetryWith("lockCommand", "cmd-1", "SUCCESS", false, null, null))));

        StepVerifier.withVirtualTime(() -> client.vehicle(F150).lock(), () -> time, Long.MAX_VALUE)
            .expectNextMatches(step -> step.state().equals(CommandState.REQUESTED))
            .expectNoEvent(Duration.ofSeconds(119))
            .thenAwait(Duration.ofSeconds(1))
            .assertNext(step -> {
                assertThat(step.state()).isEqualTo(CommandState.SUCCEEDED);
                assertThat(step.commandId()).isEqualTo("cmd-1");
            })
            .expectComplete()
            .verify(VERIFY);
        assertThat(checks).hasValue(3);
    }

    @Test
    void aCommandStillPendingAtTheThirdCheckTimesOutAfterTwoMinutesSayingTheCarMayStillAct() {
        cloud.steps("REQUEST_QUEUED");
        CommandFlux lock = client.vehicle(F150).lock();
        List<CommandProgress> steps = new ArrayList<>();

        StepVerifier.withVirtualTime(() -> lock.doOnNext(steps::add).then(lock.result()), () -> time, Long.MAX_VALUE)
            .thenAwait(Duration.ofSeconds(119))
            .then(() -> assertThat(steps).extracting(CommandProgress::state)
                .containsExactly(CommandState.REQUESTED, CommandState.QUEUED))
            .thenAwait(Duration.ofSeconds(1))
            .expectErrorSatisfies(error -> {
                assertThat(error).isInstanceOf(CommandTimeoutException.class)
                    .hasMessageContaining("may still act").hasMessageContaining("status()");
                CommandTimeoutException timeout = (CommandTimeoutException) error;
                assertThat(timeout.getWaited()).isEqualTo(Duration.ofMinutes(2));
                assertThat(timeout.getLastKnownState()).isEqualTo(CommandState.QUEUED);
                assertThat(timeout.getCommandId()).contains("cmd-1");
            })
            .verify(VERIFY);

        assertThat(steps.get(steps.size() - 1).state()).isEqualTo(CommandState.TIMED_OUT);
        // Checks at 12 s, 45 s and 2 min: the third still sees it pending and ends the following. With the POST, four
        // requests in all.
        assertThat(cloud.checks()).isEqualTo(3);
        assertThat(cloud.transport.count("command") + cloud.transport.count("telemetry"))
            .as("the POST and the three checks").isEqualTo(4);
        assertThat(client.metrics().commandChecks()).isEqualTo(3);
        assertThat(client.metrics().commandOutcomes())
            .containsExactly(new ClientMetrics.CommandOutcome("lock", "TIMED_OUT", 1));
    }

    @Test
    void statusRefreshIsFollowedForFiveMinutes() {
        cloud.steps("REQUEST_QUEUED");

        StepVerifier.withVirtualTime(() -> client.vehicle(F150).refreshStatus().result(), () -> time,
                Long.MAX_VALUE)
            .thenAwait(Duration.ofMinutes(4))
            .expectNoEvent(Duration.ofSeconds(59))
            .thenAwait(Duration.ofSeconds(1))
            .expectErrorSatisfies(error -> assertThat(((CommandTimeoutException) error).getWaited())
                .isEqualTo(Duration.ofMinutes(5)))
            .verify(VERIFY);
        assertThat(cloud.checks()).as("at 65 s, 150 s and 5 min").isEqualTo(3);
    }

    @Test
    void perCallOptionsChangeWhenTheChecksCome() {
        cloud.steps("REQUEST_QUEUED", "SUCCESS");

        StepVerifier.withVirtualTime(() -> client.vehicle(F150)
                .withCommandOptions(CommandOptions.defaults().withChecks(Duration.ofSeconds(5), Duration.ofSeconds(9)))
                .lock().map(CommandProgress::state), () -> time, Long.MAX_VALUE)
            .expectNext(CommandState.REQUESTED)
            .expectNoEvent(Duration.ofSeconds(5))
            .expectNext(CommandState.QUEUED)
            .expectNoEvent(Duration.ofSeconds(4))
            .expectNext(CommandState.SUCCEEDED)
            .expectComplete()
            .verify(VERIFY);
        assertThat(cloud.checks()).isEqualTo(2);
    }

    @Test
    void perCallOptionsChangeTheTimeout() {
        cloud.steps("REQUEST_QUEUED");

        StepVerifier.withVirtualTime(() -> client.vehicle(F150)
                .withCommandOptions(CommandOptions.defaults().withTimeout(Duration.ofSeconds(30))).lock().result(),
                () -> time, Long.MAX_VALUE)
            .thenAwait(Duration.ofSeconds(30))
            .expectError(CommandTimeoutException.class)
            .verify(VERIFY);
    }

    @Test
    void checkAnsweredWithRetryAfterWaitsAsLongAsFordAsks() {
        client.close();
        client = cloud.client(builder -> builder.retryOptions(RetryOptions.none()));
        AtomicInteger checks = new AtomicInteger();
        cloud.onTelemetry(request -> Mono.just(checks.incrementAndGet() == 1
            ? InMemoryTransport.withHeader(InMemoryTransport.json(request, 429, "{\"message\":\"slow down\"}"),
                "Retry-After", "60")
            : InMemoryTransport.json(request, 200, FakeCommandCloud.telemetryWith("lockCommand", "cmd-1", "SUCCESS",
                false, null, null))));

        StepVerifier.withVirtualTime(() -> client.vehicle(F150).lock().map(CommandProgress::state), () -> time,
                Long.MAX_VALUE)
            .expectNext(CommandState.REQUESTED)
            .thenAwait(Duration.ofSeconds(12))
            .then(() -> assertThat(checks).hasValue(1))
            .expectNoEvent(Duration.ofSeconds(59))
            .then(() -> assertThat(checks).as("no check before Retry-After has passed").hasValue(1))
            .thenAwait(Duration.ofSeconds(1))
            .expectNext(CommandState.SUCCEEDED)
            .expectComplete()
            .verify(VERIFY);
        assertThat(checks).as("the second check came after Retry-After (at 72 s instead of 45 s); no third").hasValue(2);
    }

    @Test
    void passingCheckFailuresDoNotEndTheFollowing() {
        client.close();
        client = cloud.client(builder -> builder.retryOptions(RetryOptions.none()));
        AtomicInteger checks = new AtomicInteger();
        cloud.onTelemetry(request -> Mono.just(switch (checks.incrementAndGet()) {
            case 1 -> InMemoryTransport.json(request, 503, "{\"message\":\"unavailable\"}");
            case 2 -> InMemoryTransport.text(request, 200, "text/html", "<html>oops</html>");
            default -> InMemoryTransport.json(request, 200, FakeCommandCloud.telemetryWith("lockCommand", "cmd-1",
                "SUCCESS", false, null, null));
        }));

        StepVerifier.withVirtualTime(() -> client.vehicle(F150).lock().result(), () -> time, Long.MAX_VALUE)
            .thenAwait(Duration.ofMinutes(2))
            .assertNext(result -> assertThat(result.state()).isEqualTo(CommandState.SUCCEEDED))
            .expectComplete()
            .verify(VERIFY);
        assertThat(checks).as("a failed check is retried by the next scheduled one, not sooner").hasValue(3);
    }

    @Test
    void aLastCheckThatFailsLeavesTheOutcomeUnknownAfterThreeChecks() {
        client.close();
        client = cloud.client(builder -> builder.retryOptions(RetryOptions.none()));
        AtomicInteger checks = new AtomicInteger();
        cloud.onTelemetry(request -> {
            checks.incrementAndGet();
            return Mono.just(InMemoryTransport.json(request, 503, "{\"message\":\"unavailable\"}"));
        });

        StepVerifier.withVirtualTime(() -> client.vehicle(F150).lock().result(), () -> time, Long.MAX_VALUE)
            .thenAwait(Duration.ofMinutes(2))
            .expectErrorSatisfies(error -> {
                assertThat(error).isInstanceOf(CommandOutcomeUnknownException.class)
                    .hasMessageContaining("was accepted").hasMessageContaining("status()");
                assertThat(error.getCause()).hasMessageContaining("503");
            })
            .verify(VERIFY);
        assertThat(checks).as("at 12 s, 45 s and 2 min; none at once after a failure").hasValue(3);
        assertThat(cloud.commandPosts()).hasSize(1);
    }

    @Test
    void followingThatFailsForGoodIsOutcomeUnknownAndNeverResends() {
        cloud.onTelemetry(request -> Mono.just(InMemoryTransport.json(request, 403,
            "{\"message\":\"forbidden\"}")));

        StepVerifier.withVirtualTime(() -> client.vehicle(F150).lock().result(), () -> time, Long.MAX_VALUE)
            .thenAwait(Duration.ofSeconds(12))
            .expectErrorSatisfies(error -> {
                assertThat(error).isInstanceOf(CommandOutcomeUnknownException.class)
                    .hasMessageContaining("was accepted").hasMessageContaining("status()");
                CommandOutcomeUnknownException unknown = (CommandOutcomeUnknownException) error;
                assertThat(unknown.isAccepted()).isTrue();
                assertThat(unknown.getCommandId()).contains("cmd-1");
                assertThat(unknown.getCause()).hasMessageContaining("403");
            })
            .verify(VERIFY);
        assertThat(cloud.commandPosts()).hasSize(1);
    }

    @Test
    void twoSubscribersShareOneSendAndOneFollowing() {
        cloud.steps("REQUEST_QUEUED", "SUCCESS");
        CommandFlux lock = client.vehicle(F150).lock();
        List<CommandState> first = new ArrayList<>();
        List<CommandState> second = new ArrayList<>();

        StepVerifier.withVirtualTime(() -> Mono.when(lock.doOnNext(s -> first.add(s.state())),
                lock.progress().doOnNext(s -> second.add(s.state())), lock.result()), () -> time, Long.MAX_VALUE)
            .thenAwait(Duration.ofSeconds(45))
            .expectComplete()
            .verify(VERIFY);

        assertThat(cloud.commandPosts()).hasSize(1);
        assertThat(cloud.checks()).isEqualTo(2);
        assertThat(first).containsExactly(CommandState.REQUESTED, CommandState.QUEUED, CommandState.SUCCEEDED);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void lateSubscriberAfterTheEndGetsTheRecordedStepsWithoutAnyCall() {
        cloud.steps("SUCCESS");
        CommandFlux lock = client.vehicle(F150).lock();
        StepVerifier.withVirtualTime(lock::result, () -> time, Long.MAX_VALUE)
            .thenAwait(Duration.ofSeconds(12))
            .expectNextCount(1)
            .expectComplete()
            .verify(VERIFY);
        int requests = cloud.transport.requests().size();

        StepVerifier.create(lock.map(CommandProgress::state))
            .expectNext(CommandState.REQUESTED, CommandState.SUCCEEDED)
            .expectComplete()
            .verify(VERIFY);
        StepVerifier.create(lock.result())
            .expectNextMatches(result -> result.commandId().equals("cmd-1"))
            .expectComplete()
            .verify(VERIFY);
        assertThat(cloud.transport.requests()).hasSize(requests);
    }

    @Test
    void cancellingStopsTheChecksButNeverUnsendsAndANewSubscriberFollowsTheSameCommand() {
        cloud.steps("REQUEST_QUEUED", "REQUEST_QUEUED", "SUCCESS");
        CommandFlux lock = client.vehicle(F150).lock();

        // StepVerifier.create keeps the installed virtual clock running (withVirtualTime would dispose it).
        StepVerifier.create(lock)
            .expectNextMatches(step -> step.state().equals(CommandState.REQUESTED))
            .then(() -> time.advanceTimeBy(Duration.ofSeconds(12)))
            .expectNextMatches(step -> step.state().equals(CommandState.QUEUED))
            .thenCancel()
            .verify(VERIFY);
        time.advanceTimeBy(Duration.ofMinutes(5));
        assertThat(cloud.checks()).as("no check after the cancel").isEqualTo(1);

        StepVerifier.withVirtualTime(lock::result, () -> time, Long.MAX_VALUE)
            .thenAwait(Duration.ofSeconds(45))
            .assertNext(result -> assertThat(result.commandId()).isEqualTo("cmd-1"))
            .expectComplete()
            .verify(VERIFY);
        assertThat(cloud.commandPosts()).as("sent once").hasSize(1);
    }

    @Test
    void cancellingWhileThePostIsOnItsWayLetsItFinishAndNeverSendsAgain() {
        AtomicInteger posts = new AtomicInteger();
        cloud.transport.on("command", request -> {
            posts.incrementAndGet();
            return Mono.delay(Duration.ofSeconds(3)).thenReturn(InMemoryTransport.json(request, 201,
                "{\"id\":\"slow-1\"}"));
        });
        cloud.steps("SUCCESS");
        CommandFlux lock = client.vehicle(F150).lock();

        Disposable first = lock.subscribe();
        time.advanceTimeBy(Duration.ofSeconds(1));
        first.dispose();
        time.advanceTimeBy(Duration.ofSeconds(5));
        assertThat(posts).hasValue(1);

        cloud.onTelemetry(request -> Mono.just(InMemoryTransport.json(request, 200,
            FakeCommandCloud.telemetryWith("lockCommand", "slow-1", "SUCCESS", false, null, null))));
        StepVerifier.withVirtualTime(lock::result, () -> time, Long.MAX_VALUE)
            .thenAwait(Duration.ofSeconds(12))
            .assertNext(result -> assertThat(result.commandId()).isEqualTo("slow-1"))
            .expectComplete()
            .verify(VERIFY);
        assertThat(posts).as("the second subscriber did not send again").hasValue(1);
    }
}
