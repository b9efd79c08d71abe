package io.github.connectedcar.simulator.internal.http;

import java.util.Objects;
import java.util.function.BiFunction;

import org.reactivestreams.Publisher;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/** A websocket the front end upgrades to once the upgrade request passes the endpoint's checks. */
public interface WebsocketEndpoint {

    /**
     * An accepted upgrade. The session exists from acceptance on (so nothing that happens while the handshake is
     * on the wire is lost); {@code abandon} removes it if the handshake then fails.
     *
     * @param handler serves the session once upgraded
     * @param abandon forgets the session when the upgrade does not complete
     */
    record Acceptance(BiFunction<WebsocketInbound, WebsocketOutbound, Publisher<Void>> handler, Runnable abandon) {

        public Acceptance {
            Objects.requireNonNull(handler, "handler");
            Objects.requireNonNull(abandon, "abandon");
        }
    }

    /** Whether a request for this path is meant for this endpoint. */
    boolean handles(String path);

    /**
     * Checks an upgrade request (credentials, quota, the resource) and opens the session.
     *
     * @throws ApiException to refuse the upgrade with that response
     */
    Acceptance accept(SimRequest request);
}
