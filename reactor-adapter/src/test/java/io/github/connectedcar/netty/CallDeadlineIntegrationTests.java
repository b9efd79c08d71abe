package io.github.connectedcar.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.ConnectedCarAsyncClient;
import io.github.connectedcar.ConnectedCarClientBuilder;
import io.github.connectedcar.command.CommandOptions;
import io.github.connectedcar.exception.CommandOutcomeUnknownException;
import io.github.connectedcar.ford.Endpoints;
import io.github.connectedcar.http.DeadlineExceededException;
import io.github.connectedcar.http.DeadlineOptions;
import io.github.connectedcar.http.RetryOptions;
import io.github.connectedcar.http.TransportOptions;
import io.github.connectedcar.testing.MisbehavingServer;
import io.github.connectedcar.testing.TestClients;
import java.time.Duration;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.test.StepVerifier;

/**
 * Every call ends within its deadline over real sockets, however the server stalls: Ford's token and vehicle services
 * are a MockWebServer, Autonomic (telemetry and commands) a {@link MisbehavingServer}. The transport's response
 * timeout (1 s here) only bounds the silence between two reads, so a server that drips a byte every 300 ms would keep
 * a call open for ever without the deadline.
 */
@Tag("integration")
@ExtendWith(MockWebServerExtension.class)
class CallDeadlineIntegrationTests {
    private static final Duration DEADLINE = Duration.ofSeconds(2);
    private static final Duration VERIFY = Duration.ofSeconds(10);
    /** How late after its deadline a call may end on a busy machine. */
    private static final Duration SLACK = Duration.ofMillis(1500);

    private final ReactorNettyTransport transport = ReactorNettyTransport.builder()
        .options(TransportOptions.defaults().withResponseTimeout(Duration.ofSeconds(1)))
        .build();
    private MisbehavingServer autonomic;

    @AfterEach
    void tearDown() {
        transport.close();
        if (autonomic != null) {
            autonomic.close();
        }
    }

    private ConnectedCarAsyncClient client(MockWebServer ford, MisbehavingServer.Behaviour behaviour) {
        autonomic = MisbehavingServer.start(behaviour);
        ford.setDispatcher(new FordCloudDispatcher());
        ConnectedCarAsyncClient client = new ConnectedCarClientBuilder()
            .endpoints(Endpoints.allAt(ford.url("/").toString())
                .with(Endpoints.Role.AUTONOMIC, autonomic.baseUrl()))
            .transport(transport)
            .retryOptions(RetryOptions.defaults().withDelays(Duration.ofMillis(10), Duration.ofMillis(50)))
            .deadlineOptions(DeadlineOptions.all(DEADLINE))
            .buildAsyncClient();
        StepVerifier.create(TestClients.login(client)).expectComplete().verify(VERIFY);
        return client;
    }

    @Test
    void aReadFromAServerThatDripsOneByteAtATimeEndsAtItsDeadline(MockWebServer ford) {
        ConnectedCarAsyncClient client = client(ford, MisbehavingServer.drip(Duration.ofMillis(300)));

        long start = System.nanoTime();
        StepVerifier.create(client.vehicle(TestClients.F150_VIN).status())
            .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(DeadlineExceededException.class)
                .hasMessageContaining("telemetry").hasMessageContaining("2 s"))
            .verify(VERIFY);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isBetween(DEADLINE, DEADLINE.plus(SLACK));
        assertThat(autonomic.bodyBytesWritten()).as("the drip had begun").isPositive();
        assertThat(autonomic.requests()).as("a dripping answer is not retried").isEqualTo(1);
    }

    @Test
    void aReadFromAServerThatNeverAnswersEndsAtItsDeadlineWhateverTheRetries(MockWebServer ford) {
        ConnectedCarAsyncClient client = client(ford, MisbehavingServer.neverAnswer());

        long start = System.nanoTime();
        StepVerifier.create(client.vehicle(TestClients.F150_VIN).status())
            .expectError(DeadlineExceededException.class)
            .verify(VERIFY);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(DEADLINE, DEADLINE.plus(SLACK));
        assertThat(autonomic.requests()).as("1 s response timeouts, retried until the deadline").isBetween(1, 2);
    }

    @Test
    void aCommandToADrippingServerEndsAtItsDeadlineAsMaybeSentAndIsNotSentAgain(MockWebServer ford) {
        ConnectedCarAsyncClient client = client(ford, MisbehavingServer.drip(Duration.ofMillis(300)));

        long start = System.nanoTime();
        StepVerifier.create(client.vehicle(TestClients.F150_VIN)
                .withCommandOptions(CommandOptions.defaults().withSkipCapabilityCheck(true)).lock().result())
            .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(CommandOutcomeUnknownException.class)
                .hasCauseInstanceOf(DeadlineExceededException.class))
            .verify(VERIFY);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(DEADLINE, DEADLINE.plus(SLACK));
        assertThat(autonomic.requests()).isEqualTo(1);
    }
}
