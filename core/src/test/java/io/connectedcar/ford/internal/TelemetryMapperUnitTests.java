package io.connectedcar.ford.internal;

import io.connectedcar.model.Measurement;
import io.connectedcar.model.Unit;
import io.connectedcar.model.VehicleStatus;
import io.connectedcar.testing.Fixtures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.connectedcar.exception.DecodeException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

@Tag("unit")
class TelemetryMapperUnitTests {
    private final JsonNode f150 = Fixtures.load(Fixtures.F150);

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"telemetry\"", "42", "null", "true"})
    void aNonObjectBodyIsADecodeErrorOfTelemetry(String body) {
        assertThatThrownBy(() -> TelemetryMapper.toStatus(Fixtures.json(body)))
            .isInstanceOf(DecodeException.class)
            .satisfies(error -> assertThat(((DecodeException) error).getOperation()).isEqualTo("telemetry"));
    }

    @Test
    void noBodyAtAllIsADecodeErrorOfTelemetry() {
        assertThatThrownBy(() -> TelemetryMapper.toStatus(null)).isInstanceOf(DecodeException.class)
            .hasMessageContaining("nothing");
    }

    @Test
    void aMetricOfTheUpdateReplacesTheSnapshotsAndKeepsTheOthers() {
        JsonNode update = Fixtures.json("""
            {"metrics":{"odometer":{"updateTime":"2026-05-02T08:10:00Z","value":18240.0},
                        "doorLockStatus":[{"updateTime":"2026-05-02T08:10:00Z","value":"UNLOCKED",
                                           "vehicleDoor":"ALL_DOORS"}]},
             "updateTime":"2026-05-02T08:10:01Z"}""");
        VehicleStatus merged = TelemetryMapper.toStatus(TelemetryMapper.merge(f150, update));

        assertThat(merged.odometer()).contains(Measurement.of(18240.0, Unit.KILOMETERS,
            Instant.parse("2026-05-02T08:10:00Z")));
        assertThat(merged.doorLocks()).as("a list metric is replaced whole").hasSize(1);
        assertThat(merged.allDoorsLocked()).contains(false);
        assertThat(merged.fuelLevel().map(Measurement::value)).as("untouched metric").contains(63.244381);
        assertThat(merged.updateTime()).contains(Instant.parse("2026-05-02T08:10:01Z"));
        assertThat(merged.vin()).contains("1FTFW1E50PFA00001");
    }

    @Test
    void customMetricsAndConfigurationsMergeOneLevelDeeper() {
        JsonNode update = Fixtures.json("""
            {"metrics":{"customMetrics":{"trailer-connection-status":{"value":"CONNECTED"},
                                         "brand-new-custom":{"value":1}},
                        "configurations":{"automaticSoftwareUpdates":{"value":"ON"}}}}""");
        VehicleStatus merged = TelemetryMapper.toStatus(TelemetryMapper.merge(f150, update));

        assertThat(merged.customMetricNames()).containsExactly("accumulated-vehicle-speed-cruising-coaching-score",
            "trailer-connection-status", "brand-new-custom");
        assertThat(merged.customMetric("trailer-connection-status").orElseThrow().get("value").stringValue())
            .isEqualTo("CONNECTED");
        assertThat(merged.configuration("remoteStartRunDurationSetting")).as("kept").isPresent();
        assertThat(merged.configuration("automaticSoftwareUpdates")).as("added").isPresent();
    }

    @Test
    void statesAndEventsAreReplacedPerKeyAndCustomEventsOneLevelDeeper() {
        JsonNode update = Fixtures.json("""
            {"states":{"lockCommand":{"commandId":"new-id","value":{"toState":"REQUEST_QUEUED"}},
                       "commands":{"unlockCommand":{"commandId":"nested-id","value":{"toState":"success"}}}},
             "events":{"alarmEvent":{"updateTime":"2026-05-02T08:11:00Z"},
                       "customEvents":{"another-event":{"updateTime":"2026-05-02T08:11:00Z"}}}}""");
        VehicleStatus merged = TelemetryMapper.toStatus(TelemetryMapper.merge(f150, update));

        assertThat(merged.state("lockCommand").orElseThrow().get("commandId").stringValue()).isEqualTo("new-id");
        assertThat(merged.state("remoteStartCommand")).as("kept").isPresent();
        assertThat(merged.state("unlockCommand").orElseThrow().get("commandId").stringValue()).isEqualTo("nested-id");
        assertThat(merged.event("remoteStartEvent")).as("kept").isPresent();
        assertThat(merged.event("alarmEvent")).as("added").isPresent();
        assertThat(merged.customEvent("vehicle-status-update-event")).as("kept").isPresent();
        assertThat(merged.customEvent("another-event")).as("added").isPresent();
    }

    @Test
    void nestedCommandStatesMergeOneLevelDeeper() {
        JsonNode snapshot = Fixtures.load(Fixtures.MACH_E);
        JsonNode update = Fixtures.json("""
            {"states":{"commands":{"cancelGlobalChargeCommand":
              {"commandId":"c2","value":{"toState":"REQUEST_QUEUED"}}}}}""");
        VehicleStatus merged = TelemetryMapper.toStatus(TelemetryMapper.merge(snapshot, update));
        assertThat(merged.stateNames()).containsExactly("startGlobalChargeCommand", "cancelGlobalChargeCommand");
    }

    @Test
    void aHeartbeatOnlyMovesTheTime() {
        JsonNode merged = TelemetryMapper.merge(f150, Fixtures.json("{\"updateTime\":\"2026-05-02T09:00:00Z\"}"));
        ObjectNode expected = (ObjectNode) f150.deepCopy();
        expected.put("updateTime", "2026-05-02T09:00:00Z");
        assertThat(merged).isEqualTo(expected);
    }

    @Test
    void otherTopLevelKeysOfTheUpdateReplaceTheSnapshots() {
        JsonNode merged = TelemetryMapper.merge(f150, Fixtures.json("{\"messages\":[{\"id\":1}]}"));
        assertThat(merged.get("messages").size()).isEqualTo(1);
    }

    @Test
    void mergeChangesNeitherArgumentAndSharesNoNodeWithThem() {
        JsonNode snapshotBefore = f150.deepCopy();
        ObjectNode update = (ObjectNode) Fixtures.json("""
            {"metrics":{"odometer":{"value":1.0},"customMetrics":{"x":{"value":1}}}}""");
        JsonNode updateBefore = update.deepCopy();

        ObjectNode merged = (ObjectNode) TelemetryMapper.merge(f150, update);
        assertThat(f150).isEqualTo(snapshotBefore);
        assertThat(update).isEqualTo(updateBefore);

        ((ObjectNode) update.get("metrics").get("odometer")).put("value", 2.0);
        ((ObjectNode) merged.get("metrics").get("fuelLevel")).put("value", 0.0);
        assertThat(merged.at("/metrics/odometer/value").doubleValue()).isEqualTo(1.0);
        assertThat(f150).isEqualTo(snapshotBefore);
    }

    @Test
    void anUpdateOntoNoSnapshotStartsFromEmpty() {
        JsonNode merged = TelemetryMapper.merge(null, Fixtures.json("""
            {"metrics":{"odometer":{"value":5.0}}}"""));
        assertThat(TelemetryMapper.toStatus(merged).odometer().map(Measurement::value)).contains(5.0);
        assertThat(TelemetryMapper.merge(Fixtures.json("[]"), Fixtures.json("{}")).isObject()).isTrue();
    }

    @Test
    void aNonObjectUpdateOrSectionChangesNothing() {
        assertThat(TelemetryMapper.merge(f150, Fixtures.json("[1,2]"))).isEqualTo(f150);
        assertThat(TelemetryMapper.merge(f150, null)).isEqualTo(f150);
        assertThat(TelemetryMapper.merge(f150, Fixtures.json("""
            {"metrics":null,"states":[],"events":{"customEvents":"nope"}}"""))).isEqualTo(f150);
    }
}
