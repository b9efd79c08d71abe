package io.github.connectedcar.bench;

import com.sun.management.OperatingSystemMXBean;
import io.github.connectedcar.ConnectedCarAsyncClient;
import io.github.connectedcar.ConnectedCarClientBuilder;
import io.github.connectedcar.auth.InMemoryTokenStore;
import io.github.connectedcar.auth.TokenSet;
import io.github.connectedcar.ford.Endpoints;
import io.github.connectedcar.model.Measurement;
import io.github.connectedcar.status.FleetOptions;
import io.github.connectedcar.status.FleetStatus;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import reactor.core.Disposable;

/**
 * A load driver, not a test: follows N cars with one {@code fleetStatus} call on the default client and transport
 * options, against a {@link PushServer} (one change per car per second), and prints how many streams came up, the
 * push-to-subscriber latency (server send time to the subscriber's {@code onNext}, same machine), errors, heap per
 * stream, CPU and threads. Run it in its own JVM with a small heap:
 *
 * <pre>
 * java -cp examples/target/connectedcar.jar io.github.connectedcar.bench.PushServer 8090 &amp;
 * java -Xmx256m -cp examples/target/connectedcar.jar io.github.connectedcar.bench.FleetStreamLoad \
 *     http://127.0.0.1:8090 1000 30
 * </pre>
 * Arguments: the push server's URL (or {@code embedded} to start one in this JVM), the number of cars, the seconds to
 * measure after every stream is up. The login is a stored token (the push server does not play Ford's login); the
 * account budget is lifted as in the other drivers; the fleet opens one car per millisecond, 64 at a time.
 */
public final class FleetStreamLoad {
    private FleetStreamLoad() {
    }

    public static void main(String[] args) throws InterruptedException {
        String url = args.length > 0 ? args[0] : "embedded";
        int cars = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        PushServer embedded = url.equals("embedded") ? PushServer.start(0) : null;
        String baseUrl = embedded != null ? embedded.baseUrl() : url;
        try (ConnectedCarAsyncClient client = client(baseUrl)) {
            run(client, cars, seconds);
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private static ConnectedCarAsyncClient client(String baseUrl) {
        InMemoryTokenStore store = new InMemoryTokenStore();
        store.save(ConnectedCarClientBuilder.DEFAULT_ACCOUNT, new TokenSet("cat-bench",
            Instant.now().plus(Duration.ofDays(1)), "refresh-bench", null)).block(Duration.ofSeconds(10));
        return BenchClients.builder(baseUrl).tokenStore(store).endpoints(Endpoints.allAt(baseUrl)).buildAsyncClient();
    }

    private static void run(ConnectedCarAsyncClient client, int cars, int seconds) throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long heapBefore = usedHeapAfterGc(memory);

        List<String> vins = PushServer.vins(cars);
        Set<String> up = ConcurrentHashMap.newKeySet();
        AtomicInteger errors = new AtomicInteger();
        AtomicLong received = new AtomicLong();
        int capacity = Math.max(1, Math.min(cars * seconds * 2, 4_000_000));
        AtomicLongArray latencies = new AtomicLongArray(capacity);
        AtomicInteger samples = new AtomicInteger();
        AtomicInteger measuring = new AtomicInteger();
        long opening = System.nanoTime();
        Disposable fleet = client.fleetStatus(vins, FleetOptions.defaults().withOpenInterval(Duration.ofMillis(1))
                .withMaxOpening(64))
            .subscribe(update -> onUpdate(update, up, errors, received, latencies, samples, measuring),
                error -> {
                    errors.incrementAndGet();
                    System.out.println("fleet stream ended: " + error);
                });

        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (up.size() + errors.get() < cars && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        double openSeconds = (System.nanoTime() - opening) / 1e9;
        System.out.printf(Locale.ROOT, "%d cars: %d streams up in %.1f s, %d errors%n", cars, up.size(), openSeconds,
            errors.get());

        Thread.sleep(2_000); // settle: the first pushes after the snapshot reads
        long cpuBefore = os.getProcessCpuTime();
        long receivedBefore = received.get();
        long wallBefore = System.nanoTime();
        measuring.set(1);
        Thread.sleep(seconds * 1000L);
        measuring.set(0);
        long wall = System.nanoTime() - wallBefore;
        long cpu = os.getProcessCpuTime() - cpuBefore;
        long pushes = received.get() - receivedBefore;

        long heapOpen = usedHeapAfterGc(memory);
        int threads = ManagementFactory.getThreadMXBean().getThreadCount();
        long[] sorted = new long[Math.min(samples.get(), capacity)];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = latencies.get(i);
        }
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "  pushes     %d received in %d s (%.0f/s; expected %d/s)%n", pushes, seconds,
            pushes / (wall / 1e9), up.size());
        System.out.printf(Locale.ROOT, "  latency    p50 %s  p99 %s  max %s (push sent to subscriber, %d samples)%n",
            millis(percentile(sorted, 50)), millis(percentile(sorted, 99)),
            millis(sorted.length == 0 ? -1 : sorted[sorted.length - 1]), sorted.length);
        System.out.printf(Locale.ROOT, "  errors     %d%n", errors.get());
        System.out.printf(Locale.ROOT, "  heap       %.1f MB used after GC with the streams open (%.1f MB before); "
                + "%.1f KB per stream; max %d MB%n", heapOpen / 1e6, heapBefore / 1e6,
            (heapOpen - heapBefore) / 1024.0 / Math.max(1, up.size()), memory.getHeapMemoryUsage().getMax() / 1_000_000);
        System.out.printf(Locale.ROOT, "  cpu        %.2f cores (process CPU time / wall time while measuring)%n",
            cpu / (double) wall);
        System.out.printf(Locale.ROOT, "  threads    %d%n", threads);
        fleet.dispose();
    }

    private static void onUpdate(FleetStatus update, Set<String> up, AtomicInteger errors, AtomicLong received,
                                 AtomicLongArray latencies, AtomicInteger samples, AtomicInteger measuring) {
        if (update.isError()) {
            errors.incrementAndGet();
            System.out.println(update.vin() + ": " + update.error().getMessage());
            return;
        }
        if (up.add(update.vin())) {
            return; // the snapshot read, not a push
        }
        received.incrementAndGet();
        if (measuring.get() == 0) {
            return;
        }
        Instant sent = update.status().odometer().flatMap(Measurement::measuredAt).orElse(null);
        if (sent != null) {
            long micros = Duration.between(sent, Instant.now()).toNanos() / 1_000;
            int slot = samples.getAndIncrement();
            if (slot < latencies.length()) {
                latencies.set(slot, micros);
            }
        }
    }

    private static long usedHeapAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return -1;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static String millis(long micros) {
        return micros < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f ms", micros / 1000.0);
    }
}
