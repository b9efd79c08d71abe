package io.connectedcar.status.internal;

import io.connectedcar.auth.internal.TokenManager;
import io.connectedcar.ford.internal.FordCalls;
import io.connectedcar.model.VehicleStatus;
import io.connectedcar.status.StatusStreamOptions;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Flux;

/** One shared status stream per car of an account: one socket however many subscribers. */
public final class StatusStreams {
    private final FordCalls calls;
    private final TokenManager tokens;
    private final StatusStreamOptions options;
    private final StatusMetrics metrics = new StatusMetrics();
    private final ConcurrentHashMap<String, Flux<VehicleStatus>> streams = new ConcurrentHashMap<>();

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
        return Flux.defer(() -> streams.computeIfAbsent(vin, this::newStream));
    }

    /** The counters of this client's streams. */
    public StatusMetrics metrics() {
        return metrics;
    }

    private Flux<VehicleStatus> newStream(String vin) {
        AtomicReference<Flux<VehicleStatus>> self = new AtomicReference<>();
        Flux<VehicleStatus> shared = new StatusStream(vin, calls, tokens, options, metrics).flux()
            .doOnSubscribe(subscription -> metrics.opened())
            .doFinally(signal -> metrics.closed())
            .doOnTerminate(() -> streams.remove(vin, self.get()))
            .replay(1)
            .refCount();
        self.set(shared);
        return shared;
    }
}
