package io.github.connectedcar.bench;

import io.github.connectedcar.model.VehicleStatus;
import io.github.connectedcar.simulator.FordCloudSimulator;
import io.github.connectedcar.simulator.vehicle.VehicleSpec;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A benchmark, not a test: what a status costs before and after the compact snapshot, side by side in one JVM.
 *
 * <ul>
 *   <li><b>parse</b>: bytes of a telemetry body to a status. Before: {@code readTree} of the body, then the deep copy
 *       {@code VehicleStatus.of} made of it (what {@code status()} did). After: {@link VehicleStatus#parse(byte[])}.
 *       Also after against a bare {@code readTree} (the reference of issue 12's per-call target), and after with
 *       every typed getter read once (what {@code status --json} does) against before without any.</li>
 *   <li><b>merge</b>: one websocket push into a stream's snapshot. Before: the tree merge (a deep copy of the
 *       snapshot) plus the deep copy of the status made from it. After: {@link VehicleStatus#withUpdate}.</li>
 *   <li><b>heap per stream</b>: N streams' snapshots held at once after a few pushes each (before: the merge tree and
 *       the status's own copy; after: one compacted status, as a stream keeps it), used heap after GC divided by
 *       N.</li>
 * </ul>
 * The bodies are the simulator's F-150 (ICE) and Mach-E (BEV), compact as Ford sends them. Rounds alternate the
 * order of before and after; each ratio is after / before per round, reported as the median and the range.
 *
 * <pre>java -cp examples/target/connectedcar.jar io.github.connectedcar.bench.SnapshotBench [rounds] [streams]</pre>
 */
public final class SnapshotBench {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String F150 = VehicleSpec.DEFAULT_F150_VIN;
    private static final String MACH_E = VehicleSpec.DEFAULT_MACH_E_VIN;
    /** A sink the JIT cannot see through. */
    private static volatile Object sink;

    private SnapshotBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int streams = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        Map<String, byte[]> bodies = bodies();
        List<JsonNode> frames = frames();
        System.out.printf(Locale.ROOT, "JVM %s, %d cores, %d rounds%n", Runtime.version(),
            Runtime.getRuntime().availableProcessors(), rounds);
        for (Map.Entry<String, byte[]> body : bodies.entrySet()) {
            byte[] bytes = body.getValue();
            System.out.printf(Locale.ROOT, "%n%s body, %d bytes, %d metrics%n", body.getKey(), bytes.length,
                VehicleStatus.parse(bytes).metricNames().size());
            compare("parse", rounds, 500, () -> before(bytes), () -> VehicleStatus.parse(bytes));
            compare("parse vs bare readTree", rounds, 500, () -> JSON.readTree(bytes), () -> VehicleStatus.parse(bytes));
            compare("parse + every getter", rounds, 500, () -> before(bytes),
                () -> readEverything(VehicleStatus.parse(bytes)));
            allocation("allocated per parse", () -> before(bytes), () -> VehicleStatus.parse(bytes));
            ObjectNode beforeSnapshot = (ObjectNode) JSON.readTree(bytes);
            VehicleStatus afterSnapshot = VehicleStatus.parse(bytes).compacted();
            int[] next = new int[2];
            compare("merge one push", rounds, 2_000,
                () -> {
                    JsonNode merged = LegacyMerge.merge(beforeSnapshot, frames.get(next[0]++ % frames.size()));
                    return merged.deepCopy(); // the status made of it
                },
                () -> afterSnapshot.withUpdate(frames.get(next[1]++ % frames.size())));
            int[] pushed = new int[2];
            allocation("allocated per push",
                () -> LegacyMerge.merge(beforeSnapshot, frames.get(pushed[0]++ % frames.size())).deepCopy(),
                () -> afterSnapshot.withUpdate(frames.get(pushed[1]++ % frames.size())));
            heap(streams, bytes, frames);
        }
    }

    /** What {@code status()} did before: a tree of the body, then {@code VehicleStatus.of}'s deep copy of it. */
    private static Object before(byte[] bytes) {
        return JSON.readTree(bytes).deepCopy();
    }

    /** Every typed getter once, as a view such as {@code status --json} reads them. */
    private static Object readEverything(VehicleStatus s) {
        return List.of(s.vin(), s.updateTime(), s.odometer(), s.speed(), s.position(), s.heading(),
            s.compassDirection(), s.outsideTemperature(), s.fuelLevel(), s.fuelRange(), s.oilLife(),
            s.engineCoolantTemperature(), s.engineOilTemperature(), s.engineSpeed(), s.evStateOfCharge(),
            s.evActualStateOfCharge(), s.evRange(), s.evBatteryCapacity(), s.evEnergyRemaining(),
            s.evBatteryTemperature(), s.evBatteryVoltage(), s.evBatteryCurrent(), s.chargerPowerOutput(),
            s.chargeStationPowerType(), s.plugStatus(), s.chargeDisplayStatus(), s.timeToFullCharge(),
            s.lowVoltageBatteryStateOfCharge(), s.lowVoltageBatteryVoltage(), s.ignitionStatus(),
            s.remoteStartCountdown(), s.alarmStatus(), s.panicAlarmStatus(), s.hoodStatus(), s.doors(),
            s.doorLocks(), s.lockState(), s.windows(), s.seatBelts(), s.gearLeverPosition(), s.tirePressures(),
            s.tireStatuses(), s.tirePressureSystemStatus(), s.indicators());
    }

    private static void compare(String what, int rounds, int operations, Supplier<Object> before,
                                Supplier<Object> after) {
        for (int i = 0; i < operations * 20; i++) { // warm-up of both
            sink = before.get();
            sink = after.get();
        }
        double[] beforeNanos = new double[rounds];
        double[] afterNanos = new double[rounds];
        double[] ratios = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            if (round % 2 == 0) {
                beforeNanos[round] = time(before, operations);
                afterNanos[round] = time(after, operations);
            } else {
                afterNanos[round] = time(after, operations);
                beforeNanos[round] = time(before, operations);
            }
            ratios[round] = afterNanos[round] / beforeNanos[round];
        }
        System.out.printf(Locale.ROOT, "  %-22s before %8.2f µs  after %8.2f µs  after/before median %.2f (%.2f–%.2f)%n",
            what, median(beforeNanos) / 1000, median(afterNanos) / 1000, median(ratios), min(ratios), max(ratios));
    }

    private static double time(Supplier<Object> operation, int operations) {
        long start = System.nanoTime();
        for (int i = 0; i < operations; i++) {
            sink = operation.get();
        }
        return (double) (System.nanoTime() - start) / operations;
    }

    /** Bytes the thread allocates per operation, exactly (not disturbed by other load). */
    private static void allocation(String what, Supplier<Object> before, Supplier<Object> after) {
        long beforeBytes = allocatedPer(before);
        long afterBytes = allocatedPer(after);
        System.out.printf(Locale.ROOT, "  %-22s before %8d B   after %8d B   after/before %.3f%n", what, beforeBytes,
            afterBytes, (double) afterBytes / beforeBytes);
    }

    private static long allocatedPer(Supplier<Object> operation) {
        com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        int operations = 10_000;
        long start = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < operations; i++) {
            sink = operation.get();
        }
        return (threads.getThreadAllocatedBytes(thread) - start) / operations;
    }

    private static void heap(int streams, byte[] bytes, List<JsonNode> frames) throws InterruptedException {
        long baseline = usedHeap();
        Object[] held = new Object[streams];
        for (int i = 0; i < streams; i++) {
            JsonNode snapshot = JSON.readTree(bytes);
            for (JsonNode frame : frames) {
                snapshot = LegacyMerge.merge(snapshot, frame);
            }
            held[i] = new Object[] {snapshot, snapshot.deepCopy()};
        }
        long beforePerStream = (usedHeap() - baseline) / streams;
        sink = held;
        Arrays.fill(held, null);
        baseline = usedHeap();
        for (int i = 0; i < streams; i++) {
            VehicleStatus status = VehicleStatus.parse(bytes.clone()).compacted(); // as a stream keeps it
            for (JsonNode frame : frames) {
                status = status.withUpdate(frame);
            }
            held[i] = status;
        }
        long afterPerStream = (usedHeap() - baseline) / streams;
        sink = held;
        System.out.printf(Locale.ROOT, "  %-22s before %8d B   after %8d B   after/before %.3f  (%d streams)%n",
            "heap per stream", beforePerStream, afterPerStream, (double) afterPerStream / beforePerStream, streams);
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The simulator's two cars, rendered as Ford's compact bodies. */
    private static Map<String, byte[]> bodies() {
        FordCloudSimulator simulator = FordCloudSimulator.builder().build();
        try {
            return Map.of("ICE (F-150)", JSON.writeValueAsBytes(simulator.vehicle(F150).telemetry()),
                "EV (Mach-E)", JSON.writeValueAsBytes(simulator.vehicle(MACH_E).telemetry()));
        } finally {
            simulator.close();
        }
    }

    /** Pushes as the websocket sends them: a few metrics, a list metric, a custom metric, a command state. */
    private static List<JsonNode> frames() {
        List<JsonNode> frames = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String time = "\"2026-05-02T08:0" + i + ":00Z\"";
            frames.add(JSON.readTree(("""
                {"updateTime":%1$s,"metrics":{"odometer":{"updateTime":%1$s,"value":%2$d.5},
                 "speed":{"updateTime":%1$s,"value":%3$d.0},
                 "position":{"updateTime":%1$s,"value":{"location":{"lat":42.3%3$d,"lon":-83.2%3$d,"alt":190.0},
                   "gpsDimension":"3D_FIX"}}}}""").formatted(time, 18_000 + i, 40 + i)));
            if (i % 4 == 1) {
                frames.add(JSON.readTree(("""
                    {"metrics":{"doorLockStatus":[{"updateTime":%1$s,"value":"%2$s","vehicleDoor":"ALL_DOORS"}],
                     "customMetrics":{"trailer-connection-status":{"updateTime":%1$s,"value":"CONNECTED"}}},
                     "states":{"lockCommand":{"commandId":"c%3$d","timestamp":%1$s,"value":{"toState":"success"}}}}""")
                    .formatted(time, i % 2 == 0 ? "LOCKED" : "UNLOCKED", i)));
            }
        }
        return frames;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(0);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }

    /** The merge as it was before the compact snapshot: a deep copy of the snapshot tree per push. */
    private static final class LegacyMerge {
        private static final Map<String, List<String>> SECTIONS = Map.of(
            "metrics", List.of("customMetrics", "configurations"), "events", List.of("customEvents"),
            "states", List.of("commands"));

        static JsonNode merge(JsonNode snapshot, JsonNode update) {
            ObjectNode merged = (ObjectNode) snapshot.deepCopy();
            update.properties().forEach(property -> {
                List<String> deeper = SECTIONS.get(property.getKey());
                if (deeper == null) {
                    merged.set(property.getKey(), property.getValue().deepCopy());
                } else if (property.getValue().isObject()) {
                    mergeSection(child(merged, property.getKey()), property.getValue(), deeper);
                }
            });
            return merged;
        }

        private static void mergeSection(ObjectNode target, JsonNode update, List<String> deeper) {
            update.properties().forEach(property -> {
                if (deeper.contains(property.getKey())) {
                    if (property.getValue().isObject()) {
                        mergeSection(child(target, property.getKey()), property.getValue(), List.of());
                    }
                } else {
                    target.set(property.getKey(), property.getValue().deepCopy());
                }
            });
        }

        private static ObjectNode child(ObjectNode parent, String key) {
            return parent.get(key) instanceof ObjectNode object ? object : parent.putObject(key);
        }
    }
}
