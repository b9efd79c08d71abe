package io.github.connectedcar.protection;

import java.time.Duration;
import java.util.Objects;

/**
 * The lockout guard: after {@code failuresToOpen} authentication failures in a row (HTTP 401 that survived a token
 * renewal, or a 403 from a Ford service), the client stops calling Ford for the account (a Resilience4j circuit
 * breaker opens) until {@code coolDown} has passed or a new login succeeds. Repeated authentication failures are
 * what gets accounts disabled (docs/ford-api.md §3.4). Immutable; every default is a named constant.
 *
 * @param enabled        whether the guard is on
 * @param failuresToOpen authentication failures in a row that stop the calls
 * @param coolDown       how long the calls stay stopped before a few trial calls are let through
 */
public record LockoutOptions(boolean enabled, int failuresToOpen, Duration coolDown) {

    /** Three authentication failures in a row stop the calls. */
    public static final int DEFAULT_FAILURES_TO_OPEN = 3;
    /** How long the calls stay stopped, unless a new login comes first. */
    public static final Duration DEFAULT_COOL_DOWN = Duration.ofMinutes(30);

    /**
     * Checks the options.
     *
     * @param enabled        whether the guard is on
     * @param failuresToOpen how many authentication failures in a row stop the calls
     * @param coolDown       how long they stay stopped
     * @throws IllegalArgumentException when {@code failuresToOpen} is below 1 or {@code coolDown} under 1 ms
     */
    public LockoutOptions {
        Objects.requireNonNull(coolDown, "coolDown");
        if (failuresToOpen < 1) {
            throw new IllegalArgumentException("failuresToOpen must be at least 1, was " + failuresToOpen);
        }
        if (coolDown.toMillis() < 1) {
            throw new IllegalArgumentException("coolDown must be at least 1 ms, was " + coolDown);
        }
    }

    /** {@return the guard on, with the {@code DEFAULT_...} constants} */
    public static LockoutOptions defaults() {
        return new LockoutOptions(true, DEFAULT_FAILURES_TO_OPEN, DEFAULT_COOL_DOWN);
    }

    /** {@return no guard: for tests and simulators} */
    public static LockoutOptions disabled() {
        return new LockoutOptions(false, DEFAULT_FAILURES_TO_OPEN, DEFAULT_COOL_DOWN);
    }

    /**
     * A copy with another number of failures in a row that stops the calls.
     *
     * @param value the new number of failures in a row that stops the calls
     * @return the copy; this one is unchanged
     * @throws IllegalArgumentException when the value breaks the rules of the record
     */
    public LockoutOptions withFailuresToOpen(int value) {
        return new LockoutOptions(enabled, value, coolDown);
    }

    /**
     * A copy with another cool-down.
     *
     * @param value the new cool-down
     * @return the copy; this one is unchanged
     * @throws IllegalArgumentException when the value breaks the rules of the record
     */
    public LockoutOptions withCoolDown(Duration value) {
        return new LockoutOptions(enabled, failuresToOpen, value);
    }
}
