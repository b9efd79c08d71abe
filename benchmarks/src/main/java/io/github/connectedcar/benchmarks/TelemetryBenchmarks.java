package io.github.connectedcar.benchmarks;

import io.github.connectedcar.model.VehicleStatus;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;

/**
 * The telemetry work of a status read and of a status stream: a whole body into a {@code VehicleStatus}, and one
 * websocket frame merged into the last snapshot; for an ICE car and an EV, their bodies compact as Ford sends them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TelemetryBenchmarks {
    /** Metrics a typical frame carries. */
    private static final int METRICS_PER_FRAME = 3;

    @Param({"ice", "ev"})
    public String car;

    private byte[] body;
    private VehicleStatus snapshot;
    private JsonNode update;

    @Setup
    public void load() {
        body = Telemetry.compact(Telemetry.body(car)); // as Ford sends it
        snapshot = Telemetry.status(body).compacted(); // as a stream keeps it
        update = Telemetry.update(Telemetry.tree(body), METRICS_PER_FRAME);
    }

    @Benchmark
    public VehicleStatus parseIntoStatus() {
        return Telemetry.status(body);
    }

    @Benchmark
    public VehicleStatus mergeWebSocketFrame() {
        return Telemetry.merge(snapshot, update);
    }
}
