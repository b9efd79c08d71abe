package io.github.connectedcar.command;

import static io.github.connectedcar.testing.FakeCommandCloud.F150;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.ConnectedCarAsyncClient;
import io.github.connectedcar.auth.internal.TokenManager;
import io.github.connectedcar.exception.CommandOutcomeUnknownException;
import io.github.connectedcar.exception.TokenRenewalFailedException;
import io.github.connectedcar.exception.VehicleNotFoundException;
import io.github.connectedcar.http.HttpRequest;
import io.github.connectedcar.http.HttpResponse;
import io.github.connectedcar.http.TransportException;
import io.github.connectedcar.testing.FakeCommandCloud;
import io.github.connectedcar.testing.FakeCommandCloudExtension;
import io.github.connectedcar.testing.InMemoryTransport;
import io.github.connectedcar.testing.VirtualTimeExtension;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * A command whose token cannot be had was not sent, whatever the token call's own failure says (its answer lost, a
 * 5xx, a 404): it is reported as not sent, never as "may have reached Ford" or a missing vehicle, and a status
 * refresh keeps its 15-minute slot for the next try. In virtual time.
 */
@Tag("unit")
@ExtendWith({VirtualTimeExtension.class, FakeCommandCloudExtension.class})
class CommandTokenFailureUnitTests {
    private static final Duration VERIFY = Duration.ofSeconds(5);

    private final VirtualTimeScheduler time;
    private final FakeCommandCloud cloud;
    private final ConnectedCarAsyncClient client;

    CommandTokenFailureUnitTests(VirtualTimeScheduler time, FakeCommandCloud cloud, ConnectedCarAsyncClient client) {
        this.time = time;
        this.cloud = cloud.steps("SUCCESS");
        this.client = client;
    }

    private Mono<CommandResult> refresh() {
        return client.vehicle(F150).refreshStatus().result();
    }

    static Stream<Arguments> tokenCallFailures() {
        Function<HttpRequest, Mono<HttpResponse>> lost = request -> Mono.error(new TransportException(
            "tmc-exchange: the connection closed before the response was complete; the request may have reached the "
                + "server", true, null));
        Function<HttpRequest, Mono<HttpResponse>> failing = request -> Mono.just(InMemoryTransport.json(request, 503,
            "{\"message\":\"Service Unavailable\"}"));
        Function<HttpRequest, Mono<HttpResponse>> notFound = request -> Mono.just(InMemoryTransport.json(request, 404,
            "{\"message\":\"no such client\"}"));
        return Stream.of(Arguments.of("answer lost", lost), Arguments.of("503", failing),
            Arguments.of("404", notFound));
    }

    @ParameterizedTest(name = "token call: {0}")
    @MethodSource("tokenCallFailures")
    void aRefreshWhoseTokenCallFailedIsReportedNotSentAndKeepsItsSlot(
            String failure, Function<HttpRequest, Mono<HttpResponse>> answer) {
        cloud.transport.on("tmc-exchange", answer::apply);
        AtomicReference<Throwable> failed = new AtomicReference<>();
        AtomicInteger postsAfterTheFailure = new AtomicInteger(-1);

        StepVerifier.withVirtualTime(() -> refresh()
                .doOnError(failed::set)
                .onErrorResume(TokenRenewalFailedException.class, error -> Mono.empty())
                .then(Mono.fromRunnable(() -> {
                    postsAfterTheFailure.set(cloud.commandPosts().size());
                    cloud.auth.install(cloud.transport); // Ford answers again
                }))
                // Once the token back-off is over, the next refresh is allowed: not "too soon".
                .then(refresh().delaySubscription(TokenManager.DEFAULT_RENEWAL_BACKOFF)), () -> time, Long.MAX_VALUE)
            .thenAwait(Duration.ofMinutes(2))
            .assertNext(result -> assertThat(result.commandType()).isEqualTo("statusRefresh"))
            .expectComplete()
            .verify(VERIFY);

        assertThat(failed.get()).isInstanceOf(TokenRenewalFailedException.class)
            .isNotInstanceOf(CommandOutcomeUnknownException.class)
            .isNotInstanceOf(VehicleNotFoundException.class)
            .hasMessageStartingWith("statusRefresh for " + F150 + " was not sent");
        assertThat(postsAfterTheFailure).as("the failed one sent nothing").hasValue(0);
        assertThat(cloud.commandPosts()).hasSize(1);
    }
}
