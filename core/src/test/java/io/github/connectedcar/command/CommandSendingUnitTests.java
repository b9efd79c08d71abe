package io.github.connectedcar.command;

import io.github.connectedcar.model.CommandState;
import static io.github.connectedcar.testing.FakeCommandCloud.F150;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.ConnectedCarAsyncClient;
import io.github.connectedcar.exception.CommandOutcomeUnknownException;
import io.github.connectedcar.exception.ServiceException;
import io.github.connectedcar.exception.VehicleNotFoundException;
import io.github.connectedcar.http.TransportException;
import io.github.connectedcar.testing.FakeCommandCloud;
import io.github.connectedcar.testing.FakeCommandCloudExtension;
import io.github.connectedcar.testing.InMemoryTransport;
import io.github.connectedcar.testing.VirtualTimeExtension;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/** Sending a command once: what happens to the POST when the wire or Ford fails (docs/ford-api.md §5.1, design habit 5). */
@Tag("unit")
@ExtendWith({VirtualTimeExtension.class, FakeCommandCloudExtension.class})
class CommandSendingUnitTests {
    private static final Duration VERIFY = Duration.ofSeconds(5);

    private final VirtualTimeScheduler time;
    private final FakeCommandCloud cloud;
    private final ConnectedCarAsyncClient client;

    CommandSendingUnitTests(VirtualTimeScheduler time, FakeCommandCloud cloud, ConnectedCarAsyncClient client) {
        this.time = time;
        this.cloud = cloud;
        this.client = client;
    }

    @Test
    void commandIsNotResentAfterLostResponse() {
        cloud.transport.on("command", request -> Mono.error(new TransportException("connection reset after the "
            + "request was written", true, null)));

        StepVerifier.withVirtualTime(() -> client.vehicle(F150).start().result(), () -> time, Long.MAX_VALUE)
            .thenAwait(Duration.ofMinutes(1))
            .expectErrorSatisfies(error -> {
                assertThat(error).isInstanceOf(CommandOutcomeUnknownException.class)
                    .hasMessageContaining("remoteStart").hasMessageContaining(F150)
                    .hasMessageContaining("not sent again").hasMessageContaining("status()")
                    .hasCauseInstanceOf(TransportException.class);
                CommandOutcomeUnknownException unknown = (CommandOutcomeUnknownException) error;
                assertThat(unknown.getVin()).isEqualTo(F150);
                assertThat(unknown.getCommandType()).isEqualTo("remoteStart");
                assertThat(unknown.getCommandId()).isEmpty();
                assertThat(unknown.isAccepted()).isFalse();
            })
            .verify(VERIFY);

        assertThat(cloud.commandPosts()).as("the POST reached the wire once").hasSize(1);
        assertThat(cloud.checks()).as("nothing to follow").isZero();
    }

    @Test
    void commandThatNeverLeftIsSentAgainByTheRetryPolicy() {
        AtomicInteger attempts = new AtomicInteger();
        cloud.transport.on("command", request -> attempts.incrementAndGet() == 1
            ? Mono.error(new TransportException("connection refused", false, null))
            : Mono.just(InMemoryTransport.json(request, 201, "{\"id\":\"cmd-after-refusal\"}")));
        cloud.steps("SUCCESS").reportingId("cmd-after-refusal");

        StepVerifier.withVirtualTime(() -> client.vehicle(F150).lock().result(), () -> time, Long.MAX_VALUE)
            .thenAwait(Duration.ofSeconds(1))
            .then(() -> assertThat(attempts).as("second attempt after the 1 s backoff").hasValue(2))
            .thenAwait(Duration.ofSeconds(12))
            .assertNext(result -> assertThat(result.commandId()).isEqualTo("cmd-after-refusal"))
            .expectComplete()
            .verify(VERIFY);

        assertThat(client.metrics().writeRetries().succeededWithRetry()).isEqualTo(1);
    }

    @Test
    void commandRefusedEveryTimeFailsAsNotSentAfterTheRetries() {
        cloud.transport.on("command", request -> Mono.error(new TransportException("connection refused", false,
            null)));

        StepVerifier.withVirtualTime(() -> client.vehicle(F150).lock().result(), () -> time, Long.MAX_VALUE)
            .thenAwait(Duration.ofMinutes(1))
            .expectErrorSatisfies(error -> {
                assertThat(error).isInstanceOf(TransportException.class);
                assertThat(((TransportException) error).requestMayHaveBeenSent()).isFalse();
            })
            .verify(VERIFY);
        assertThat(cloud.commandPosts()).as("first attempt and three retries").hasSize(4);
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void failingFordServiceMakesTheOutcomeUnknownAndIsNotRetried(int status) {
        cloud.transport.on("command", request -> Mono.just(InMemoryTransport.json(request, status,
            "{\"code\":\"GATEWAY\",\"message\":\"upstream failed\"}")));

        StepVerifier.withVirtualTime(() -> client.vehicle(F150).lock().result(), () -> time, Long.MAX_VALUE)
            .thenAwait(Duration.ofMinutes(1))
            .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(CommandOutcomeUnknownException.class)
                .hasMessageContaining("HTTP " + status).hasCauseInstanceOf(ServiceException.class))
            .verify(VERIFY);
        assertThat(cloud.commandPosts()).hasSize(1);
    }

    @Test
    void commandRefusedByFordIsAServiceErrorAndNotRetried() {
        cloud.transport.on("command", request -> Mono.just(InMemoryTransport.json(request, 400,
            "{\"code\":\"INVALID\",\"message\":\"unknown command type\",\"referenceId\":\"ref-7\"}")));

        StepVerifier.withVirtualTime(() -> client.vehicle(F150).lock().result(), () -> time, Long.MAX_VALUE)
            .thenAwait(Duration.ofMinutes(1))
            .expectErrorSatisfies(error -> {
                assertThat(error).isInstanceOf(ServiceException.class).hasMessageContaining("unknown command type");
                assertThat(((ServiceException) error).getRequestId()).isEqualTo("ref-7");
            })
            .verify(VERIFY);
        assertThat(cloud.commandPosts()).hasSize(1);
    }

    @Test
    void commandForAVehicleFordDoesNotKnowIsVehicleNotFound() {
        cloud.transport.on("command", request -> Mono.just(InMemoryTransport.json(request, 404,
            "{\"message\":\"not found\"}")));

        StepVerifier.withVirtualTime(() -> client.vehicle(F150).lock().result(), () -> time, Long.MAX_VALUE)
            .expectError(VehicleNotFoundException.class)
            .verify(VERIFY);
    }

    @Test
    void acceptedCommandWithoutAnIdIsOutcomeUnknown() {
        cloud.transport.on("command", request -> Mono.just(InMemoryTransport.json(request, 201,
            "{\"currentStatus\":\"REQUESTED\"}")));

        StepVerifier.withVirtualTime(() -> client.vehicle(F150).lock().result(), () -> time, Long.MAX_VALUE)
            .expectErrorSatisfies(error -> {
                assertThat(error).isInstanceOf(CommandOutcomeUnknownException.class)
                    .hasMessageContaining("no command id");
                assertThat(((CommandOutcomeUnknownException) error).isAccepted()).isTrue();
            })
            .verify(VERIFY);
        assertThat(cloud.commandPosts()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "commandId", "correlationId"})
    void commandIdIsReadFromAnyOfItsFields(String field) {
        cloud.transport.on("command", request -> Mono.just(InMemoryTransport.json(request, 201,
            "{\"" + field + "\":\"cmd-1\"}")));
        cloud.steps("SUCCESS").reportingId("cmd-1");

        StepVerifier.withVirtualTime(() -> client.vehicle(F150).lock().result(), () -> time, Long.MAX_VALUE)
            .thenAwait(Duration.ofSeconds(12))
            .assertNext(result -> assertThat(result.commandId()).isEqualTo("cmd-1"))
            .expectComplete()
            .verify(VERIFY);
    }

    @Test
    void finalStateInThePostAnswerEndsTheCommandWithoutChecks() {
        cloud.transport.on("command", request -> Mono.just(InMemoryTransport.json(request, 201,
            "{\"id\":\"cmd-9\",\"currentStatus\":\"SUCCESS\"}")));

        StepVerifier.withVirtualTime(() -> client.vehicle(F150).lock().map(CommandProgress::state), () -> time,
                Long.MAX_VALUE)
            .expectNext(CommandState.REQUESTED, CommandState.SUCCEEDED)
            .expectComplete()
            .verify(VERIFY);
        assertThat(cloud.checks()).isZero();
    }
}
