package io.github.connectedcar.http.internal;

import io.github.connectedcar.http.HttpResponse;
import java.util.Objects;
import reactor.core.publisher.Flux;

/**
 * An open websocket.
 *
 * @param upgrade the answer to the upgrade, whose {@link HttpResponse#request()} is the request as the policies sent
 *                it (headers included)
 * @param frames  the text frames received; subscribe once; cancelling closes the socket
 */
public record WebSocketSession(HttpResponse upgrade, Flux<String> frames) {
    public WebSocketSession {
        Objects.requireNonNull(upgrade, "upgrade");
        Objects.requireNonNull(frames, "frames");
    }
}
