package io.github.connectedcar.bench;

import io.github.connectedcar.ConnectedCarAsyncClient;
import io.github.connectedcar.auth.AuthAsyncClient;
import io.github.connectedcar.simulator.BrowserLogin;
import io.github.connectedcar.simulator.FordCloudSimulator;
import io.github.connectedcar.simulator.QuotaPolicy;
import io.github.connectedcar.simulator.SimulatedAccount;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A load driver, not a test: reads car statuses through the whole SDK (pipeline, token manager, Reactor Netty,
 * Jackson mapping) against the embedded simulator over loopback, and prints throughput and latency percentiles.
 * Ford's own limits make such rates meaningless against the real cloud; this measures the SDK's overhead.
 *
 * <pre>java -cp examples/target/connectedcar.jar io.github.connectedcar.bench.StatusReadLoad [requests] [concurrency]</pre>
 */
public final class StatusReadLoad {
    private StatusReadLoad() {
    }

    public static void main(String[] args) {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        try (FordCloudSimulator simulator = FordCloudSimulator.builder()
                .quota(QuotaPolicy.perWindow(Integer.MAX_VALUE, Duration.ofDays(1)))
                .build().start();
             ConnectedCarAsyncClient client = BenchClients.builder(simulator.baseUrl()).buildAsyncClient()) {
            logIn(client);
            String vin = "1FTFW1E50PFA00001";
            // Warm-up: JIT, connection pool, token cache.
            run(client, vin, Math.min(2_000, requests), concurrency);
            long[] latencies = run(client, vin, requests, concurrency);
            report("status reads", requests, concurrency, latencies);

            // Every token expires at once under load: the token manager must renew once for all callers.
            simulator.expireTokens(SimulatedAccount.DEFAULT_USERNAME);
            long refreshesBefore = client.metrics().catRefreshes();
            long exchangesBefore = client.metrics().tmcExchanges();
            int burst = Math.min(requests, 1_000);
            long[] renewal = run(client, vin, burst, burst);
            report("status reads right after every token expired", burst, burst, renewal);
            System.out.printf(Locale.ROOT, "  renewals   %d CAT refresh, %d TMC exchange for %d concurrent callers%n",
                client.metrics().catRefreshes() - refreshesBefore,
                client.metrics().tmcExchanges() - exchangesBefore, burst);
        }
    }

    static void logIn(ConnectedCarAsyncClient client) {
        AuthAsyncClient auth = client.auth();
        auth.beginLogin()
            .flatMap(pending -> new BrowserLogin().signIn(pending.authorizeUrl().toString(),
                    SimulatedAccount.DEFAULT_USERNAME, SimulatedAccount.DEFAULT_PASSWORD)
                .flatMap(url -> auth.completeLogin(pending, url)))
            .block(Duration.ofSeconds(30));
    }

    private static long[] run(ConnectedCarAsyncClient client, String vin, int requests, int concurrency) {
        long started = System.nanoTime();
        long[] latencies = Flux.range(0, requests)
            .flatMap(i -> Mono.defer(() -> {
                long t0 = System.nanoTime();
                return client.vehicle(vin).status().map(status -> System.nanoTime() - t0);
            }), concurrency)
            .collectList()
            .map(list -> list.stream().mapToLong(Long::longValue).toArray())
            .block(Duration.ofMinutes(10));
        long elapsed = System.nanoTime() - started;
        latencies = Arrays.copyOf(latencies, latencies.length + 1);
        latencies[latencies.length - 1] = elapsed; // the last slot carries the wall time
        return latencies;
    }

    private static void report(String what, int requests, int concurrency, long[] samples) {
        long wall = samples[samples.length - 1];
        long[] latencies = Arrays.copyOf(samples, samples.length - 1);
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "%s: %d requests, concurrency %d, %d cores%n", what, requests, concurrency,
            Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "  throughput  %.0f reads/s%n", requests / (wall / 1e9));
        System.out.printf(Locale.ROOT, "  latency     p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms%n",
            percentile(latencies, 50), percentile(latencies, 90), percentile(latencies, 99),
            latencies[latencies.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
