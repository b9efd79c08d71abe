package io.connectedcar.simulator.account;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.connectedcar.simulator.QuotaPolicy;
import io.connectedcar.simulator.SimulatedAccount;

/**
 * The running state of one account: its request count in the current quota window, how often it was refused, and
 * whether it has been disabled for abuse (ford-api §7). Thread-safe.
 */
public final class AccountState {

    private final SimulatedAccount account;
    private Instant windowStart;
    private int requestsInWindow;
    private int rejections;
    private boolean disabled;

    public AccountState(SimulatedAccount account) {
        this.account = Objects.requireNonNull(account, "account");
    }

    public SimulatedAccount account() {
        return account;
    }

    public String username() {
        return account.username();
    }

    /**
     * Counts one request against the quota.
     *
     * @return whether it may proceed, must be throttled (with the Retry-After), or the account is disabled
     */
    public synchronized QuotaDecision charge(Instant now, QuotaPolicy policy) {
        if (disabled) {
            return QuotaDecision.DISABLED;
        }
        if (windowStart == null || !now.isBefore(windowStart.plus(policy.window()))) {
            windowStart = now;
            requestsInWindow = 0;
        }
        if (requestsInWindow < policy.requestsPerWindow()) {
            requestsInWindow++;
            return QuotaDecision.ALLOWED;
        }
        if (strike(policy)) {
            return QuotaDecision.DISABLED;
        }
        Duration untilReset = Duration.between(now, windowStart.plus(policy.window()));
        Duration retryAfter = untilReset.compareTo(policy.retryAfter()) < 0 ? untilReset : policy.retryAfter();
        return QuotaDecision.rateLimited(Math.max(1, (retryAfter.toMillis() + 999) / 1000));
    }

    /** Counts a refused call (e.g. one made with an expired token); too many disable the account. */
    public synchronized void recordRejection(QuotaPolicy policy) {
        strike(policy);
    }

    private boolean strike(QuotaPolicy policy) {
        rejections++;
        if (rejections >= policy.disableAfterRejections()) {
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
        s.put("username", account.username());
        s.put("applicationId", account.applicationId());
        s.put("vins", account.vehicles().stream().map(v -> v.vin()).toList());
        s.put("requestsInWindow", requestsInWindow);
        s.put("windowStart", windowStart == null ? null : windowStart.toString());
        s.put("rejections", rejections);
        s.put("disabled", disabled);
        return s;
    }
}
