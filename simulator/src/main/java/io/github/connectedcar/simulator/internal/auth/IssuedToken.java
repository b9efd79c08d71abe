package io.github.connectedcar.simulator.internal.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * One credential the simulator issued: whose it is, when it stops working, whether it was used up.
 * Thread-safe: expiry and consumption are updated atomically.
 */
public final class IssuedToken {

    private final String value;
    private final TokenKind kind;
    private final String username;
    private final Instant issuedAt;
    private final AuthorizationRequest authorizationRequest;
    private Instant expiresAt;
    private boolean consumed;

    IssuedToken(String value, TokenKind kind, String username, Instant issuedAt, Instant expiresAt,
                AuthorizationRequest authorizationRequest) {
        this.value = Objects.requireNonNull(value, "value");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.username = Objects.requireNonNull(username, "username");
        this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.authorizationRequest = authorizationRequest;
    }

    /** The token string itself. Never logged. */
    public String value() {
        return value;
    }

    public TokenKind kind() {
        return kind;
    }

    public String username() {
        return username;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public synchronized Instant expiresAt() {
        return expiresAt;
    }

    public synchronized boolean isConsumed() {
        return consumed;
    }

    /** Only codes carry the authorize request they answer. */
    public AuthorizationRequest authorizationRequest() {
        return authorizationRequest;
    }

    /** Whether it still works at {@code now}: not expired and not used up. */
    public synchronized boolean isUsableAt(Instant now) {
        return !consumed && now.isBefore(expiresAt);
    }

    /**
     * Uses a single-use token up.
     *
     * @return true for the one caller that consumed it while usable; false if it was already used or had expired
     */
    public synchronized boolean consume(Instant now) {
        if (consumed || !now.isBefore(expiresAt)) {
            return false;
        }
        consumed = true;
        return true;
    }

    /** Makes it stop working from {@code now} on. */
    synchronized void expire(Instant now) {
        if (expiresAt.isAfter(now)) {
            expiresAt = now;
        }
    }

    @Override
    public String toString() {
        return "IssuedToken[" + kind + " of " + username + ", expires " + expiresAt() + "]";
    }
}
