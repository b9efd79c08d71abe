package io.github.connectedcar.usage;

import java.time.Instant;

/**
 * An account's authentication failures in a row, and until when calls to Ford are stopped because of them, as a
 * {@link UsageStore} keeps them for every client and process of the account (a lockout must hold across runs of a
 * command line too).
 *
 * @param failuresInARow authentication failures since the last success or new login
 * @param lockedUntil    until when no call may leave, or {@code null} when none was stopped
 */
public record AccountLockout(int failuresInARow, Instant lockedUntil) {
    /** No failure recorded. */
    public static final AccountLockout NONE = new AccountLockout(0, null);

    /**
     * Whether calls are stopped at {@code now}.
     *
     * @param now the instant asked about
     * @return whether no call may leave then
     */
    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }
}
