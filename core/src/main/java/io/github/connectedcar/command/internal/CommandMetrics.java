package io.github.connectedcar.command.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of one client's commands: how many were sent, followed to an end, how many checks that cost, and how they
 * ended per command type.
 */
public final class CommandMetrics {
    /** The outcome of a command that Ford refused or that never left (nothing was done). */
    public static final String REFUSED = "REFUSED";
    /** The outcome of a command that may have reached Ford but whose fate is unknown. */
    public static final String OUTCOME_UNKNOWN = "OUTCOME_UNKNOWN";

    /** A command type and how it ended: a final state's name, {@link #REFUSED} or {@link #OUTCOME_UNKNOWN}. */
    public record Outcome(String commandType, String result) {
    }

    private final Map<Outcome, AtomicLong> outcomes = new ConcurrentHashMap<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong followed = new AtomicLong();
    private final AtomicLong checks = new AtomicLong();

    void commandSent() {
        sent.incrementAndGet();
    }

    void check() {
        checks.incrementAndGet();
    }

    void followingEnded() {
        followed.incrementAndGet();
    }

    void ended(String commandType, String result) {
        outcomes.computeIfAbsent(new Outcome(commandType, result), key -> new AtomicLong()).incrementAndGet();
    }

    /** How many commands ended in each way, per command type. */
    public Map<Outcome, Long> outcomes() {
        Map<Outcome, Long> counts = new HashMap<>();
        outcomes.forEach((outcome, count) -> counts.put(outcome, count.get()));
        return Map.copyOf(counts);
    }

    /** Commands Ford accepted. */
    public long commandsSent() {
        return sent.get();
    }

    /** Commands whose following ended (final state, timeout, error or cancel). */
    public long commandsFollowed() {
        return followed.get();
    }

    /** Telemetry checks made to follow commands. */
    public long checks() {
        return checks.get();
    }
}
