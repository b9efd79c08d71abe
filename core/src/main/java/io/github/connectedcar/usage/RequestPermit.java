package io.github.connectedcar.usage;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A store's answer to {@link UsageStore#acquireRequest}: the request was counted, or which limit refused it and when
 * the next one is allowed; with the account's use as the store saw it.
 *
 * @param refusedBy       the limit that refused the request, or {@code null} when it was counted
 * @param retryAt         when a refused request would be allowed, or {@code null} when it was counted
 * @param usedInWindow    requests counted in the rolling window, this one included when it was counted
 * @param usedInBurst     requests counted in the rolling burst period, likewise
 * @param nextSlotFreesAt when the oldest counted request leaves the window, or {@code null} when none is counted
 */
public record RequestPermit(Limit refusedBy, Instant retryAt, int usedInWindow, int usedInBurst,
                            Instant nextSlotFreesAt) {

    /** The limit that refused a request. */
    public enum Limit {
        /** The rolling window's budget (a day, by default). */
        WINDOW,
        /** The burst limit (a minute, by default). */
        BURST
    }

    /**
     * Checks that a refusal names its limit and when to retry, and a grant neither.
     *
     * @param refusedBy       the limit that refused the request, or {@code null} when it was granted
     * @param retryAt         when to try again after a refusal, or {@code null} when granted
     * @param usedInWindow    the requests counted in the long window
     * @param usedInBurst     the requests counted in the short window
     * @param nextSlotFreesAt when the oldest counted request leaves the window, or {@code null} when none is counted
     * @throws IllegalArgumentException when a refusal lacks its limit or instant, or a grant has one
     */
    public RequestPermit {
        if ((refusedBy == null) != (retryAt == null)) {
            throw new IllegalArgumentException("A refusal names its limit and when to retry; a grant neither");
        }
    }

    /**
     * A counted request.
     *
     * @param usedInWindow    the requests counted in the long window, this one included
     * @param usedInBurst     the requests counted in the short window, this one included
     * @param nextSlotFreesAt when the oldest counted request leaves the window
     * @return the permit
     */
    public static RequestPermit granted(int usedInWindow, int usedInBurst, Instant nextSlotFreesAt) {
        return new RequestPermit(null, null, usedInWindow, usedInBurst, nextSlotFreesAt);
    }

    /**
     * A refused request.
     *
     * @param limit           the limit that refused it
     * @param retryAt         when to try again
     * @param usedInWindow    the requests counted in the long window
     * @param usedInBurst     the requests counted in the short window
     * @param nextSlotFreesAt when the oldest counted request leaves the window
     * @return the refusal
     */
    public static RequestPermit refused(Limit limit, Instant retryAt, int usedInWindow, int usedInBurst,
                                        Instant nextSlotFreesAt) {
        return new RequestPermit(Objects.requireNonNull(limit, "limit"), Objects.requireNonNull(retryAt, "retryAt"),
            usedInWindow, usedInBurst, nextSlotFreesAt);
    }

    /** {@return whether the request was counted and may be sent} */
    public boolean isGranted() {
        return refusedBy == null;
    }

    /** {@return when the oldest counted request leaves the window; empty when none is counted} */
    public Optional<Instant> nextSlot() {
        return Optional.ofNullable(nextSlotFreesAt);
    }
}
