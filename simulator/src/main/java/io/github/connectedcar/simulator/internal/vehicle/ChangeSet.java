package io.github.connectedcar.simulator.internal.vehicle;

import java.util.Set;

/**
 * What changed on a vehicle since the last drain: names of metrics, states and events. Rendered into a websocket
 * {@code _data} frame.
 */
public record ChangeSet(Set<String> metrics, Set<String> states, Set<String> events) {

    public ChangeSet {
        metrics = Set.copyOf(metrics);
        states = Set.copyOf(states);
        events = Set.copyOf(events);
    }

    public boolean isEmpty() {
        return metrics.isEmpty() && states.isEmpty() && events.isEmpty();
    }
}
