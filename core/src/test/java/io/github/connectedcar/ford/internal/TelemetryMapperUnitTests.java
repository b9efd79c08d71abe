package io.github.connectedcar.ford.internal;

import io.github.connectedcar.model.Measurement;
import io.github.connectedcar.model.Unit;
import io.github.connectedcar.model.VehicleStatus;
import io.github.connectedcar.testing.FixtureFiles;
import io.github.connectedcar.testing.Fixtures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.connectedcar.exception.DecodeException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

@Tag("unit")
class TelemetryMapperUnitTests {
    private final JsonNode f150Body = Fixtures.load(Fixtures.F150);
    private final VehicleStatus f150 = TelemetryMapper.toStatus(f150Body);

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static VehicleStatus parse(String text) {
        return TelemetryMapper.parse(bytes(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"telemetry\"", "42", "null", "true"})
    void aNonObjectBodyIsADecodeErrorOfTelemetry(String body) {
        assertThatThrownBy(() -> TelemetryMapper.toStatus(Fixtures.json(body)))
            .isInstanceOf(DecodeException.class)
            .satisfies(error -> assertThat(((DecodeException) error).getOperation()).isEqualTo("telemetry"));
        assertThatThrownBy(() -> parse(body))
            .isInstanceOf(DecodeException.class)
            .satisfies(error -> assertThat(((DecodeException) error).getOperation()).isEqualTo("telemetry"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"metrics\":{\"odometer\":", "<html>403</html>", "{} {}", "{\"a\":1,}"})
    void bytesThatAreNotOneJsonObjectAreADecodeError(String body) {
        assertThatThrownBy(() -> parse(body)).isInstanceOf(DecodeException.class)
            .satisfies(error -> assertThat(((DecodeException) error).getOperation()).isEqualTo("telemetry"));
    }

    @Test
    void noBodyAtAllIsADecodeErrorOfTelemetry() {
        assertThatThrownBy(() -> TelemetryMapper.toStatus(null)).isInstanceOf(DecodeException.class)
            .hasMessageContaining("nothing");
        assertThatThrownBy(() -> TelemetryMapper.parse(null)).isInstanceOf(DecodeException.class);
    }

    @Test
    void bytesReadStraightGiveTheSameStatusAsATree() {
        for (String fixture : new String[] {FixtureFiles.F150, FixtureFiles.MACH_E}) {
            VehicleStatus fromBytes = TelemetryMapper.parse(bytes(FixtureFiles.text(fixture)));
            VehicleStatus fromTree = TelemetryMapper.toStatus(Fixtures.load(fixture));
            assertThat(fromBytes).isEqualTo(fromTree);
            assertThat(fromBytes.raw()).isEqualTo(Fixtures.load(fixture));
            assertThat(fromBytes.toString()).isEqualTo(fromTree.toString());
        }
    }

    @Test
    void aPrettyAndACompactBodyGiveEqualStatuses() {
        String compact = Fixtures.JSON.writeValueAsString(f150Body);
        assertThat(parse(compact)).isEqualTo(parse(FixtureFiles.text(FixtureFiles.F150)));
        assertThat(parse("{\"metrics\":{\"odometer\":{\"value\":5.00}}}"))
            .as("numbers spelt differently are still equal").isEqualTo(parse("{\"metrics\":{\"odometer\":{\"value\":5.0}}}"));
    }

    @Test
    void aUtf16BodyIsReadToo() {
        byte[] utf16 = FixtureFiles.text(FixtureFiles.MACH_E).getBytes(StandardCharsets.UTF_16BE);
        assertThat(TelemetryMapper.parse(utf16)).isEqualTo(TelemetryMapper.toStatus(Fixtures.load(Fixtures.MACH_E)));
    }

    @Test
    void stringsWithSpacesBracesAndEscapesSurviveTheCut() {
        VehicleStatus status = parse("{\"metrics\":{\"x\":{\"value\":\"a } \\\" { b\\n\"},\"y\":[1, 2]}}");
        assertThat(status.metric("x").orElseThrow().get("value").stringValue()).isEqualTo("a } \" { b\n");
        assertThat(status.metric("y").orElseThrow().size()).isEqualTo(2);
    }

    @Test
    void aMetricOfTheUpdateReplacesTheSnapshotsAndKeepsTheOthers() {
        JsonNode update = Fixtures.json("""
            {"metrics":{"odometer":{"updateTime":"2026-05-02T08:10:00Z","value":18240.0},
                        "doorLockStatus":[{"updateTime":"2026-05-02T08:10:00Z","value":"UNLOCKED",
                                           "vehicleDoor":"ALL_DOORS"}]},
             "updateTime":"2026-05-02T08:10:01Z"}""");
        VehicleStatus merged = TelemetryMapper.merge(f150, update);

        assertThat(merged.odometer()).contains(Measurement.of(18240.0, Unit.KILOMETERS,
            Instant.parse("2026-05-02T08:10:00Z")));
        assertThat(merged.doorLocks()).as("a list metric is replaced whole").hasSize(1);
        assertThat(merged.allDoorsLocked()).contains(false);
        assertThat(merged.fuelLevel().map(Measurement::value)).as("untouched metric").contains(63.244381);
        assertThat(merged.updateTime()).contains(Instant.parse("2026-05-02T08:10:01Z"));
        assertThat(merged.vin()).contains("1FTFW1E50PFA00001");
        assertThat(merged.metricNames()).as("a replaced metric keeps its place").isEqualTo(f150.metricNames());
    }

    @Test
    void customMetricsAndConfigurationsMergeOneLevelDeeper() {
        JsonNode update = Fixtures.json("""
            {"metrics":{"customMetrics":{"trailer-connection-status":{"value":"CONNECTED"},
                                         "brand-new-custom":{"value":1}},
                        "configurations":{"automaticSoftwareUpdates":{"value":"ON"}}}}""");
        VehicleStatus merged = TelemetryMapper.merge(f150, update);

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
        VehicleStatus merged = TelemetryMapper.merge(f150, update);

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
        VehicleStatus snapshot = TelemetryMapper.toStatus(Fixtures.load(Fixtures.MACH_E));
        JsonNode update = Fixtures.json("""
            {"states":{"commands":{"cancelGlobalChargeCommand":
              {"commandId":"c2","value":{"toState":"REQUEST_QUEUED"}}}}}""");
        VehicleStatus merged = TelemetryMapper.merge(snapshot, update);
        assertThat(merged.stateNames()).containsExactly("startGlobalChargeCommand", "cancelGlobalChargeCommand");
    }

    @Test
    void aHeartbeatOnlyMovesTheTime() {
        JsonNode heartbeat = Fixtures.json("{\"updateTime\":\"2026-05-02T09:00:00Z\"}");
        VehicleStatus merged = TelemetryMapper.merge(f150, heartbeat);
        ObjectNode expected = (ObjectNode) f150Body.deepCopy();
        expected.put("updateTime", "2026-05-02T09:00:00Z");
        assertThat(merged.raw()).isEqualTo(expected);
        assertThat(TelemetryMapper.isHeartbeat(heartbeat)).isTrue();
        assertThat(TelemetryMapper.isHeartbeat(Fixtures.json("{\"updateTime\":\"x\",\"metrics\":{}}"))).isFalse();
    }

    @Test
    void otherTopLevelKeysOfTheUpdateReplaceTheSnapshots() {
        VehicleStatus merged = TelemetryMapper.merge(f150, Fixtures.json("{\"messages\":[{\"id\":1}]}"));
        assertThat(merged.raw().get("messages").size()).isEqualTo(1);
    }

    @Test
    void mergeChangesNeitherArgumentAndSharesNothingMutableWithThem() {
        JsonNode snapshotBefore = f150.raw();
        ObjectNode update = (ObjectNode) Fixtures.json("""
            {"metrics":{"odometer":{"value":1.0},"customMetrics":{"x":{"value":1}}}}""");
        JsonNode updateBefore = update.deepCopy();

        VehicleStatus merged = TelemetryMapper.merge(f150, update);
        assertThat(f150.raw()).isEqualTo(snapshotBefore);
        assertThat(update).isEqualTo(updateBefore);

        ((ObjectNode) update.get("metrics").get("odometer")).put("value", 2.0);
        assertThat(merged.odometer().map(Measurement::value)).contains(1.0);
        assertThat(f150.raw()).isEqualTo(snapshotBefore);
    }

    @Test
    void anUpdateOntoAnEmptySnapshotFillsIt() {
        VehicleStatus merged = TelemetryMapper.merge(parse("{}"), Fixtures.json("""
            {"metrics":{"odometer":{"value":5.0}}}"""));
        assertThat(merged.odometer().map(Measurement::value)).contains(5.0);
        VehicleStatus overLeaf = TelemetryMapper.merge(parse("{\"metrics\":[1]}"), Fixtures.json("""
            {"metrics":{"odometer":{"value":6.0}}}"""));
        assertThat(overLeaf.odometer().map(Measurement::value)).as("a section that was no object is started anew")
            .contains(6.0);
    }

    @Test
    void aNonObjectUpdateOrSectionChangesNothing() {
        assertThat(TelemetryMapper.merge(f150, Fixtures.json("[1,2]"))).isEqualTo(f150);
        assertThat(TelemetryMapper.merge(f150, null)).isEqualTo(f150);
        assertThat(TelemetryMapper.merge(f150, Fixtures.json("""
            {"metrics":null,"states":[],"events":{"customEvents":"nope"}}"""))).isEqualTo(f150);
    }

    /**
     * The stream's contract: a full read followed by partial frames equals a full re-read of the body the frames
     * lead to, for list metrics, custom metrics, configurations, command states and removals.
     */
    @Test
    void partialFramesMergedIntoTheCompactSnapshotEqualAFullReRead() {
        ObjectNode body = (ObjectNode) f150Body.deepCopy();
        VehicleStatus streamed = TelemetryMapper.parse(bytes(FixtureFiles.text(FixtureFiles.F150)));
        String[] frames = {
            // a list metric replaced whole, with one door fewer
            """
            {"updateTime":"2026-05-02T08:01:00Z","metrics":{"doorLockStatus":[
              {"updateTime":"2026-05-02T08:01:00Z","value":"UNLOCKED","vehicleDoor":"ALL_DOORS"}]}}""",
            // custom metrics: one changed, one added; a configuration changed
            """
            {"metrics":{"customMetrics":{"trailer-connection-status":{"updateTime":"2026-05-02T08:02:00Z","value":"CONNECTED"},
              "brand-new":{"value":[1,2,3]}},"configurations":{"remoteStartRunDurationSetting":{"value":600.0}}}}""",
            // removals: a metric, a custom metric and a nested command state
            """
            {"metrics":{"yawRate":null,"customMetrics":{"accumulated-vehicle-speed-cruising-coaching-score":null}},
             "states":{"lockCommand":null}}""",
            // a new nested command state, an event and a heartbeat-like time
            """
            {"states":{"commands":{"unlockCommand":{"commandId":"u1","value":{"toState":"REQUEST_QUEUED"}}}},
             "events":{"customEvents":{"door-event":{"updateTime":"2026-05-02T08:03:00Z"}}}}""",
            """
            {"updateTime":"2026-05-02T08:04:00Z"}"""
        };
        for (String frame : frames) {
            JsonNode update = Fixtures.json(frame);
            streamed = TelemetryMapper.merge(streamed, update);
            applyByHand(body, update);
        }
        VehicleStatus reRead = TelemetryMapper.parse(Fixtures.JSON.writeValueAsBytes(body));
        assertThat(streamed).isEqualTo(reRead).hasSameHashCodeAs(reRead);
        assertThat(streamed.raw()).isEqualTo(body);
        assertThat(streamed.doorLocks()).hasSize(1);
        assertThat(streamed.metricNames()).doesNotContain("yawRate");
        assertThat(streamed.customMetricNames()).containsExactly("trailer-connection-status", "brand-new");
        assertThat(streamed.stateNames()).doesNotContain("lockCommand").contains("unlockCommand");
        assertThat(streamed.remoteStartRunDuration().map(Measurement::value)).contains(java.time.Duration.ofMinutes(10));
        assertThat(streamed.updateTime()).contains(Instant.parse("2026-05-02T08:04:00Z"));
    }

    /** What the server's full body becomes after a frame: the rules of docs/ford-api.md §6, on a plain tree. */
    private static void applyByHand(ObjectNode body, JsonNode update) {
        update.properties().forEach(section -> {
            String name = section.getKey();
            if (name.equals("metrics") || name.equals("events") || name.equals("states")) {
                ObjectNode target = (ObjectNode) body.get(name);
                section.getValue().properties().forEach(entry -> {
                    boolean container = entry.getValue().isObject() && (entry.getKey().equals("customMetrics")
                        || entry.getKey().equals("configurations") || entry.getKey().equals("customEvents")
                        || entry.getKey().equals("commands"));
                    if (container) {
                        ObjectNode inner = target.has(entry.getKey()) ? (ObjectNode) target.get(entry.getKey())
                            : target.putObject(entry.getKey());
                        entry.getValue().properties().forEach(deeper -> {
                            if (deeper.getValue().isNull()) {
                                inner.remove(deeper.getKey());
                            } else {
                                inner.set(deeper.getKey(), deeper.getValue());
                            }
                        });
                    } else if (entry.getValue().isNull()) {
                        target.remove(entry.getKey());
                    } else {
                        target.set(entry.getKey(), entry.getValue());
                    }
                });
            } else {
                body.set(name, section.getValue());
            }
        });
    }
}
