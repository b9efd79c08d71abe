package io.connectedcar.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The long-lived part of a login, as stored: Ford's CAT access token and the refresh token that renews it, each with
 * the absolute instant it expires. (The short TMC token is kept in memory only.) {@link #toString()} never shows a
 * token.
 *
 * @param accessToken      the CAT access token
 * @param accessExpiresAt  when the CAT access token expires
 * @param refreshToken     the CAT refresh token
 * @param refreshExpiresAt when the refresh token expires, or {@code null} when Ford did not say
 */
public record TokenSet(String accessToken, Instant accessExpiresAt, String refreshToken, Instant refreshExpiresAt) {

    public TokenSet {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(accessExpiresAt, "accessExpiresAt");
        Objects.requireNonNull(refreshToken, "refreshToken");
        if (accessToken.isBlank() || refreshToken.isBlank()) {
            throw new IllegalArgumentException("Tokens must not be blank");
        }
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
            + refreshExpiresAt + "]";
    }
}
