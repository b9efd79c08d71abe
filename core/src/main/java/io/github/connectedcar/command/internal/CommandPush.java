package io.github.connectedcar.command.internal;

import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

/**
 * Telemetry pushed over a car's status websocket, for following a command without polling (docs/ford-api.md §5.2:
 * "with the websocket open the same states arrive pushed"). The status layer provides it; the command layer only
 * listens.
 */
@FunctionalInterface
public interface CommandPush {
    /** No push: every command is followed by polling telemetry. */
    CommandPush NONE = vin -> Flux.empty();

    /**
     * The car's pushed telemetry while subscribed. Lazy. When push is available it first emits an empty object once
     * the socket is open and listened to (so that nothing pushed after that is missed), then the {@code _data} part
     * of every pushed frame; it completes when the socket closes. When there is no push for the car it completes
     * without emitting. It never errors; cancelling stops listening (and closes a socket opened only for this).
     */
    Flux<JsonNode> frames(String vin);
}
