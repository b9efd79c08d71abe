package io.connectedcar.command.internal;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of one client's commands: how many were sent, followed to an end, and how many checks that cost. */
public final class CommandMetrics {
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
