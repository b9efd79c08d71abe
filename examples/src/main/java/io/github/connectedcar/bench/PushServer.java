package io.github.connectedcar.bench;

import io.netty.handler.codec.http.HttpHeaderNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small stand-in for Autonomic's push, for the fleet streaming benchmark, not a test: answers the TMC exchange with
 * a token, a telemetry read with a full F-150 body (the fixture, compact as Ford sends it: about 8 KB) under the
 * asked VIN, and keeps a websocket per car open that pushes one change per car per second ({@code odometer} with the
 * send time as its {@code updateTime}, so the receiver can measure push-to-subscriber latency on the same machine).
 * Pushes are spread evenly over each second: every 10 ms a hundredth of the open sockets gets its frame.
 *
 * <pre>java -cp examples/target/connectedcar.jar io.github.connectedcar.bench.PushServer [port]</pre>
 */
public final class PushServer implements AutoCloseable {
    private static final String TELEMETRY = JsonMapper.builder().build().readTree(resource("/bench/telemetry.json"))
        .toString();
    private static final String TMC = "{\"access_token\":\"tmc-bench\",\"expires_in\":86400,\"token_type\":\"Bearer\","
        + "\"issued_token_type\":\"urn:ietf:params:oauth:token-type:jwt\"}";
    private static final int SLICES = 100;

    private final ConcurrentHashMap<Long, Sinks.Many<String>> sockets = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong pushed = new AtomicLong();
    private final DisposableServer server;
    private final reactor.core.Disposable ticker;

    private PushServer(int port) {
        server = HttpServer.create()
            .host("127.0.0.1")
            .port(port)
            .route(routes -> routes
                .post("/v1/auth/oidc/token", (request, response) -> request.receive().then()
                    .then(response.header(HttpHeaderNames.CONTENT_TYPE, "application/json").sendString(Mono.just(TMC))
                        .then()))
                .get("/v1/telemetry/sources/fordpass/vehicles/{vin}", (request, response) -> response
                    .header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                    .sendString(Mono.just(TELEMETRY.replace("1FTFW1E50PFA00001", request.param("vin")))))
                .ws("/v1beta/telemetry/sources/fordpass/vehicles/{vin}/ws", (in, out) -> {
                    long id = ids.incrementAndGet();
                    Sinks.Many<String> frames = Sinks.many().unicast().onBackpressureBuffer();
                    sockets.put(id, frames);
                    // Ends when the client closes: the frames sink completes and the outbound ends.
                    in.receive().then().doFinally(signal -> {
                        sockets.remove(id);
                        frames.tryEmitComplete();
                    }).subscribe();
                    return out.sendString(frames.asFlux()).then();
                }))
            .bindNow(Duration.ofSeconds(10));
        AtomicLong odometer = new AtomicLong(100_000);
        ticker = Flux.interval(Duration.ofMillis(1000 / SLICES))
            .subscribe(tick -> {
                long slice = tick % SLICES;
                String now = Instant.now().toString();
                for (var socket : sockets.entrySet()) {
                    if (socket.getKey() % SLICES == slice) {
                        socket.getValue().tryEmitNext("{\"_data\":{\"metrics\":{\"odometer\":{\"value\":"
                            + odometer.incrementAndGet() + ",\"updateTime\":\"" + now + "\"}}}}");
                        pushed.incrementAndGet();
                    }
                }
            });
    }

    /** Starts a server on the port (0 for any free one) of 127.0.0.1. */
    public static PushServer start(int port) {
        return new PushServer(port);
    }

    /** The base URL to point every Autonomic role at. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public int openSockets() {
        return sockets.size();
    }

    @Override
    public void close() {
        ticker.dispose();
        server.disposeNow(Duration.ofSeconds(10));
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8090;
        try (PushServer server = start(port)) {
            System.out.println("Push server at " + server.baseUrl() + " (one change per car per second)");
            long last = 0;
            while (true) {
                Thread.sleep(10_000);
                long now = server.pushed.get();
                System.out.printf(Locale.ROOT, "%d sockets open, %d pushes/s%n", server.openSockets(),
                    (now - last) / 10);
                last = now;
            }
        }
    }

    static String resource(String path) {
        try (InputStream in = PushServer.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("No resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For tests of the driver: the VINs a benchmark of this many cars uses. */
    static List<String> vins(int cars) {
        List<String> vins = new ArrayList<>(cars);
        for (int i = 0; i < cars; i++) {
            vins.add(String.format(Locale.ROOT, "1FTFW1E50PF%06d", i));
        }
        return vins;
    }
}
