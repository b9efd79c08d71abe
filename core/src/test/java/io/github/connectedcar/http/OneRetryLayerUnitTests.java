package io.github.connectedcar.http;

import static io.github.connectedcar.testing.FakeCommandCloud.F150;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.ConnectedCarAsyncClient;
import io.github.connectedcar.exception.TokenRenewalFailedException;
import io.github.connectedcar.testing.FakeCommandCloud;
import io.github.connectedcar.testing.FakeCommandCloudExtension;
import io.github.connectedcar.testing.VirtualTimeExtension;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * A read whose token call cannot reach Ford is retried by one layer only: the token call's own retry policy. The
 * read's retry policy used to retry the token call's failure too, and every read attempt ran the token call's
 * attempts again: 4 × 4 = 16 attempts for one {@code status()} to a closed port. In virtual time, without jitter.
 */
@Tag("unit")
@ExtendWith({VirtualTimeExtension.class, FakeCommandCloudExtension.class})
class OneRetryLayerUnitTests {
    private static final Duration VERIFY = Duration.ofSeconds(5);

    private final VirtualTimeScheduler time;
    private final FakeCommandCloud cloud;

    OneRetryLayerUnitTests(VirtualTimeScheduler time, FakeCommandCloud cloud) {
        this.time = time;
        this.cloud = cloud;
    }

    @ParameterizedTest(name = "{0} retries")
    @ValueSource(ints = {3, 4})
    void aTokenCallToAClosedPortIsRetriedByItsOwnLayerOnly(int retries) {
        cloud.transport.on("tmc-exchange", request -> Mono.error(new TransportException(
            "tmc-exchange: connection refused by 127.0.0.1:1; the request was not sent", false, null)));
        ConnectedCarAsyncClient client = cloud.client(builder -> builder
            .retryOptions(RetryOptions.defaults().withJitter(0).withMaxRetries(retries)));

        // The token call's own back-offs (1, 2, 4, 8 s), and not one wait more: the read does not retry it.
        Duration backoffs = Duration.ofSeconds((1L << retries) - 1);
        StepVerifier.withVirtualTime(() -> client.vehicle(F150).status(), () -> time, Long.MAX_VALUE)
            .expectSubscription()
            .expectNoEvent(backoffs.minusMillis(1))
            .thenAwait(Duration.ofMillis(1))
            .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(TokenRenewalFailedException.class)
                .hasMessageContaining("was not sent").hasCauseInstanceOf(TransportException.class))
            .verify(VERIFY);

        assertThat(cloud.transport.count("tmc-exchange")).as("one layer of attempts").isEqualTo(retries + 1);
        assertThat(cloud.transport.count("telemetry")).isZero();

    }
}
