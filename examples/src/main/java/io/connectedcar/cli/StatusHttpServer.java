package io.connectedcar.cli;

import io.connectedcar.ConnectedCarAsyncClient;
import io.connectedcar.exception.ConnectedCarException;
import io.connectedcar.exception.VehicleNotFoundException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * The status stream of a car served to browsers and scripts as server-sent events: what a WebFlux service would do
 * with {@code VehicleAsyncClient.statusUpdates()}, here on Reactor Netty's own server so the example needs nothing
 * more. Every subscriber shares the SDK's one websocket per car, and a client that goes away cancels its
 * subscription (the socket closes when the last one leaves).
 */
final class StatusHttpServer {
    private StatusHttpServer() {
    }

    /**
     * Serves on {@code host:port} (0 for a free port). Every request must name this server in {@code Host} (and in
     * {@code Origin}, when a browser sends one), by {@code host} or as {@code localhost}; any other is refused with
     * 403, so a page elsewhere cannot reach the car's position through DNS rebinding or a cross-site request.
     */
    static DisposableServer start(ConnectedCarAsyncClient client, String host, int port) {
        HttpServerRoutes routes = HttpServerRoutes.newRoutes()
            .get("/vehicles", (request, response) -> json(response, client.vehicles()
                .map(StatusView::json).collectList().map(list -> {
                    var array = StatusView.JSON.createArrayNode();
                    list.forEach(array::add);
                    return array;
                })))
            .get("/vehicles/{vin}/status", (request, response) -> json(response,
                Mono.defer(() -> client.vehicle(request.param("vin")).status()).map(StatusView::json)))
            .get("/vehicles/{vin}/status/stream", (request, response) -> response
                .header("Content-Type", "text/event-stream")
                .header("Cache-Control", "no-cache")
                .sendString(Flux.defer(() -> client.vehicle(request.param("vin")).statusUpdates())
                    .map(status -> "event: status\ndata: "
                        + StatusView.JSON.writeValueAsString(StatusView.json(status)) + "\n\n")
                    .onErrorResume(error -> Mono.just("event: error\ndata: "
                        + StatusView.JSON.writeValueAsString(StatusView.JSON.createObjectNode()
                            .put("message", Errors.message(error))) + "\n\n"))));
        return HttpServer.create().host(host).port(port)
            .handle((request, response) -> isAddressedToUs(request, host) ? routes.apply(request, response)
                : refuse(response))
            .bindNow();
    }

    /** Whether {@code Host}, and {@code Origin} when there is one, name this server and its port. */
    static boolean isAddressedToUs(HttpServerRequest request, String host) {
        InetSocketAddress local = request.hostAddress();
        if (local == null) {
            return false;
        }
        int port = local.getPort();
        Set<String> authorities = Set.of(host + ":" + port, "localhost:" + port);
        String hostHeader = request.requestHeaders().get(HttpHeaderNames.HOST);
        if (hostHeader == null || !authorities.contains(hostHeader.strip().toLowerCase(Locale.ROOT))) {
            return false;
        }
        String origin = request.requestHeaders().get(HttpHeaderNames.ORIGIN);
        return origin == null || authorities.stream().anyMatch(authority ->
            origin.strip().equalsIgnoreCase("http://" + authority));
    }

    private static Mono<Void> refuse(HttpServerResponse response) {
        return response.status(HttpResponseStatus.FORBIDDEN)
            .header("Content-Type", "application/json")
            .sendString(Mono.just(StatusView.JSON.writeValueAsString(StatusView.JSON.createObjectNode()
                .put("message", "This server answers only requests addressed to it on this machine (Host and "
                    + "Origin must name it)."))), StandardCharsets.UTF_8)
            .then();
    }

    private static org.reactivestreams.Publisher<Void> json(HttpServerResponse response, Mono<?> body) {
        return body
            .map(node -> StatusView.JSON.writeValueAsString(node))
            .flatMap(text -> response.header("Content-Type", "application/json")
                .sendString(Mono.just(text), StandardCharsets.UTF_8).then())
            .onErrorResume(error -> response.status(statusOf(error))
                .header("Content-Type", "application/json")
                .sendString(Mono.just(StatusView.JSON.writeValueAsString(StatusView.JSON.createObjectNode()
                    .put("message", Errors.message(error)))), StandardCharsets.UTF_8).then());
    }

    private static HttpResponseStatus statusOf(Throwable error) {
        if (error instanceof IllegalArgumentException || error instanceof VehicleNotFoundException) {
            return HttpResponseStatus.NOT_FOUND;
        }
        return error instanceof ConnectedCarException ? HttpResponseStatus.BAD_GATEWAY
            : HttpResponseStatus.INTERNAL_SERVER_ERROR;
    }
}
