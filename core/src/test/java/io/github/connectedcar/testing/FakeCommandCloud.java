package io.github.connectedcar.testing;

import io.github.connectedcar.ConnectedCarAsyncClient;
import io.github.connectedcar.ConnectedCarClientBuilder;
import io.github.connectedcar.auth.InMemoryTokenStore;
import io.github.connectedcar.auth.TokenSet;
import io.github.connectedcar.http.HttpRequest;
import io.github.connectedcar.http.HttpResponse;
import io.github.connectedcar.http.RetryOptions;
import io.github.connectedcar.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ford's command endpoints, vehicle list and telemetry on an {@link InMemoryTransport}, with {@link FakeFordAuth}
 * behind them and a login already stored: a command posted gets the id {@code cmd-1}, {@code cmd-2}, ...; each
 * telemetry check then reports the next of the scripted {@code toState} values for the latest command (the last one
 * repeats). Every delay is virtual in {@code StepVerifier.withVirtualTime} tests. Closing the cloud closes every client
 * built on it.
 */
public final class FakeCommandCloud implements AutoCloseable {
    /** An F-150 (ICE): lock, remote start, trailer light check, guard mode, zone lighting, panic alarm. */
    public static final String F150 = "1FTFW1E50PFA00001";
    /** A Mach-E (BEV): charging, departure times, remote climate, lock, remote start, panic; no guard mode. */
    public static final String MACH_E = "3FMTK3SU5MMA00002";

    public final InMemoryTransport transport = new InMemoryTransport();
    public final FakeFordAuth auth = new FakeFordAuth().install(transport);
    public final InMemoryTokenStore store = new InMemoryTokenStore();

    private final List<ConnectedCarAsyncClient> clients = new CopyOnWriteArrayList<>();
    private final AtomicInteger commandIds = new AtomicInteger();
    private final AtomicInteger checks = new AtomicInteger();
    private volatile String reportedId;
    private volatile List<String> steps = List.of("REQUEST_QUEUED", "RECEIVED_BY_DEVICE", "SUCCESS");
    private volatile boolean nested;
    private volatile String oemErrorCode;
    private volatile String oemErrorContext;

    public FakeCommandCloud() {
        store.save(ConnectedCarClientBuilder.DEFAULT_ACCOUNT, new TokenSet("cat-0",
            Instant.parse("2999-01-01T00:00:00Z"), auth.seedRefreshToken(), null)).block();
        transport.on("vehicles", request -> Mono.just(InMemoryTransport.json(request, 207,
            resource("/fixtures/dashboard-two-vehicles.json"))));
        transport.on("command", this::accept);
        transport.on("command-beta", this::accept);
        transport.on("telemetry", request -> Mono.just(InMemoryTransport.json(request, 200, telemetry())));
    }

    /** The {@code toState} values the telemetry checks report, in order; the last one repeats. */
    public FakeCommandCloud steps(String... toStates) {
        this.steps = List.of(toStates);
        return this;
    }

    /** The command id the telemetry reports (default: the id the last default answer gave, cmd-N). */
    public FakeCommandCloud reportingId(String commandId) {
        this.reportedId = commandId;
        return this;
    }

    /** Reports the command states under {@code states.commands} instead of {@code states}. */
    public FakeCommandCloud nested() {
        this.nested = true;
        return this;
    }

    /** The reason a failure state carries under {@code value.data.commandError.commandExecutionFailure}. */
    public FakeCommandCloud failureReason(String code, String context) {
        this.oemErrorCode = code;
        this.oemErrorContext = context;
        return this;
    }

    /** A client on this cloud: Ford's real hosts (the transport ignores them), no jitter. */
    public ConnectedCarAsyncClient client() {
        return client(builder -> { });
    }

    /** A client on this cloud, with more settings. */
    public ConnectedCarAsyncClient client(Consumer<ConnectedCarClientBuilder> settings) {
        ConnectedCarClientBuilder builder = new ConnectedCarClientBuilder()
            .transport(transport)
            .tokenStore(store)
            .retryOptions(RetryOptions.defaults().withJitter(0));
        settings.accept(builder);
        ConnectedCarAsyncClient client = builder.buildAsyncClient();
        clients.add(client);
        return client;
    }

    /** Closes every client built on this cloud, so a test that swaps clients leaves none open. */
    @Override
    public void close() {
        clients.forEach(ConnectedCarAsyncClient::close);
    }

    /** The command POSTs that reached the transport (v1 and v1beta). */
    public List<HttpRequest> commandPosts() {
        List<HttpRequest> posts = new ArrayList<>();
        for (HttpRequest request : transport.requests()) {
            if (request.operation().equals("command") || request.operation().equals("command-beta")) {
                posts.add(request);
            }
        }
        return posts;
    }

    /** The JSON body of a request. */
    public static JsonNode body(HttpRequest request) {
        return Json.MAPPER.readTree(request.body());
    }

    /** How many telemetry checks were answered. */
    public int checks() {
        return checks.get();
    }

    /** A telemetry body with one command state entry. */
    public static String telemetryWith(String stateKey, String commandId, String toState, boolean nested,
                                       String oemCode, String oemContext) {
        ObjectNode root = Json.object();
        root.put("vin", F150);
        root.putObject("metrics");
        ObjectNode states = root.putObject("states");
        ObjectNode holder = nested ? states.putObject("commands") : states;
        ObjectNode entry = holder.putObject(stateKey);
        entry.put("timestamp", "2026-05-02T08:00:00Z");
        entry.put("commandId", commandId);
        ObjectNode value = entry.putObject("value");
        value.put("toState", toState);
        if (oemCode != null) {
            ObjectNode failure = value.putObject("data").putObject("commandError")
                .putObject("commandExecutionFailure");
            failure.put("oemErrorCode", oemCode);
            if (oemContext != null) {
                failure.put("oemErrorContext", oemContext);
            }
        }
        return root.toString();
    }

    private Mono<HttpResponse> accept(HttpRequest request) {
        int id = commandIds.incrementAndGet();
        return Mono.just(InMemoryTransport.json(request, 201, "{\"id\":\"cmd-" + id
            + "\",\"currentStatus\":\"REQUESTED\",\"type\":\"" + Json.text(body(request), "type") + "\"}"));
    }

    private String telemetry() {
        int n = checks.incrementAndGet();
        List<HttpRequest> posts = commandPosts();
        if (posts.isEmpty()) {
            return "{\"vin\":\"" + F150 + "\",\"metrics\":{},\"states\":{}}";
        }
        String type = Json.text(body(posts.get(posts.size() - 1)), "type");
        String key = type.endsWith("Command") || type.endsWith("DepartureTimes") ? type : type + "Command";
        List<String> script = steps;
        String toState = script.get(Math.min(n, script.size()) - 1);
        boolean failure = toState.equalsIgnoreCase("COMMAND_FAILED_ON_DEVICE") || toState.equalsIgnoreCase("failed");
        String id = reportedId != null ? reportedId : "cmd-" + commandIds.get();
        return telemetryWith(key, id, toState, nested, failure ? oemErrorCode : null,
            failure ? oemErrorContext : null);
    }

    /** Resets the check counter so the script starts again for the next command. */
    public void restartScript() {
        checks.set(0);
    }

    /** Replaces the telemetry answer. */
    public FakeCommandCloud onTelemetry(Function<HttpRequest, Mono<HttpResponse>> handler) {
        transport.on("telemetry", handler::apply);
        return this;
    }

    private static String resource(String path) {
        try (InputStream in = FakeCommandCloud.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
