package io.github.connectedcar.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A login as stored: Ford's CAT access token and the refresh token that renews it, each with the absolute instant it
 * expires, and the last Autonomic (TMC) token obtained for it, so that a new process (a command line run) within its
 * few minutes of life makes no token call. {@link #toString()} never shows a token.
 *
 * @param accessToken      the CAT access token
 * @param accessExpiresAt  when the CAT access token expires
 * @param refreshToken     the CAT refresh token
 * @param refreshExpiresAt when the refresh token expires, or {@code null} when Ford did not say
 * @param tmcToken         the last Autonomic token obtained with this login, or {@code null}
 * @param tmcExpiresAt     when that Autonomic token expires; {@code null} exactly when {@code tmcToken} is
 */
public record TokenSet(String accessToken, Instant accessExpiresAt, String refreshToken, Instant refreshExpiresAt,
                       String tmcToken, Instant tmcExpiresAt) {

    public TokenSet {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(accessExpiresAt, "accessExpiresAt");
        Objects.requireNonNull(refreshToken, "refreshToken");
        if (accessToken.isBlank() || refreshToken.isBlank()) {
            throw new IllegalArgumentException("Tokens must not be blank");
        }
        if ((tmcToken == null) != (tmcExpiresAt == null) || tmcToken != null && tmcToken.isBlank()) {
            throw new IllegalArgumentException("An Autonomic token needs its expiry, and neither may be blank");
        }
    }

    /** A login without an Autonomic token. */
    public TokenSet(String accessToken, Instant accessExpiresAt, String refreshToken, Instant refreshExpiresAt) {
        this(accessToken, accessExpiresAt, refreshToken, refreshExpiresAt, null, null);
    }

    /** This login with the Autonomic token obtained for it (both {@code null}: without one). */
    public TokenSet withTmc(String token, Instant expiresAt) {
        return new TokenSet(accessToken, accessExpiresAt, refreshToken, refreshExpiresAt, token, expiresAt);
    }

    /** Whether the access token is still good at {@code now} with {@code margin} to spare. */
    public boolean isAccessValid(Instant now, Duration margin) {
        return now.plus(margin).isBefore(accessExpiresAt);
    }

    /** Whether the refresh token has certainly expired at {@code now}. */
    public boolean isRefreshExpired(Instant now) {
        return refreshExpiresAt != null && !now.isBefore(refreshExpiresAt);
    }

    @Override
    public String toString() {
        return "TokenSet[accessToken=***, accessExpiresAt=" + accessExpiresAt + ", refreshToken=***, refreshExpiresAt="
            + refreshExpiresAt + (tmcToken == null ? "" : ", tmcToken=***, tmcExpiresAt=" + tmcExpiresAt) + "]";
    }
}
