package io.github.connectedcar.status.internal;

import io.github.connectedcar.auth.internal.TokenManager;
import io.github.connectedcar.command.internal.CommandPush;
import io.github.connectedcar.ford.internal.FordCalls;
import io.github.connectedcar.internal.Json;
import io.github.connectedcar.model.VehicleStatus;
import io.github.connectedcar.status.StatusStreamOptions;
import io.github.connectedcar.status.internal.StatusStream.Push;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * One shared status stream per car of an account: one socket however many subscribers. Also what commands listen
 * to ({@link CommandPush}), so a command on a car with an open stream is followed by push, without polling. Holds
 * what all the streams of a client share: the calls, the options, the counters and the token rotation.
 */
public final class StatusStreams implements CommandPush {
    private final FordCalls calls;
    private final TokenManager tokens;
    private final StatusStreamOptions options;
    private final StatusMetrics metrics = new StatusMetrics();
    private final TokenRotation rotation;
    /** The streams that have subscribers. */
    private final ConcurrentHashMap<String, StatusStream> streams = new ConcurrentHashMap<>();

    public StatusStreams(FordCalls calls, TokenManager tokens, StatusStreamOptions options) {
        this.calls = Objects.requireNonNull(calls, "calls");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.options = Objects.requireNonNull(options, "options");
        this.rotation = new TokenRotation(tokens, options.tokenCheckInterval());
    }

    /**
     * The shared status stream of a car: connected while it has subscribers, replaying the latest status. Lazy: the
     * shared stream is looked up on each subscription. A stream that ended (with an error, such as a lost login) or
     * that its last subscriber left is dropped before its subscribers hear of it, so the next subscription starts a
     * new one instead of being replayed the old ending forever.
     */
    public Flux<VehicleStatus> of(String vin) {
        return Flux.defer(() -> streams.computeIfAbsent(vin, car -> StatusStream.of(car, this)));
    }

    /** The counters of this client's streams. */
    public StatusMetrics metrics() {
        return metrics;
    }

    FordCalls calls() {
        return calls;
    }

    TokenManager tokens() {
        return tokens;
    }

    StatusStreamOptions options() {
        return options;
    }

    TokenRotation rotation() {
        return rotation;
    }

    /** A stream that stopped: the map holds only streams with subscribers. */
    void forget(String vin, StatusStream stream) {
        streams.remove(vin, stream);
    }

    /**
     * A car's pushed telemetry for a command. When the car's stream is open and pushing, listens to it (no request).
     * When no stream is open and websockets are on, opens a socket alone for as long as the command listens: one
     * upgrade, no snapshot read, no reopening (cheaper than polling the command's states). When the open stream is
     * reconnecting or polling, or websockets are off, or that socket does not open within
     * {@link StatusStream#SNAPSHOT_WAIT}, there is no push and this completes empty.
     */
    @Override
    public Flux<JsonNode> frames(String vin) {
        if (!options.webSocket()) {
            return Flux.empty();
        }
        return Flux.defer(() -> {
            StatusStream open = streams.get(vin);
            if (open != null) {
                return pushedBy(open, open.pushing().next());
            }
            StatusStream socket = StatusStream.socketOnly(vin, this);
            // Waits for the socket's first attempt to open to succeed or fail; the socket closes with the listening.
            Mono<Push> opened = socket.pushing().filter(now -> now != Push.UNKNOWN).next()
                .timeout(StatusStream.SNAPSHOT_WAIT, Mono.just(Push.DOWN));
            return Flux.using(() -> socket.pushOnly().subscribe(), holding -> pushedBy(socket, opened),
                Disposable::dispose);
        });
    }

    private static Flux<JsonNode> pushedBy(StatusStream stream, Mono<Push> state) {
        return state.flatMapMany(now -> now != Push.OPEN ? Flux.empty()
            // Listen first, then say "open", so nothing pushed after the caller hears it is missed.
            : Flux.merge(stream.frames(), Mono.just((JsonNode) Json.object()))
                .takeUntilOther(stream.pushing().filter(later -> later != Push.OPEN)));
    }
}
