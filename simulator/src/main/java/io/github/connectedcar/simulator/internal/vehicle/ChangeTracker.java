package io.github.connectedcar.simulator.internal.vehicle;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What one car has to report: when each metric was last reported (its {@code updateTime}), and the metrics, states
 * and events that changed since the last drain (a websocket {@code _data} frame). Not thread-safe.
 */
final class ChangeTracker {

    private final Timeline timeline;
    private final Map<String, Instant> metricTimes = new HashMap<>();
    private final Set<String> changedMetrics = new LinkedHashSet<>();
    private final Set<String> changedStates = new LinkedHashSet<>();
    private final Set<String> changedEvents = new LinkedHashSet<>();

    ChangeTracker(Timeline timeline) {
        this.timeline = timeline;
    }

    /** Reports metrics afresh: their {@code updateTime} becomes now. */
    void touch(String... metrics) {
        for (String m : metrics) {
            metricTimes.put(m, timeline.now());
            changedMetrics.add(m);
        }
    }

    void stateChanged(String key) {
        changedStates.add(key);
    }

    void eventOccurred(String name) {
        changedEvents.add(name);
    }

    /** When a metric was last reported; now for one never reported. */
    Instant reportedAt(String metric) {
        return metricTimes.getOrDefault(metric, timeline.now());
    }

    /** When the latest report of any metric was; now when there was none. */
    Instant latestReport() {
        return metricTimes.values().stream().max(Instant::compareTo).orElse(timeline.now());
    }

    /** Names of everything changed since the last call; clears the record. */
    ChangeSet drain() {
        ChangeSet changes = new ChangeSet(changedMetrics, changedStates, changedEvents);
        changedMetrics.clear();
        changedStates.clear();
        changedEvents.clear();
        return changes;
    }
}
