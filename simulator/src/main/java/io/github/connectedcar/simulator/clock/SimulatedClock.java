package io.github.connectedcar.simulator.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * The simulator's notion of "now". Simulated time runs at {@link #speed()} times real time (1 by default; 60 makes a
 * minute pass every second; 0 freezes it) and can also be moved forward explicitly with {@link #advance(Duration)},
 * which is how tests drive time-based behaviour deterministically instead of sleeping.
 *
 * <p>Every lifetime (tokens, authorization codes, quota windows) and every vehicle process (command progress,
 * charging, countdowns, keep-alives) is measured on this clock. Thread-safe.
 */
public final class SimulatedClock {

    private final LongSupplier nanoTime;
    private final Instant initialInstant;
    private final double initialSpeed;
    private final List<Runnable> jumpListeners = new CopyOnWriteArrayList<>();

    private Instant anchorInstant;
    private long anchorNanos;
    private double speed;

    /**
     * A clock starting at {@code start} and running at {@code speed} times real time.
     *
     * @throws IllegalArgumentException if speed is negative or not finite
     */
    public SimulatedClock(Instant start, double speed) {
        this(start, speed, System::nanoTime);
    }

    SimulatedClock(Instant start, double speed, LongSupplier nanoTime) {
        this.initialInstant = Objects.requireNonNull(start, "start");
        this.initialSpeed = checkedSpeed(speed);
        this.nanoTime = nanoTime;
        this.anchorInstant = start;
        this.anchorNanos = nanoTime.getAsLong();
        this.speed = initialSpeed;
    }

    /** The current simulated instant, truncated to milliseconds (what the wire formats carry). */
    public synchronized Instant now() {
        long elapsed = nanoTime.getAsLong() - anchorNanos;
        long simulatedNanos = (long) (elapsed * speed);
        return anchorInstant.plusNanos(simulatedNanos).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    /** How many simulated seconds pass per real second (0 = frozen). */
    public synchronized double speed() {
        return speed;
    }

    /**
     * Changes the speed from now on; time already passed is kept.
     *
     * @throws IllegalArgumentException if speed is negative or not finite
     */
    public void setSpeed(double newSpeed) {
        double checked = checkedSpeed(newSpeed);
        synchronized (this) {
            reanchor();
            this.speed = checked;
        }
        fireJump();
    }

    /**
     * Moves simulated time forward at once. Everything due in between happens before this method returns (commands
     * progress, charging integrates, websocket frames are emitted), so a test can assert right after it.
     *
     * @throws IllegalArgumentException for a negative duration
     */
    public void advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("The simulated clock only moves forward; got " + duration);
        }
        synchronized (this) {
            reanchor();
            anchorInstant = anchorInstant.plus(duration);
        }
        fireJump();
    }

    /** Back to the start instant and speed this clock was created with. */
    public void reset() {
        synchronized (this) {
            anchorInstant = initialInstant;
            anchorNanos = nanoTime.getAsLong();
            speed = initialSpeed;
        }
        fireJump();
    }

    /**
     * A {@link Clock} view of simulated time, e.g. to give an SDK under test the same notion of "now" as the
     * simulator when running faster than real time.
     */
    public Clock asJavaClock() {
        return new SimulatedJavaClock(this, ZoneOffset.UTC);
    }

    /**
     * Registers an action run (on the caller's thread) after every explicit jump: {@link #advance}, {@link #setSpeed},
     * {@link #reset}. The simulator uses it to catch the world up with the new time at once.
     */
    public void onJump(Runnable listener) {
        jumpListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private void reanchor() {
        long nowNanos = nanoTime.getAsLong();
        anchorInstant = anchorInstant.plusNanos((long) ((nowNanos - anchorNanos) * speed));
        anchorNanos = nowNanos;
    }

    private void fireJump() {
        for (Runnable listener : jumpListeners) {
            listener.run();
        }
    }

    private static double checkedSpeed(double speed) {
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a finite number >= 0, got " + speed);
        }
        return speed;
    }

    @Override
    public String toString() {
        return "SimulatedClock[now=" + now() + ", speed=" + speed() + "]";
    }

    private static final class SimulatedJavaClock extends Clock {
        private final SimulatedClock source;
        private final ZoneId zone;

        SimulatedJavaClock(SimulatedClock source, ZoneId zone) {
            this.source = source;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId newZone) {
            return new SimulatedJavaClock(source, newZone);
        }

        @Override
        public Instant instant() {
            return source.now();
        }
    }
}
