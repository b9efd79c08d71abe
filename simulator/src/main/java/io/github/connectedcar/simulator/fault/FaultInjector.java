package io.github.connectedcar.simulator.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToIntFunction;

/**
 * The faults currently armed, consumed request by request. Latencies add up; of the faults that answer instead of
 * the service or spoil its answer, the first armed one matching wins. The admin API ({@code /_simulator}) is never
 * affected. Thread-safe.
 */
public final class FaultInjector {

    private static final class Armed {
        final Fault fault;
        int remaining;

        Armed(Fault fault) {
            this.fault = fault;
            this.remaining = fault.times();
        }
    }

    private final List<Armed> armed = new CopyOnWriteArrayList<>();
    private final ToIntFunction<String> websocketDropper;

    /**
     * @param websocketDropper closes the open websockets whose path starts with the given prefix, returning how many
     */
    public FaultInjector(ToIntFunction<String> websocketDropper) {
        this.websocketDropper = Objects.requireNonNull(websocketDropper, "websocketDropper");
    }

    /** Arms a fault. */
    public void inject(Fault fault) {
        armed.add(new Armed(Objects.requireNonNull(fault, "fault")));
    }

    /** Disarms every fault. */
    public void clear() {
        armed.clear();
    }

    /** The faults still armed, with their remaining count. */
    public synchronized List<Fault> active() {
        List<Fault> result = new ArrayList<>();
        for (Armed a : armed) {
            Fault f = a.fault;
            result.add(a.remaining == Fault.UNLIMITED ? f : f.times(a.remaining));
        }
        return result;
    }

    /**
     * Drops (closes without a close handshake) every open websocket whose path starts with {@code pathPrefix}.
     *
     * @return how many were dropped
     */
    public int dropWebsockets(String pathPrefix) {
        return websocketDropper.applyAsInt(Objects.requireNonNull(pathPrefix, "pathPrefix"));
    }

    /** Drops every open websocket. */
    public int dropWebsockets() {
        return dropWebsockets("/");
    }

    /** Decides, and consumes, the faults for a request to {@code path}. */
    public synchronized FaultPlan plan(String path) {
        if (armed.isEmpty()) {
            return FaultPlan.NONE;
        }
        Duration delay = Duration.ZERO;
        Fault replace = null;
        Fault spoil = null;
        for (Armed a : armed) {
            if (!path.startsWith(a.fault.pathPrefix())) {
                continue;
            }
            if (a.fault.kind() == Fault.Kind.LATENCY) {
                delay = delay.plus(a.fault.latency());
                consume(a);
            } else if (replace == null && spoil == null && (a.fault.preventsProcessing() || a.fault.spoilsResponse())) {
                if (a.fault.preventsProcessing()) {
                    replace = a.fault;
                } else {
                    spoil = a.fault;
                }
                consume(a);
            }
        }
        return new FaultPlan(delay, replace, spoil);
    }

    private void consume(Armed a) {
        if (a.remaining == Fault.UNLIMITED) {
            return;
        }
        a.remaining--;
        if (a.remaining <= 0) {
            armed.remove(a);
        }
    }
}
