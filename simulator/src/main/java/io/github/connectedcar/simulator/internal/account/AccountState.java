package io.github.connectedcar.simulator.internal.account;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The running state of one account: its request count in the current quota window, how often it was refused, and
 * whether it has been disabled for abuse (docs/ford-api.md §7). Thread-safe.
 */
public final class AccountState {

    private final AccountProfile profile;
    private Instant windowStart;
    private int requestsInWindow;
    private int rejections;
    private boolean disabled;

    public AccountState(AccountProfile profile) {
        this.profile = Objects.requireNonNull(profile, "profile");
    }

    public AccountProfile profile() {
        return profile;
    }

    public String username() {
        return profile.username();
    }

    /**
     * Counts one request against the quota.
     *
     * @return whether it may proceed, must be throttled (with the Retry-After), or the account is disabled
     */
    public synchronized QuotaDecision charge(Instant now, QuotaLimits limits) {
        if (disabled) {
            return QuotaDecision.DISABLED;
        }
        if (windowStart == null || !now.isBefore(windowStart.plus(limits.window()))) {
            windowStart = now;
            requestsInWindow = 0;
        }
        if (requestsInWindow < limits.requestsPerWindow()) {
            requestsInWindow++;
            return QuotaDecision.ALLOWED;
        }
        if (strike(limits)) {
            return QuotaDecision.DISABLED;
        }
        Duration untilReset = Duration.between(now, windowStart.plus(limits.window()));
        Duration retryAfter = untilReset.compareTo(limits.retryAfter()) < 0 ? untilReset : limits.retryAfter();
        return QuotaDecision.rateLimited(Math.max(1, (retryAfter.toMillis() + 999) / 1000));
    }

    /** Counts a refused call (e.g. one made with an expired token); too many disable the account. */
    public synchronized void recordRejection(QuotaLimits limits) {
        strike(limits);
    }

    private boolean strike(QuotaLimits limits) {
        rejections++;
        if (rejections >= limits.disableAfterRejections()) {
            disabled = true;
        }
        return disabled;
    }

    public synchronized boolean isDisabled() {
        return disabled;
    }

    /** Re-enables the account and forgets its counters (what Ford support does after a password reset). */
    public synchronized void enable() {
        disabled = false;
        rejections = 0;
        requestsInWindow = 0;
        windowStart = null;
    }

    /** Counters for the admin view. */
    public synchronized Map<String, Object> snapshot() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("username", profile.username());
        s.put("applicationId", profile.applicationId());
        s.put("vins", profile.vehicles().stream().map(v -> v.vin()).toList());
        s.put("requestsInWindow", requestsInWindow);
        s.put("windowStart", windowStart == null ? null : windowStart.toString());
        s.put("rejections", rejections);
        s.put("disabled", disabled);
        return s;
    }
}
