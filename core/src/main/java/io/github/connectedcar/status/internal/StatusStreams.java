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
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * One shared status stream per car of an account: one socket however many subscribers. Also what commands listen
 * to ({@link CommandPush}), so a command on a car with an open stream is followed by push, without polling.
 */
public final class StatusStreams implements CommandPush {
    /** A car's shared stream and the stream object behind it (for its push state and frames). */
    private record Entry(StatusStream stream, Flux<VehicleStatus> shared) {
    }

    private final FordCalls calls;
    private final TokenManager tokens;
    private final StatusStreamOptions options;
    private final StatusMetrics metrics = new StatusMetrics();
    private final ConcurrentHashMap<String, Entry> streams = new ConcurrentHashMap<>();

    public StatusStreams(FordCalls calls, TokenManager tokens, StatusStreamOptions options) {
        this.calls = Objects.requireNonNull(calls, "calls");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * The shared status stream of a car: connected while it has subscribers, replaying the latest status. Lazy: the
     * shared stream is looked up on each subscription. A stream that ended (with an error, such as a lost login) is
     * dropped before its subscribers hear of it, so the next subscription starts a new one instead of being replayed
     * the old ending forever.
     */
    public Flux<VehicleStatus> of(String vin) {
        return Flux.defer(() -> entry(vin).shared());
    }

    /** The counters of this client's streams. */
    public StatusMetrics metrics() {
        return metrics;
    }

    private Entry entry(String vin) {
        return streams.computeIfAbsent(vin, this::newEntry);
    }

    private Entry newEntry(String vin) {
        AtomicReference<Entry> self = new AtomicReference<>();
        StatusStream stream = new StatusStream(vin, calls, tokens, options, metrics);
        Flux<VehicleStatus> shared = stream.flux()
            .doOnSubscribe(subscription -> metrics.opened())
            .doFinally(signal -> metrics.closed())
            .doOnTerminate(() -> streams.remove(vin, self.get()))
            // A stream nobody follows any more is forgotten too: the map holds only open streams.
            .doOnCancel(() -> streams.remove(vin, self.get()))
            .replay(1)
            .refCount();
        self.set(new Entry(stream, shared));
        return self.get();
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
            Entry open = streams.get(vin);
            if (open != null) {
                return pushedBy(open.stream(), open.stream().pushing().next());
            }
            StatusStream socket = new StatusStream(vin, calls, tokens, options, metrics);
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
