package io.github.connectedcar.command;

import io.github.connectedcar.model.CommandState;
import static io.github.connectedcar.testing.FakeCommandCloud.F150;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.connectedcar.ConnectedCarClient;
import io.github.connectedcar.ConnectedCarClientBuilder;
import io.github.connectedcar.exception.CommandFailedException;
import io.github.connectedcar.exception.CommandNotSupportedException;
import io.github.connectedcar.exception.CommandTimeoutException;
import io.github.connectedcar.exception.OperationTimeoutException;
import io.github.connectedcar.protection.QuotaOptions;
import io.github.connectedcar.testing.FakeCommandCloud;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The blocking facade returns the final result or throws the typed error. Real time, with millisecond check
 * intervals, so each test takes a few milliseconds.
 */
@Tag("unit")
class BlockingCommandUnitTests {
    private static final CommandOptions FAST = CommandOptions.defaults()
        .withChecks(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(20))
        .withTimeout(Duration.ofMillis(300))
        .withBlockingMargin(Duration.ofSeconds(2));

    private FakeCommandCloud cloud;
    private ConnectedCarClient client;

    @BeforeEach
    void setUp() {
        cloud = new FakeCommandCloud();
        client = new ConnectedCarClientBuilder()
            .transport(cloud.transport)
            .tokenStore(cloud.store)
            .commandOptions(FAST)
            // Millisecond checks would exceed the real burst limit; the budget is tested on its own.
            .quota(QuotaOptions.unlimited())
            .buildClient();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void blockingStartReturnsTheFinalResult() {
        cloud.steps("REQUEST_QUEUED", "SUCCESS");

        CommandResult result = client.vehicle(F150).start();

        assertThat(result.state()).isEqualTo(CommandState.SUCCEEDED);
        assertThat(result.commandType()).isEqualTo("remoteStart");
        assertThat(cloud.commandPosts()).hasSize(1);
    }

    @Test
    void blockingStartThrowsTheTypedFailure() {
        cloud.steps("COMMAND_FAILED_ON_DEVICE").failureReason("0x11", "LOW_FUEL");

        assertThatThrownBy(() -> client.vehicle(F150).start())
            .isInstanceOfSatisfying(CommandFailedException.class, failed ->
                assertThat(failed.getOemErrorCode()).contains("0x11"));
    }

    @Test
    void blockingStartThrowsTheCommandTimeout() {
        cloud.steps("REQUEST_QUEUED");

        assertThatThrownBy(() -> client.vehicle(F150).start()).isInstanceOf(CommandTimeoutException.class);
    }

    @Test
    void blockingCommandThrowsNotSupportedWithoutSending() {
        assertThatThrownBy(() -> client.vehicle(F150).startCharging())
            .isInstanceOf(CommandNotSupportedException.class);
        assertThat(cloud.commandPosts()).isEmpty();
    }

    @Test
    void blockingWaitsTheCommandTimeoutPlusItsMarginAtMost() {
        // The POST never gets an answer, so only the blocking wait (300 ms timeout + 200 ms margin) ends the call.
        cloud.transport.on("command", request -> Mono.never());
        CommandOptions shortMargin = FAST.withBlockingMargin(Duration.ofMillis(200));
        long start = System.nanoTime();

        assertThatThrownBy(() -> client.vehicle(F150).withCommandOptions(shortMargin).lock())
            .isInstanceOf(OperationTimeoutException.class).hasMessageContaining("lock");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(450),
            Duration.ofSeconds(3));
    }
}
