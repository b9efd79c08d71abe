package io.github.connectedcar.bench;

import io.github.connectedcar.ConnectedCarAsyncClient;
import io.github.connectedcar.auth.InMemoryTokenStore;
import io.github.connectedcar.auth.TokenStore;
import io.github.connectedcar.protection.QuotaOptions;
import io.github.connectedcar.redis.RedisTokenStore;
import io.github.connectedcar.redis.RedisUsageStore;
import io.github.connectedcar.usage.InMemoryUsageStore;
import io.github.connectedcar.usage.UsageStore;
import io.github.connectedcar.simulator.FordCloudSimulator;
import io.github.connectedcar.simulator.QuotaPolicy;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A load driver, not a test: status reads through the whole SDK with the Redis stores (token and usage) beside the
 * same reads with the in-memory ones, in one run, against the embedded simulator. Both clients count a budget, so
 * every read checks and counts it in its usage store: with the Redis usage store, one Lua script per read. The window
 * is shortened to {@value #WINDOW_MILLIS} ms with limits no run reaches, so that a count holds a few hundred requests,
 * as a real day of 250 does. With a warm token cache the token store is not asked. The Redis commands the server
 * counted during each measured run are printed too. Each pair is measured twice per concurrency, in the order A B B A.
 *
 * <pre>java -cp examples/target/connectedcar.jar io.github.connectedcar.bench.TokenStoreLoad redis://127.0.0.1:6379 [requests]</pre>
 */
public final class TokenStoreLoad {
    private static final String VIN = "1FTFW1E50PFA00001";
    private static final long WINDOW_MILLIS = 100;
    /** Counted like a real budget, but never reached. */
    private static final QuotaOptions COUNTED = new QuotaOptions(Integer.MAX_VALUE - 1,
        Duration.ofMillis(WINDOW_MILLIS), Integer.MAX_VALUE - 1, Duration.ofMillis(WINDOW_MILLIS / 10), Duration.ZERO);

    private TokenStoreLoad() {
    }

    public static void main(String[] args) {
        String redis = args.length > 0 ? args[0] : "redis://127.0.0.1:6379";
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        RedisClient counter = RedisClient.create(redis);
        try (FordCloudSimulator simulator = FordCloudSimulator.builder()
                .quota(QuotaPolicy.perWindow(Integer.MAX_VALUE, Duration.ofDays(1)))
                .build().start();
             RedisTokenStore redisStore = RedisTokenStore.connect(redis);
             RedisUsageStore redisUsage = RedisUsageStore.connect(redis);
             StatefulRedisConnection<String, String> stats = counter.connect()) {
            ConnectedCarAsyncClient inMemory = client(simulator, new InMemoryTokenStore(), new InMemoryUsageStore());
            ConnectedCarAsyncClient onRedis = client(simulator, redisStore, redisUsage);
            System.out.printf(Locale.ROOT, "%d status reads per run, %d cores, Redis at %s%n", requests,
                Runtime.getRuntime().availableProcessors(), redisStore.address());
            System.out.printf(Locale.ROOT, "%-12s %11s %13s %13s %15s%n", "concurrency", "store", "reads/s",
                "p50 ms", "Redis commands");
            for (int concurrency : new int[] {1, 64}) {
                // Warm-up of both: JIT, connection pool, token cache.
                run(inMemory, requests, concurrency);
                run(onRedis, requests, concurrency);
                // In the order A B B A, so that a machine warming up or getting busier favours neither.
                double memoryRate = measure("in-memory", inMemory, requests, concurrency, stats);
                double redisRate = measure("redis", onRedis, requests, concurrency, stats);
                redisRate += measure("redis", onRedis, requests, concurrency, stats);
                memoryRate += measure("in-memory", inMemory, requests, concurrency, stats);
                System.out.printf(Locale.ROOT, "%-12s %11s %13.2f%n", "", "redis/memory", redisRate / memoryRate);
            }
            inMemory.close();
            onRedis.close();
        } finally {
            counter.shutdown();
        }
    }

    private static ConnectedCarAsyncClient client(FordCloudSimulator simulator, TokenStore tokens, UsageStore usage) {
        ConnectedCarAsyncClient client = BenchClients.builder(simulator.baseUrl()).tokenStore(tokens)
            .usageStore(usage).quota(COUNTED).buildAsyncClient();
        StatusReadLoad.logIn(client);
        return client;
    }

    private static double measure(String name, ConnectedCarAsyncClient client, int requests, int concurrency,
                                  StatefulRedisConnection<String, String> stats) {
        long commandsBefore = commandsProcessed(stats);
        long[] latencies = run(client, requests, concurrency);
        long commands = commandsProcessed(stats) - commandsBefore - 1; // less the INFO that read the count
        long wall = latencies[latencies.length - 1];
        long[] sorted = Arrays.copyOf(latencies, latencies.length - 1);
        Arrays.sort(sorted);
        double rate = requests / (wall / 1e9);
        System.out.printf(Locale.ROOT, "%-12d %11s %13.0f %13.2f %15d%n", concurrency, name, rate,
            sorted[sorted.length / 2] / 1e6, commands);
        return rate;
    }

    /** The latencies in ns, and the wall time of the whole run in the last slot. */
    private static long[] run(ConnectedCarAsyncClient client, int requests, int concurrency) {
        long started = System.nanoTime();
        long[] latencies = Flux.range(0, requests)
            .flatMap(i -> Mono.defer(() -> {
                long t0 = System.nanoTime();
                return client.vehicle(VIN).status().map(status -> System.nanoTime() - t0);
            }), concurrency)
            .collectList()
            .map(list -> list.stream().mapToLong(Long::longValue).toArray())
            .block(Duration.ofMinutes(10));
        long[] withWall = Arrays.copyOf(latencies, latencies.length + 1);
        withWall[latencies.length] = System.nanoTime() - started;
        return withWall;
    }

    private static long commandsProcessed(StatefulRedisConnection<String, String> stats) {
        return stats.sync().info("stats").lines()
            .filter(line -> line.startsWith("total_commands_processed:"))
            .mapToLong(line -> Long.parseLong(line.substring(line.indexOf(':') + 1).trim()))
            .findFirst().orElse(-1);
    }
}
