package io.github.connectedcar.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.ConnectedCarAsyncClient;
import io.github.connectedcar.model.CommandState;
import io.github.connectedcar.status.StatusStreamOptions;
import io.github.connectedcar.testing.FakeCommandCloud;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/** Commands followed by the car's websocket push instead of telemetry polls (docs/ford-api.md §5.2, §6). */
@Tag("unit")
class CommandPushUnitTests {
    private static final String F150 = FakeCommandCloud.F150;
    private static final Duration VERIFY = Duration.ofSeconds(5);

    private final FakeCommandCloud cloud = new FakeCommandCloud();
    private final AtomicInteger sockets = new AtomicInteger();
    private final AtomicInteger socketsClosed = new AtomicInteger();
    private Sinks.Many<String> inbound;

    @AfterEach
    void close() {
        cloud.close();
    }

    /** Each socket the client opens pushes what the test emits on the latest one, with keep-alives. */
    private ConnectedCarAsyncClient client(StatusStreamOptions options) {
        cloud.transport.onWebSocket(outbound -> {
            sockets.incrementAndGet();
            inbound = Sinks.many().unicast().onBackpressureBuffer();
            return Flux.merge(inbound.asFlux(), Flux.interval(Duration.ofSeconds(20)).map(tick -> "{}"))
                .doOnCancel(socketsClosed::incrementAndGet);
        });
        return cloud.client(builder -> builder.statusStreamOptions(options));
    }

    private static String lockState(String commandId, String toState) {
        return "{\"_data\":{\"states\":{\"lockCommand\":{\"commandId\":\"" + commandId + "\",\"timestamp\":"
            + "\"2026-05-02T08:00:05Z\",\"value\":{\"toState\":\"" + toState + "\"}}}}}";
    }

    @Test
    void aCommandOnACarWithAnOpenStreamIsFollowedByPushWithoutPolling() {
        ConnectedCarAsyncClient client = client(StatusStreamOptions.defaults());
        Disposable stream = client.vehicle(F150).statusUpdates().subscribe();
        long telemetryBefore = cloud.transport.count("telemetry"); // the stream's snapshot

        StepVerifier.withVirtualTime(() -> client.vehicle(F150).lock())
            .assertNext(step -> assertThat(step.state()).isEqualTo(CommandState.REQUESTED))
            .then(() -> inbound.tryEmitNext(lockState("cmd-0", "SUCCESS"))) // an older command's: no news
            .then(() -> inbound.tryEmitNext(lockState("cmd-1", "REQUEST_QUEUED")))
            .assertNext(step -> assertThat(step.state()).isEqualTo(CommandState.QUEUED))
            .then(() -> inbound.tryEmitNext(lockState("cmd-1", "RECEIVED_BY_DEVICE")))
            .assertNext(step -> assertThat(step.state()).isEqualTo(CommandState.DELIVERED))
            .thenAwait(Duration.ofSeconds(30)) // no polls however long the car takes
            .then(() -> inbound.tryEmitNext(lockState("cmd-1", "SUCCESS")))
            .assertNext(step -> assertThat(step.state()).isEqualTo(CommandState.SUCCEEDED))
            .expectComplete()
            .verify(VERIFY);

        stream.dispose();
        assertThat(client.metrics().commandChecks()).isZero();
        assertThat(cloud.transport.count("telemetry")).isEqualTo(telemetryBefore);
        assertThat(sockets).as("the stream's socket only").hasValue(1);
    }

    @Test
    void withoutAStreamTheCommandListensOnASocketOfItsOwnForItsDurationOnly() {
        ConnectedCarAsyncClient client = client(StatusStreamOptions.defaults());

        StepVerifier.withVirtualTime(() -> client.vehicle(F150).lock())
            .assertNext(step -> assertThat(step.state()).isEqualTo(CommandState.REQUESTED))
            .then(() -> inbound.tryEmitNext(lockState("cmd-1", "SUCCESS")))
            .assertNext(step -> assertThat(step.state()).isEqualTo(CommandState.SUCCEEDED))
            .expectComplete()
            .verify(VERIFY);

        // The vehicle list (capability check, kept), the POST and the upgrade: no snapshot read, no poll.
        assertThat(cloud.transport.count("telemetry")).isZero();
        assertThat(cloud.commandPosts()).hasSize(1);
        assertThat(sockets).hasValue(1);
        assertThat(socketsClosed).as("closed with the command").hasValue(1);
    }

    @Test
    void whenThePushStopsBeforeTheEndTheRestIsPolled() {
        ConnectedCarAsyncClient client = client(StatusStreamOptions.defaults());
        cloud.steps("SUCCESS");

        StepVerifier.withVirtualTime(() -> client.vehicle(F150).lock())
            .assertNext(step -> assertThat(step.state()).isEqualTo(CommandState.REQUESTED))
            .then(() -> inbound.tryEmitNext(lockState("cmd-1", "REQUEST_QUEUED")))
            .assertNext(step -> assertThat(step.state()).isEqualTo(CommandState.QUEUED))
            .then(() -> inbound.tryEmitNext("{\"_error\":{\"message\":\"websocket session expired\"}}"))
            .thenAwait(CommandOptions.DEFAULT_CHECKS.get(0))
            .assertNext(step -> assertThat(step.state()).isEqualTo(CommandState.SUCCEEDED))
            .expectComplete()
            .verify(VERIFY);

        assertThat(cloud.checks()).isEqualTo(1);
    }

    @Test
    void aCommandWhosePushNeverEndsItTimesOut() {
        ConnectedCarAsyncClient client = client(StatusStreamOptions.defaults());

        StepVerifier.withVirtualTime(() -> client.vehicle(F150).lock())
            .assertNext(step -> assertThat(step.state()).isEqualTo(CommandState.REQUESTED))
            .thenAwait(CommandOptions.DEFAULT_TIMEOUT)
            .assertNext(step -> assertThat(step.state()).isEqualTo(CommandState.TIMED_OUT))
            .expectComplete()
            .verify(VERIFY);

        assertThat(cloud.checks()).isZero();
        assertThat(socketsClosed).hasValue(1);
    }

    @Test
    void withWebsocketsOffCommandsArePolled() {
        ConnectedCarAsyncClient client = client(StatusStreamOptions.polling(Duration.ofMinutes(15)));
        cloud.steps("SUCCESS");

        StepVerifier.withVirtualTime(() -> client.vehicle(F150).lock())
            .assertNext(step -> assertThat(step.state()).isEqualTo(CommandState.REQUESTED))
            .thenAwait(CommandOptions.DEFAULT_CHECKS.get(0))
            .assertNext(step -> assertThat(step.state()).isEqualTo(CommandState.SUCCEEDED))
            .expectComplete()
            .verify(VERIFY);

        assertThat(sockets).hasValue(0);
        assertThat(cloud.checks()).isEqualTo(1);
    }
}
