package io.github.connectedcar.protection;

/** The state of the lockout guard ({@link LockoutOptions}). */
public enum LockoutState {
    /** Requests flow. */
    CLOSED,
    /** Requests are stopped until the cool-down ends or a new login succeeds. */
    OPEN,
    /** The cool-down ended: the next request is a trial; a failure stops calls again, a success clears the count. */
    HALF_OPEN,
    /** The guard is off. */
    DISABLED
}
