package io.connectedcar.protection;

/** The state of the lockout guard ({@link LockoutOptions}). */
public enum LockoutState {
    /** Requests flow. */
    CLOSED,
    /** Requests are stopped until the cool-down ends or a new login succeeds. */
    OPEN,
    /** The cool-down ended: a few trial requests decide whether to close or open again. */
    HALF_OPEN,
    /** The guard is off. */
    DISABLED
}
