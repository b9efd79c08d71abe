package io.github.connectedcar.spring.boot;

import io.github.connectedcar.ClientMetrics;
import io.github.connectedcar.ConnectedCarAsyncClient;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * The client's counters ({@link ConnectedCarAsyncClient#metrics()}) as Micrometer meters, tagged with the account:
 * <ul>
 *   <li>{@code connectedcar.requests.sent} (counter): requests this client sent to Ford;</li>
 *   <li>{@code connectedcar.budget.remaining}, {@code connectedcar.budget.used}, {@code connectedcar.budget.limit}
 *       (gauges): the account's request budget in its rolling window, as the usage store counted it;</li>
 *   <li>{@code connectedcar.calls} (counter, tags {@code kind} read or write, {@code result} success or failure,
 *       {@code retried} true or false): calls and whether they were retried;</li>
 *   <li>{@code connectedcar.token.renewals} (counter, tag {@code token} cat or tmc);</li>
 *   <li>{@code connectedcar.commands} (counter, tags {@code command}, such as remoteStart, and {@code result}, such
 *       as SUCCEEDED, FAILED, REFUSED): how commands ended; a combination appears once it happened;</li>
 *   <li>{@code connectedcar.command.checks} (counter): telemetry reads made to follow commands;</li>
 *   <li>{@code connectedcar.lockout.failures} (gauge): authentication failures in a row;</li>
 *   <li>{@code connectedcar.status.streams.open} (gauge), {@code connectedcar.status.push.lag} (timer: from the time
 *       Ford stamped a push to its hand-over to subscribers) and {@code connectedcar.status.push.lag.max}.</li>
 * </ul>
 * Command outcomes are looked for every {@link #DEFAULT_REFRESH_INTERVAL} (Micrometer has no counter with tags that
 * appear later); {@link #close()} stops that.
 */
public final class ConnectedCarMetrics implements MeterBinder, AutoCloseable {
    /** How often new command outcomes are looked for. */
    public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofSeconds(5);

    private final ConnectedCarAsyncClient client;
    private final Tags tags;
    private final Duration refreshInterval;
    private final List<Disposable> refreshes = new CopyOnWriteArrayList<>();
    /** The command outcomes already registered, per registry. */
    private final Map<MeterRegistry, Set<List<String>>> registered = new ConcurrentHashMap<>();

    /**
     * @param client  the client whose counters are read
     * @param account the account name, the {@code account} tag of every meter
     */
    public ConnectedCarMetrics(ConnectedCarAsyncClient client, String account) {
        this(client, account, DEFAULT_REFRESH_INTERVAL);
    }

    /** As {@link #ConnectedCarMetrics(ConnectedCarAsyncClient, String)}, looking for new outcomes this often. */
    public ConnectedCarMetrics(ConnectedCarAsyncClient client, String account, Duration refreshInterval) {
        this.client = client;
        this.tags = Tags.of("account", account);
        this.refreshInterval = refreshInterval;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        counter(registry, "connectedcar.requests.sent", "Requests this client sent to Ford", Tags.empty(),
            ClientMetrics::requestsSent);
        gauge(registry, "connectedcar.budget.remaining", "Requests left in the account's rolling window",
            metrics -> metrics.quota().remaining());
        gauge(registry, "connectedcar.budget.used", "Requests counted in the account's rolling window",
            metrics -> metrics.quota().usedInWindow());
        gauge(registry, "connectedcar.budget.limit", "Requests allowed per rolling window",
            metrics -> metrics.quota().dailyLimit());
        calls(registry, "read", ClientMetrics::readRetries);
        calls(registry, "write", ClientMetrics::writeRetries);
        counter(registry, "connectedcar.token.renewals", "Token renewals", Tags.of("token", "cat"),
            ClientMetrics::catRefreshes);
        counter(registry, "connectedcar.token.renewals", "Token renewals", Tags.of("token", "tmc"),
            ClientMetrics::tmcExchanges);
        counter(registry, "connectedcar.command.checks", "Telemetry reads made to follow commands", Tags.empty(),
            ClientMetrics::commandChecks);
        gauge(registry, "connectedcar.lockout.failures", "Authentication failures in a row",
            metrics -> metrics.lockout().recentFailures());
        gauge(registry, "connectedcar.status.streams.open", "Status streams with subscribers",
            metrics -> metrics.statusStreams().open());
        FunctionTimer.builder("connectedcar.status.push.lag", client,
                c -> c.metrics().statusStreams().pushesDelivered(),
                c -> c.metrics().statusStreams().totalPushLag().toNanos(), TimeUnit.NANOSECONDS)
            .description("From the time Ford stamped a push to its hand-over to subscribers")
            .tags(tags)
            .register(registry);
        gauge(registry, "connectedcar.status.push.lag.max", "The longest push lag, in seconds",
            metrics -> metrics.statusStreams().maxPushLag().toNanos() / 1e9);
        registerCommandOutcomes(registry);
        refreshes.add(Flux.interval(refreshInterval).subscribe(tick -> registerCommandOutcomes(registry)));
    }

    /** Registers a counter for each command outcome that appeared since the last look. */
    void registerCommandOutcomes(MeterRegistry registry) {
        for (ClientMetrics.CommandOutcome outcome : client.metrics().commandOutcomes()) {
            String command = outcome.commandType();
            String result = outcome.result();
            if (!registered.computeIfAbsent(registry, r -> ConcurrentHashMap.newKeySet()).add(List.of(command, result))) {
                continue;
            }
            counter(registry, "connectedcar.commands", "Commands, by type and how they ended",
                Tags.of("command", command, "result", result), metrics -> metrics.commandOutcomes().stream()
                    .filter(o -> o.commandType().equals(command) && o.result().equals(result))
                    .mapToLong(ClientMetrics.CommandOutcome::count).sum());
        }
    }

    private void calls(MeterRegistry registry, String kind,
                       Function<ClientMetrics, ClientMetrics.RetryCounts> counts) {
        Tags kindTag = Tags.of("kind", kind);
        String description = "Calls to Ford, by whether they succeeded and were retried";
        counter(registry, "connectedcar.calls", description, kindTag.and("result", "success", "retried", "false"),
            metrics -> counts.apply(metrics).succeededWithoutRetry());
        counter(registry, "connectedcar.calls", description, kindTag.and("result", "success", "retried", "true"),
            metrics -> counts.apply(metrics).succeededWithRetry());
        counter(registry, "connectedcar.calls", description, kindTag.and("result", "failure", "retried", "false"),
            metrics -> counts.apply(metrics).failedWithoutRetry());
        counter(registry, "connectedcar.calls", description, kindTag.and("result", "failure", "retried", "true"),
            metrics -> counts.apply(metrics).failedWithRetry());
    }

    private void counter(MeterRegistry registry, String name, String description, Tags extra,
                         ToDoubleFunction<ClientMetrics> value) {
        FunctionCounter.builder(name, client, c -> value.applyAsDouble(c.metrics()))
            .description(description)
            .tags(tags.and(extra))
            .register(registry);
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<ClientMetrics> value) {
        Gauge.builder(name, client, c -> value.applyAsDouble(c.metrics()))
            .description(description)
            .tags(tags)
            .strongReference(true)
            .register(registry);
    }

    /** Stops looking for new command outcomes. */
    @Override
    public void close() {
        refreshes.forEach(Disposable::dispose);
    }
}
