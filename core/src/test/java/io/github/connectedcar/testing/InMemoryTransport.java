package io.github.connectedcar.testing;

import io.github.connectedcar.http.HttpHeaders;
import io.github.connectedcar.http.HttpRequest;
import io.github.connectedcar.http.HttpResponse;
import io.github.connectedcar.http.HttpTransport;
import io.github.connectedcar.http.TransportException;
import io.github.connectedcar.http.WebSocketRefusedException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;
import org.reactivestreams.Publisher;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A transport that answers from routes in memory and records every request: fast, no sockets, and every delay a
 * handler adds ({@code Mono.delay}) runs in virtual time. Routes are tried newest first, so a test can override a
 * default route.
 */
public final class InMemoryTransport implements HttpTransport {

    /** Answers a request. */
    @FunctionalInterface
    public interface Handler extends Function<HttpRequest, Mono<HttpResponse>> {
    }

    private record Route(Predicate<HttpRequest> match, Handler handler) {
    }

    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final List<HttpRequest> requests = new CopyOnWriteArrayList<>();
    private volatile Function<Publisher<String>, Flux<String>> websocket;
    private final List<HttpHeaders> websocketHeaders = new CopyOnWriteArrayList<>();
    private final List<String> websocketFrames = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /** Adds a route for requests of one operation (the endpoint table's name, such as {@code telemetry}). */
    public InMemoryTransport on(String operation, Handler handler) {
        return on(request -> request.operation().equals(operation), handler);
    }

    /** Adds a route; newer routes win. */
    public InMemoryTransport on(Predicate<HttpRequest> match, Handler handler) {
        routes.add(0, new Route(match, handler));
        return this;
    }

    /**
     * Answers websocket connections: given the outbound frames, returns the inbound ones. A handler that throws
     * {@link WebSocketRefusedException} refuses the upgrade (the socket never opens).
     */
    public InMemoryTransport onWebSocket(Function<Publisher<String>, Flux<String>> handler) {
        this.websocket = handler;
        return this;
    }

    @Override
    public Mono<HttpResponse> send(HttpRequest request) {
        return Mono.defer(() -> {
            requests.add(request);
            for (Route route : routes) {
                if (route.match().test(request)) {
                    return route.handler().apply(request);
                }
            }
            return Mono.just(json(request, 404, "{\"message\":\"no route in InMemoryTransport for "
                + request.operation() + "\"}"));
        });
    }

    @Override
    public Flux<String> websocket(URI uri, HttpHeaders headers, Publisher<String> outbound) {
        return Flux.defer(() -> {
            websocketHeaders.add(headers);
            Function<Publisher<String>, Flux<String>> handler = websocket;
            if (handler == null) {
                return Flux.error(new TransportException("websocket refused: no handler", false, null));
            }
            Sinks.Many<String> sent = Sinks.many().replay().all();
            Flux<String> inbound;
            try {
                inbound = handler.apply(sent.asFlux());
            } catch (WebSocketRefusedException refused) {
                return Flux.error(refused); // refused at the upgrade: the socket never opened
            }
            // Like a real transport, subscribe to outbound as soon as the socket is "open", and record what is sent.
            Disposable sending = Flux.from(outbound).subscribe(frame -> {
                websocketFrames.add(frame);
                sent.tryEmitNext(frame);
            });
            return inbound.doFinally(signal -> sending.dispose());
        });
    }

    /** Every text frame the client sent on any websocket, in order. */
    public List<String> websocketFrames() {
        return new ArrayList<>(websocketFrames);
    }

    /** Every request that reached the transport, in order. */
    public List<HttpRequest> requests() {
        return new ArrayList<>(requests);
    }

    /** The requests of one operation. */
    public List<HttpRequest> requests(String operation) {
        return requests.stream().filter(r -> r.operation().equals(operation)).toList();
    }

    /** How many requests of one operation reached the transport. */
    public long count(String operation) {
        return requests(operation).size();
    }

    public List<HttpHeaders> websocketHeaders() {
        return new ArrayList<>(websocketHeaders);
    }

    public void clearRequests() {
        requests.clear();
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
    }

    // --- responses ---------------------------------------------------------------------------------------------

    public static HttpResponse json(HttpRequest request, int status, String body) {
        return new HttpResponse(request, status, HttpHeaders.of(Map.of("Content-Type", "application/json")),
            body.getBytes(StandardCharsets.UTF_8));
    }

    public static HttpResponse text(HttpRequest request, int status, String contentType, String body) {
        return new HttpResponse(request, status, HttpHeaders.of(Map.of("Content-Type", contentType)),
            body.getBytes(StandardCharsets.UTF_8));
    }

    public static HttpResponse withHeader(HttpResponse response, String name, String value) {
        return new HttpResponse(response.request(), response.status(), response.headers().with(name, value),
            response.body());
    }
}
