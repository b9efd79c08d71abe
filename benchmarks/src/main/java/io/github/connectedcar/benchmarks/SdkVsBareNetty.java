package io.github.connectedcar.benchmarks;

import io.github.connectedcar.ConnectedCarAsyncClient;
import io.github.connectedcar.http.TransportOptions;
import io.github.connectedcar.internal.Json;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;

/**
 * A load driver, not a test: reads one car's status through the whole SDK ({@code status()}: pipeline, token cache,
 * Reactor Netty, mapping into {@code VehicleStatus}) and, side by side, with a bare Reactor Netty client doing a GET
 * and Jackson's {@code readTree} of the answer, both against one static local server that answers every GET with a
 * real telemetry body (the F-150's, compact as Ford sends it). After a warm-up it runs, at each concurrency, rounds
 * made of short blocks of SDK and bare reads in turn (the first swapped every block, so that drift favours neither),
 * and prints per concurrency the median and the spread of the per-round ratios SDK / bare of throughput and of median
 * latency.
 *
 * <pre>java -cp benchmarks/target/connectedcar-benchmarks.jar io.github.connectedcar.benchmarks.SdkVsBareNetty \
 *     [rounds=7] [reads per client and round=4000] [concurrencies=1,16,64,256] [SDK pool size, default: the SDK's default]</pre>
 */
public final class SdkVsBareNetty {
    private static final String VIN = "1FTFW1E50PFA00001";

    /** Reads per block of one client within a round (at least 20 per unit of concurrency). */
    private static final int BLOCK = 500;
    /** How long both clients run before the measured rounds, split over the concurrencies. */
    private static final Duration WARM_UP = Duration.ofSeconds(30);

    private SdkVsBareNetty() {
    }

    /** One run's outcome: each read's latency in nanoseconds, the run's wall time, the reads that failed. */
    private record Run(long[] latencies, long nanos, int failed) {
    }

    /** The runs of one client in a round, taken together. */
    private static final class Blocks {
        private final List<long[]> latencies = new ArrayList<>();
        private long nanos;
        private int failed;

        void add(Run run) {
            latencies.add(run.latencies());
            nanos += run.nanos();
            failed += run.failed();
        }

        int failed() {
            return failed;
        }

        double perSecond() {
            return latencies.stream().mapToInt(l -> l.length).sum() / (nanos / 1e9);
        }

        double p50Millis() {
            long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            return all.length == 0 ? Double.NaN : all[all.length / 2] / 1e6;
        }
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
        int[] concurrencies = Arrays.stream((args.length > 2 ? args[2] : "1,16,64,256").split(","))
            .mapToInt(Integer::parseInt).toArray();
        Integer pool = args.length > 3 ? Integer.valueOf(args[3]) : null;

        // Compact, as Ford sends it (the fixture is indented for reading: 11.7 KB against 7.4 KB on the wire).
        byte[] body = Telemetry.compact(Telemetry.ICE);
        // Every GET gets the telemetry body; the SDK's one POST, its first token exchange, a token.
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(0)
            .handle((request, response) -> response.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                .sendByteArray(Mono.just(request.method() == HttpMethod.POST ? SignedIn.TOKEN_EXCHANGE_ANSWER : body)))
            .bindNow();
        String base = "http://127.0.0.1:" + server.port();
        String telemetryUrl = base + "/v1/telemetry/sources/fordpass/vehicles/" + VIN;
        var builder = SignedIn.builder(base);
        if (pool != null) {
            builder.transportOptions(TransportOptions.defaults().withMaxConnections(pool));
        }
        HttpClient bare = HttpClient.create();
        try (ConnectedCarAsyncClient sdk = builder.buildAsyncClient()) {
            Supplier<Mono<?>> sdkRead = () -> sdk.vehicle(VIN).status();
            Supplier<Mono<?>> bareRead = () -> bare.get().uri(telemetryUrl)
                .responseSingle((response, content) -> content.asByteArray())
                .map(bytes -> Json.MAPPER.readTree(bytes));

            System.out.printf(Locale.ROOT, "%d-byte telemetry body, %d reads per client and round, %d rounds, %d cores, "
                    + "SDK pool %s%n", body.length, requests, rounds, Runtime.getRuntime().availableProcessors(),
                pool == null ? "default (" + TransportOptions.defaults().maxConnections() + ")" : pool);
            // Warm-up: JIT, both connection pools, the token cache. By time, not by count: on two cores the SDK's
            // longer code path was still being compiled well into the rounds after 2 000 calls (its first rounds
            // ran at twice its later latency), which skewed the ratios against it.
            for (int c : concurrencies) {
                long until = System.nanoTime() + WARM_UP.toNanos() / concurrencies.length;
                while (System.nanoTime() < until) {
                    run(sdkRead, 2000, c);
                    run(bareRead, 2000, c);
                }
            }
            List<String> table = new ArrayList<>();
            for (int c : concurrencies) {
                double[] throughput = new double[rounds];
                double[] latency = new double[rounds];
                double[] sdkRate = new double[rounds];
                double[] bareRate = new double[rounds];
                int sdkFailed = 0;
                int bareFailed = 0;
                for (int r = 0; r < rounds; r++) {
                    // A round is short blocks of each client in turn (the first swapped every block), so that the
                    // shared machine's drift over seconds falls on both alike.
                    Blocks s = new Blocks();
                    Blocks b = new Blocks();
                    int block = Math.max(BLOCK, 20 * c);
                    for (int done = 0, i = 0; done < requests; done += block, i++) {
                        int size = Math.min(block, requests - done);
                        if (i % 2 == 0) {
                            s.add(run(sdkRead, size, c));
                            b.add(run(bareRead, size, c));
                        } else {
                            b.add(run(bareRead, size, c));
                            s.add(run(sdkRead, size, c));
                        }
                    }
                    throughput[r] = s.perSecond() / b.perSecond();
                    latency[r] = s.p50Millis() / b.p50Millis();
                    sdkRate[r] = s.perSecond();
                    bareRate[r] = b.perSecond();
                    sdkFailed += s.failed();
                    bareFailed += b.failed();
                    System.out.printf(Locale.ROOT, "  concurrency %3d round %d: SDK %7.0f/s p50 %6.3f ms (%d failed), "
                            + "bare %7.0f/s p50 %6.3f ms (%d failed)%n", c, r + 1, s.perSecond(), s.p50Millis(),
                        s.failed(), b.perSecond(), b.p50Millis(), b.failed());
                }
                table.add(String.format(Locale.ROOT, "| %d | %.2f (%.2f–%.2f) | %.2f (%.2f–%.2f) | %.0f | %.0f | %d | %d |",
                    c, median(throughput), min(throughput), max(throughput), median(latency), min(latency),
                    max(latency), median(sdkRate), median(bareRate), sdkFailed, bareFailed));
            }
            System.out.println();
            System.out.println("| concurrency | throughput SDK / bare, median (min–max) | p50 latency SDK / bare, median "
                + "(min–max) | SDK reads/s (median) | bare reads/s (median) | SDK failed | bare failed |");
            System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
            table.forEach(System.out::println);
        } finally {
            server.disposeNow();
        }
    }

    private static Run run(Supplier<Mono<?>> read, int requests, int concurrency) {
        AtomicInteger failed = new AtomicInteger();
        long started = System.nanoTime();
        long[] latencies = Flux.range(0, requests)
            .flatMap(i -> Mono.defer(() -> {
                long t0 = System.nanoTime();
                return read.get().map(any -> System.nanoTime() - t0)
                    .onErrorResume(error -> {
                        failed.incrementAndGet();
                        return Mono.empty();
                    });
            }), concurrency)
            .collectList()
            .map(list -> list.stream().mapToLong(Long::longValue).toArray())
            .block(Duration.ofMinutes(10));
        return new Run(latencies, System.nanoTime() - started, failed.get());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }
}
