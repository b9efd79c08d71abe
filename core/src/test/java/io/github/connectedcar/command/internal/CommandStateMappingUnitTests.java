package io.github.connectedcar.command.internal;

import io.github.connectedcar.model.CommandState;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.ford.internal.FordApi;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

/** Ford's toState values mapped onto CommandState (docs/ford-api.md §5.2), and where each command's state lives. */
@Tag("unit")
class CommandStateMappingUnitTests {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "REQUESTED, REQUESTED",
        "REQUEST_QUEUED, QUEUED",
        "request_queued, QUEUED",
        "PENDING_DELIVERY, QUEUED",
        "DELIVERY_IN_PROGRESS, QUEUED",
        "RECEIVED_BY_DEVICE, DELIVERED",
        "COMMAND_IN_PROGRESS, DELIVERED",
        "SUCCESS, SUCCEEDED",
        "success, SUCCEEDED",
        "COMMAND_SUCCEEDED_ON_DEVICE, SUCCEEDED",
        "COMMAND_FAILED_ON_DEVICE, FAILED",
        "failed, FAILED",
        "EXPIRED, EXPIRED",
        "expired, EXPIRED",
        "SOMETHING_NEW, SOMETHING_NEW"
    })
    void fordStateMapsOntoCommandState(String fordState, String expected) {
        CommandState state = FordApi.CommandStates.stateOf(fordState);
        assertThat(state.name()).isEqualTo(expected);
        assertThat(state.isKnown()).isEqualTo(!expected.equals("SOMETHING_NEW"));
    }

    @Test
    void stateKeyIsTheTypeWithCommandUnlessItEndsSoOrIsADepartureTimesType() {
        assertThat(FordApi.Commands.REMOTE_START.stateKey()).isEqualTo("remoteStartCommand");
        assertThat(FordApi.Commands.STATUS_REFRESH.stateKey()).isEqualTo("statusRefreshCommand");
        assertThat(FordApi.Commands.START_CHARGING.stateKey()).isEqualTo("startGlobalChargeCommand");
        assertThat(FordApi.Commands.UPDATE_DEPARTURE_TIMES.stateKey()).isEqualTo("updateDepartureTimes");
        assertThat(FordApi.Commands.ALL).hasSize(16).allSatisfy(type ->
            assertThat(type.isBeta()).isEqualTo(type.operation() == FordApi.COMMAND_V1BETA));
    }

    @Test
    void fixtureStatesAreReadWithTheirCommandId() {
        var telemetry = JsonMapper.builder().build().readTree(CommandStateMappingUnitTests.class
            .getResourceAsStream("/fixtures/telemetry-mache-bev.json"));
        Clock clock = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);

        assertThat(CommandTelemetry.progressOf(telemetry, "V", "startGlobalChargeCommand", "startGlobalChargeCommand",
            "e2c4a6b8-1d3f-4e5a-9b7c-8d6e4f2a0c1b", clock)).hasValueSatisfying(progress -> {
                assertThat(progress.state()).isEqualTo(CommandState.SUCCEEDED);
                assertThat(progress.at()).isEqualTo(Instant.parse("2026-05-02T21:12:40Z"));
            });
        assertThat(CommandTelemetry.progressOf(telemetry, "V", "startGlobalChargeCommand", "startGlobalChargeCommand",
            "another-id", clock)).isEmpty();
    }
}
