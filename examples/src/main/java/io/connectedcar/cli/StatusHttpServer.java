package io.connectedcar.cli;

import io.connectedcar.ConnectedCarAsyncClient;
import io.connectedcar.exception.ConnectedCarException;
import io.connectedcar.exception.VehicleNotFoundException;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The status stream of a car served to browsers and scripts as server-sent events: what a WebFlux service would do
 * with {@code VehicleAsyncClient.statusUpdates()}, here on Reactor Netty's own server so the example needs nothing
 * more. Every subscriber shares the SDK's one websocket per car, and a client that goes away cancels its
 * subscription (the socket closes when the last one leaves).
 */
final class StatusHttpServer {
    private StatusHttpServer() {
    }

    static DisposableServer start(ConnectedCarAsyncClient client, String host, int port) {
        return HttpServer.create().host(host).port(port)
            .route(routes -> routes
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
                                .put("message", Errors.message(error))) + "\n\n")))))
            .bindNow();
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
