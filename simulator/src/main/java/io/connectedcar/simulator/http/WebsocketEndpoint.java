package io.connectedcar.simulator.http;

import java.util.function.BiFunction;

import org.reactivestreams.Publisher;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/** A websocket the front end upgrades to once the upgrade request passes the endpoint's checks. */
public interface WebsocketEndpoint {

    /** Whether a request for this path is meant for this endpoint. */
    boolean handles(String path);

    /**
     * Checks an upgrade request (credentials, quota, the resource) and returns the session handler.
     *
     * @throws ApiException to refuse the upgrade with that response
     */
    BiFunction<WebsocketInbound, WebsocketOutbound, Publisher<Void>> accept(SimRequest request);
}
