package io.github.connectedcar.http;

import static io.github.connectedcar.testing.FakeCommandCloud.F150;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.connectedcar.ConnectedCarAsyncClient;
import io.github.connectedcar.exception.CommandOutcomeUnknownException;
import io.github.connectedcar.exception.RateLimitedException;
import io.github.connectedcar.testing.FakeCommandCloud;
import io.github.connectedcar.testing.FakeCommandCloudExtension;
import io.github.connectedcar.testing.InMemoryTransport;
import io.github.connectedcar.testing.VirtualTimeExtension;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * Every call ends within its deadline, retries included, in virtual time: a read, a command POST and a token call
 * that never answer each end at their own deadline with a typed error saying whether the request may have left.
 */
@Tag("unit")
@ExtendWith({VirtualTimeExtension.class, FakeCommandCloudExtension.class})
class CallDeadlineUnitTests {
    private static final Duration VERIFY = Duration.ofSeconds(5);
    private static final Duration JUST_BEFORE = Duration.ofMillis(1);

    private final VirtualTimeScheduler time;
    private final FakeCommandCloud cloud;
    private final ConnectedCarAsyncClient client;

    CallDeadlineUnitTests(VirtualTimeScheduler time, FakeCommandCloud cloud, ConnectedCarAsyncClient client) {
        this.time = time;
        this.cloud = cloud;
        this.client = client; // with the default retries
    }

    @Test
    void aReadThatNeverAnswersEndsAtTheReadDeadlineAsMaybeSent() {
        cloud.transport.on("telemetry", request -> Mono.never());

        StepVerifier.withVirtualTime(() -> client.vehicle(F150).status(), () -> time, Long.MAX_VALUE)
            .expectSubscription()
            .expectNoEvent(DeadlineOptions.DEFAULT_READ.minus(JUST_BEFORE))
            .thenAwait(JUST_BEFORE)
            .expectErrorSatisfies(error -> {
                assertThat(error).isInstanceOf(DeadlineExceededException.class)
                    .hasMessageContaining("telemetry").hasMessageContaining("75 s")
                    .hasMessageContaining("may have reached the server");
                assertThat(((DeadlineExceededException) error).getDeadline()).isEqualTo(DeadlineOptions.DEFAULT_READ);
                assertThat(((DeadlineExceededException) error).requestMayHaveBeenSent()).isTrue();
            })
            .verify(VERIFY);
    }

    @Test
    void aCommandPostThatNeverAnswersEndsAtTheCommandDeadlineAndIsNotSentAgain() {
        cloud.transport.on("command", request -> Mono.never());

        StepVerifier.withVirtualTime(() -> client.vehicle(F150).lock().result(), () -> time, Long.MAX_VALUE)
            .expectSubscription()
            .expectNoEvent(DeadlineOptions.DEFAULT_COMMAND.minus(JUST_BEFORE))
            .thenAwait(JUST_BEFORE)
            .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(CommandOutcomeUnknownException.class)
                .hasMessageContaining("may have reached Ford")
                .hasCauseInstanceOf(DeadlineExceededException.class))
            .verify(VERIFY);
        assertThat(cloud.commandPosts()).hasSize(1);
    }

    @Test
    void aTokenCallThatNeverAnswersEndsAtTheTokenDeadline() {
        cloud.transport.on("cat-refresh", request -> Mono.never());

        StepVerifier.withVirtualTime(() -> client.auth().refresh(), () -> time, Long.MAX_VALUE)
            .expectSubscription()
            .expectNoEvent(DeadlineOptions.DEFAULT_TOKEN.minus(JUST_BEFORE))
            .thenAwait(JUST_BEFORE)
            .expectErrorSatisfies(error -> assertThat(error).hasMessageContaining("cat-refresh")
                .hasMessageContaining("30 s"))
            .verify(VERIFY);
    }

    @Test
    void deadlinesAreConfigurablePerKindOfCall() {
        cloud.transport.on("telemetry", request -> Mono.never());
        ConnectedCarAsyncClient impatient = cloud.client(builder -> builder
            .deadlineOptions(DeadlineOptions.defaults().withRead(Duration.ofSeconds(5))));

        StepVerifier.withVirtualTime(() -> impatient.vehicle(F150).status(), () -> time, Long.MAX_VALUE)
            .expectSubscription()
            .expectNoEvent(Duration.ofSeconds(5).minus(JUST_BEFORE))
            .thenAwait(JUST_BEFORE)
            .expectError(DeadlineExceededException.class)
            .verify(VERIFY);
    }

    @Test
    void aRetryAfterThatWouldEndPastTheDeadlineIsNotWaitedOut() {
        cloud.transport.on("telemetry", request -> Mono.just(InMemoryTransport.withHeader(
            InMemoryTransport.json(request, 429, "{\"message\":\"slow down\"}"), "Retry-After", "80")));

        StepVerifier.withVirtualTime(() -> client.vehicle(F150).status(), () -> time, Long.MAX_VALUE)
            .expectErrorSatisfies(error -> assertThat(((RateLimitedException) error).getRetryAfter())
                .isEqualTo(Duration.ofSeconds(80)))
            .verify(VERIFY);
        assertThat(cloud.transport.count("telemetry")).isEqualTo(1);
    }

    @Test
    void optionsRefuseADeadlineThatIsNotPositive() {
        assertThatThrownBy(() -> DeadlineOptions.all(Duration.ZERO))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("read deadline must be positive");
    }
}
