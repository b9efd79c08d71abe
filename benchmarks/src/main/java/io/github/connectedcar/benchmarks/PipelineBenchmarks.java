package io.github.connectedcar.benchmarks;

import io.github.connectedcar.ClientInternals;
import io.github.connectedcar.ConnectedCarAsyncClient;
import io.github.connectedcar.auth.internal.TokenManager;
import io.github.connectedcar.ford.internal.FordApi;
import io.github.connectedcar.ford.internal.FordCalls;
import io.github.connectedcar.http.AuthScheme;
import io.github.connectedcar.http.HttpResponse;
import io.github.connectedcar.model.VehicleStatus;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One status read's work in the SDK, without a network: the telemetry request built and sent through every policy of
 * the data pipeline (user agent, retry, lockout guard, token, budget, log, deadline) to a transport that answers at
 * once; the token lookup on a warm cache alone; and the whole {@code status()} call, the mapping included.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PipelineBenchmarks {
    private static final String VIN = "1FTFW1E50PFA00001";
    private static final Duration WAIT = Duration.ofSeconds(5);

    private ConnectedCarAsyncClient client;
    private FordCalls calls;
    private TokenManager tokens;

    @Setup
    public void signIn() {
        client = SignedIn.builder("http://127.0.0.1:1").transport(new CannedTransport(Telemetry.compact(Telemetry.ICE)))
            .buildAsyncClient();
        calls = ClientInternals.calls(client);
        tokens = ClientInternals.tokens(client);
        client.vehicle(VIN).status().block(WAIT); // the token cache filled from the store
    }

    @TearDown
    public void close() {
        client.close();
    }

    @Benchmark
    public HttpResponse requestThroughThePipeline() {
        return calls.send(calls.request(FordApi.TELEMETRY, VIN)).block(WAIT);
    }

    @Benchmark
    public String tokenOnAWarmCache() {
        return tokens.token(AuthScheme.TMC).block(WAIT);
    }

    @Benchmark
    public VehicleStatus statusThroughTheClient() {
        return client.vehicle(VIN).status().block(WAIT);
    }
}
