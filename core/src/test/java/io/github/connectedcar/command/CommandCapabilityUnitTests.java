package io.github.connectedcar.command;

import static io.github.connectedcar.testing.FakeCommandCloud.F150;
import static io.github.connectedcar.testing.FakeCommandCloud.MACH_E;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.ConnectedCarAsyncClient;
import io.github.connectedcar.exception.CommandNotSupportedException;
import io.github.connectedcar.exception.VehicleNotFoundException;
import io.github.connectedcar.testing.FakeCommandCloud;
import io.github.connectedcar.testing.FakeCommandCloudExtension;
import io.github.connectedcar.testing.VirtualTimeExtension;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/** Commands check the vehicle list's capability flags before sending, from a list kept for an hour. */
@Tag("unit")
@ExtendWith({VirtualTimeExtension.class, FakeCommandCloudExtension.class})
class CommandCapabilityUnitTests {
    private static final Duration VERIFY = Duration.ofSeconds(5);

    private final VirtualTimeScheduler time;
    private final FakeCommandCloud cloud;
    private ConnectedCarAsyncClient client;

    CommandCapabilityUnitTests(VirtualTimeScheduler time, FakeCommandCloud cloud, ConnectedCarAsyncClient client) {
        this.time = time;
        this.cloud = cloud.steps("SUCCESS");
        this.client = client;
    }

    @Test
    void unsupportedCommandIsRefusedNamingTheCapabilityAndVinAndNothingIsSent() {
        StepVerifier.create(client.vehicle(F150).startCharging())
            .expectErrorSatisfies(error -> {
                assertThat(error).isInstanceOf(CommandNotSupportedException.class)
                    .hasMessageContaining(F150).hasMessageContaining("F-150")
                    .hasMessageContaining("startGlobalChargeCommand").hasMessageContaining("'charging'")
                    .hasMessageContaining("withSkipCapabilityCheck");
                CommandNotSupportedException refused = (CommandNotSupportedException) error;
                assertThat(refused.getCapability()).isEqualTo("charging");
                assertThat(refused.getVin()).isEqualTo(F150);
                assertThat(refused.getCommandType()).isEqualTo("startGlobalChargeCommand");
            })
            .verify(VERIFY);
        assertThat(cloud.commandPosts()).isEmpty();
    }

    @Test
    void capabilityFlagSaidNoIsRefusedToo() {
        // The Mach-E's list entry says "guardMode": "NoDisplay".
        StepVerifier.create(client.vehicle(MACH_E).enableGuardMode())
            .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(CommandNotSupportedException.class)
                .hasMessageContaining("guardMode"))
            .verify(VERIFY);
        assertThat(cloud.transport.count("guard-mode-enable")).isZero();
    }

    @Test
    void skipCapabilityCheckSendsWithoutLoadingTheVehicleList() {
        StepVerifier.withVirtualTime(() -> client.vehicle(F150)
                .withCommandOptions(CommandOptions.defaults().withSkipCapabilityCheck(true)).startCharging().result(),
                () -> time, Long.MAX_VALUE)
            .thenAwait(Duration.ofSeconds(12))
            .expectNextCount(1)
            .expectComplete()
            .verify(VERIFY);
        assertThat(cloud.transport.count("vehicles")).isZero();
        assertThat(cloud.commandPosts()).hasSize(1);
    }

    @Test
    void skipCapabilityCheckCanBeTheClientDefault() {
        client.close();
        client = cloud.client(builder -> builder.commandOptions(CommandOptions.defaults()
            .withSkipCapabilityCheck(true)));

        StepVerifier.withVirtualTime(() -> client.vehicle(F150).startCharging().take(1), () -> time,
                Long.MAX_VALUE)
            .expectNextCount(1)
            .expectComplete()
            .verify(VERIFY);
        assertThat(cloud.transport.count("vehicles")).isZero();
    }

    @Test
    void vehicleListIsLoadedOnceAnHourNotOncePerCommand() {
        StepVerifier.withVirtualTime(() -> client.vehicle(F150).lock().result()
                .then(client.vehicle(F150).unlock().result())
                .then(client.vehicle(MACH_E).startCharging().result())
                .doOnSuccess(r -> assertThat(cloud.transport.count("vehicles")).isEqualTo(1))
                .then(client.vehicle(F150).lock().result().delaySubscription(Duration.ofMinutes(61))),
                () -> time, Long.MAX_VALUE)
            .thenAwait(Duration.ofMinutes(62))
            .expectNextCount(1)
            .expectComplete()
            .verify(VERIFY);
        assertThat(cloud.transport.count("vehicles")).as("reloaded after the hour").isEqualTo(2);
        assertThat(cloud.commandPosts()).hasSize(4);
    }

    @Test
    void theListTheApplicationReadIsTheOneCommandsCheckAgainst() {
        StepVerifier.withVirtualTime(() -> client.vehicles().then()
                .then(client.vehicle(F150).lock().result())
                .then(client.vehicle(MACH_E).startCharging().result()),
                () -> time, Long.MAX_VALUE)
            .thenAwait(Duration.ofMinutes(5))
            .expectNextCount(1)
            .expectComplete()
            .verify(VERIFY);
        assertThat(cloud.transport.count("vehicles")).as("the application's own read, none per command").isEqualTo(1);
        assertThat(cloud.commandPosts()).hasSize(2);
    }

    @Test
    void vinMissingFromTheAccountIsVehicleNotFoundAndNothingIsSent() {
        StepVerifier.create(client.vehicle("1FTFW1E50PFA99999").lock())
            .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(VehicleNotFoundException.class)
                .hasMessageContaining("1FTFW1E50PFA99999"))
            .verify(VERIFY);
        assertThat(cloud.commandPosts()).isEmpty();
    }
}
