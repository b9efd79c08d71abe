package io.github.connectedcar.command;

import org.junit.jupiter.api.Tag;

import io.github.connectedcar.model.CommandState;
import static io.github.connectedcar.testing.FakeCommandCloud.F150;
import static io.github.connectedcar.testing.FakeCommandCloud.MACH_E;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.ConnectedCarAsyncClient;
import io.github.connectedcar.VehicleAsyncClient;
import io.github.connectedcar.http.HttpMethod;
import io.github.connectedcar.http.HttpRequest;
import io.github.connectedcar.internal.Json;
import io.github.connectedcar.testing.FakeCommandCloud;
import io.github.connectedcar.testing.FakeCommandCloudExtension;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

/** The exact request of every Autonomic command: endpoint version, path, headers and body (docs/ford-api.md §5.1). */
@Tag("unit")
@ExtendWith(FakeCommandCloudExtension.class)
class CommandRequestUnitTests {
    private static final String V1 = "https://api.autonomic.ai/v1/command/vehicles/";
    private static final String V1BETA = "https://api.autonomic.ai/v1beta/command/vehicles/";

    private final FakeCommandCloud cloud;
    private final ConnectedCarAsyncClient client;

    CommandRequestUnitTests(FakeCommandCloud cloud, ConnectedCarAsyncClient client) {
        this.cloud = cloud;
        this.client = client;
    }

    static Stream<Arguments> commands() {
        DepartureSchedule schedule = DepartureSchedule.of(
            new Departure(DayOfWeek.FRIDAY, LocalTime.of(6, 15), "LOC1", 3, PreconditionTemperature.OFF, false),
            new Departure(DayOfWeek.MONDAY, LocalTime.of(7, 30), "LOC1", 1, PreconditionTemperature.MEDIUM, true),
            Departure.of(DayOfWeek.MONDAY, LocalTime.of(9, 0), "LOC1", 2));
        return Stream.of(
            command("start", F150, VehicleAsyncClient::start, V1, "{\"type\":\"remoteStart\",\"wakeUp\":true,"
                + "\"tags\":{}}"),
            command("stop", F150, VehicleAsyncClient::stop, V1, "{\"type\":\"cancelRemoteStart\",\"wakeUp\":true,"
                + "\"tags\":{}}"),
            command("lock", F150, VehicleAsyncClient::lock, V1, "{\"type\":\"lock\",\"wakeUp\":true,\"tags\":{}}"),
            command("unlock", F150, VehicleAsyncClient::unlock, V1, "{\"type\":\"unlock\",\"wakeUp\":true,"
                + "\"tags\":{}}"),
            command("refreshStatus", F150, VehicleAsyncClient::refreshStatus, V1, "{\"type\":\"statusRefresh\","
                + "\"wakeUp\":true,\"tags\":{}}"),
            command("honk(3)", F150, v -> v.honk(3), V1, "{\"type\":\"startPanicCue\",\"wakeUp\":true,"
                + "\"properties\":{\"duration\":3},\"tags\":{}}"),
            command("honk(FIVE_SECONDS)", F150, v -> v.honk(HonkDuration.FIVE_SECONDS), V1,
                "{\"type\":\"startPanicCue\",\"wakeUp\":true,\"properties\":{\"duration\":5},\"tags\":{}}"),
            command("startTrailerLightCheck", F150, VehicleAsyncClient::startTrailerLightCheck, V1,
                "{\"type\":\"startTrailerLightCheck\",\"wakeUp\":true,\"tags\":{}}"),
            command("stopTrailerLightCheck", F150, VehicleAsyncClient::stopTrailerLightCheck, V1,
                "{\"type\":\"stopTrailerLightCheck\",\"wakeUp\":true,\"tags\":{}}"),
            command("automaticSoftwareUpdates(on)", F150, v -> v.setAutomaticSoftwareUpdates(true), V1BETA,
                "{\"type\":\"publishASUSettingsCommand\",\"wakeUp\":true,\"properties\":{\"ASUState\":\"ON\"},"
                    + "\"tags\":{},\"version\":\"1.0.0\"}"),
            command("automaticSoftwareUpdates(off)", F150, v -> v.setAutomaticSoftwareUpdates(false), V1BETA,
                "{\"type\":\"publishASUSettingsCommand\",\"wakeUp\":true,\"properties\":{\"ASUState\":\"OFF\"},"
                    + "\"tags\":{},\"version\":\"1.0.0\"}"),
            command("startCharging", MACH_E, VehicleAsyncClient::startCharging, V1BETA,
                "{\"type\":\"startGlobalChargeCommand\",\"wakeUp\":true,\"tags\":{},\"version\":\"1.0.1\"}"),
            command("stopCharging", MACH_E, VehicleAsyncClient::stopCharging, V1BETA,
                "{\"type\":\"cancelGlobalChargeCommand\",\"wakeUp\":true,\"tags\":{},\"version\":\"1.0.1\"}"),
            command("pauseCharging", MACH_E, VehicleAsyncClient::pauseCharging, V1BETA,
                "{\"type\":\"pauseGlobalChargeCommand\",\"wakeUp\":true,\"tags\":{},\"version\":\"1.0.1\"}"),
            command("chargeTarget(50)", MACH_E, v -> v.updateChargeSettings(ChargeSettings.builder()
                .targetPercent(50).build()), V1BETA, "{\"type\":\"updateChargeSettingsCommand\",\"wakeUp\":true,"
                + "\"properties\":{\"chargeSettings\":{\"globalTargetSoc\":50,\"globalDCTargetSoc\":50,"
                + "\"globalReserveSoc\":50}},\"tags\":{},\"version\":\"1.0.1\"}"),
            command("chargeTarget(90)+mode+limits", MACH_E, v -> v.updateChargeSettings(ChargeSettings.builder()
                .targetPercent(90).mode(ChargeMode.CHARGE_NOW).currentLimitAmps(32).dcPowerLimitKilowatts(100)
                .autoUnlockChargePort(false).build()), V1BETA,
                "{\"type\":\"updateChargeSettingsCommand\",\"wakeUp\":true,\"properties\":{\"chargeSettings\":"
                    + "{\"globalTargetSoc\":90,\"chargeMode\":\"CHARGE_NOW\",\"globalCurrentLimit\":32,"
                    + "\"globalDCPowerLimit\":100,\"autoChargePortUnlock\":\"OFF\"}},\"tags\":{},"
                    + "\"version\":\"1.0.1\"}"),
            command("enableDepartureTimes", MACH_E, VehicleAsyncClient::enableDepartureTimes, V1BETA,
                "{\"type\":\"enableDepartureTimes\",\"wakeUp\":true,\"tags\":{},\"version\":\"1\"}"),
            command("disableDepartureTimes", MACH_E, VehicleAsyncClient::disableDepartureTimes, V1BETA,
                "{\"type\":\"disableDepartureTimes\",\"wakeUp\":true,\"tags\":{},\"version\":\"1\"}"),
            command("updateDepartureTimes", MACH_E, v -> v.updateDepartureTimes(schedule), V1BETA,
                "{\"type\":\"updateDepartureTimes\",\"wakeUp\":true,\"properties\":{\"departureSchedules\":["
                    + "{\"dayOfWeek\":\"MONDAY\",\"schedules\":["
                    + "{\"locationId\":\"LOC1\",\"preconditionTemperature\":\"MEDIUM\",\"scheduleId\":1,"
                    + "\"scheduleStatus\":\"ON\",\"timeOfDay\":{\"hours\":7,\"minutes\":30}},"
                    + "{\"locationId\":\"LOC1\",\"preconditionTemperature\":\"OFF\",\"scheduleId\":2,"
                    + "\"scheduleStatus\":\"ON\",\"timeOfDay\":{\"hours\":9,\"minutes\":0}}]},"
                    + "{\"dayOfWeek\":\"FRIDAY\",\"schedules\":["
                    + "{\"locationId\":\"LOC1\",\"preconditionTemperature\":\"OFF\",\"scheduleId\":3,"
                    + "\"scheduleStatus\":\"OFF\",\"timeOfDay\":{\"hours\":6,\"minutes\":15}}]}]},"
                    + "\"tags\":{},\"version\":\"1\"}"),
            command("updateDepartureTimes(empty)", MACH_E, v -> v.updateDepartureTimes(DepartureSchedule.empty()),
                V1BETA, "{\"type\":\"updateDepartureTimes\",\"wakeUp\":true,\"properties\":{\"departureSchedules\":"
                    + "[]},\"tags\":{},\"version\":\"1\"}"));
    }

    private static Arguments command(String name, String vin, Function<VehicleAsyncClient, CommandFlux> call,
                                     String base, String body) {
        return Arguments.of(name, vin, call, base + vin + "/commands", body);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void sendsTheCommandToItsEndpointWithExactlyItsBody(String name, String vin,
                                                        Function<VehicleAsyncClient, CommandFlux> call,
                                                        String uri, String body) {
        CommandFlux command = call.apply(client.vehicle(vin));
        assertThat(cloud.commandPosts()).as("nothing is sent before subscription").isEmpty();

        StepVerifier.create(command.take(1))
            .assertNext(step -> {
                assertThat(step.state()).isEqualTo(CommandState.REQUESTED);
                assertThat(step.commandId()).isEqualTo("cmd-1");
                assertThat(step.vin()).isEqualTo(vin);
            })
            .expectComplete()
            .verify(Duration.ofSeconds(5));

        List<HttpRequest> posts = cloud.commandPosts();
        assertThat(posts).hasSize(1);
        HttpRequest post = posts.get(0);
        assertThat(post.method()).isEqualTo(HttpMethod.POST);
        assertThat(post.uri()).hasToString(uri);
        assertThat(post.idempotent()).as("commands are never retried once they may have left").isFalse();
        assertThat(post.headers().get("Authorization")).isEqualTo("Bearer tmc-1");
        assertThat(post.headers().get("Content-Type")).isEqualTo("application/json");
        assertThat(post.headers().get("Application-Id")).as("Autonomic wants only the bearer").isNull();
        assertThat(FakeCommandCloud.body(post)).isEqualTo(Json.MAPPER.readTree(body));
        if (!body.contains("\"properties\"")) {
            assertThat(post.bodyAsString()).doesNotContain("properties");
        }
        if (uri.contains("/v1/")) {
            assertThat(post.bodyAsString()).doesNotContain("version");
        }
    }
}
