package io.github.connectedcar.http;

import java.net.URI;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The wire: sends one HTTP request, or opens one websocket. Core holds no network code of its own; the default
 * implementation lives in {@code connectedcar-reactor-adapter} and is found through {@link HttpTransportProvider}.
 * Implementations must not block.
 */
public interface HttpTransport extends AutoCloseable {

    /**
     * Sends the request once, with no retry, and reads the whole response body. Lazy: nothing is sent until
     * subscription, and each subscription sends again.
     *
     * @param request the request
     * @return the response, whatever its status
     * @throws TransportException (as an error signal) when no response arrived; it says whether the request may have
     *         reached the server
     */
    Mono<HttpResponse> send(HttpRequest request);

    /**
     * Opens a websocket and exchanges text frames. Lazy: the socket opens on subscription and closes when the
     * subscription is cancelled or when the server closes it; {@code outbound} completing does not close it (a
     * status stream may have nothing to send for a long time). {@code outbound} is subscribed once the socket is
     * open (after the upgrade succeeded), so a caller can tell when pushes start to arrive.
     *
     * @param uri      a {@code ws://} or {@code wss://} URI
     * @param headers  headers of the upgrade request (the bearer token among them)
     * @param outbound text frames to send
     * @return the text frames received; completes when the socket closes
     * @throws TransportException (as an error signal) when the socket cannot be opened or breaks
     */
    Flux<String> websocket(URI uri, HttpHeaders headers, Publisher<String> outbound);

    /** Releases the transport's connections. */
    @Override
    void close();
}
