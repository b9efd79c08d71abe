package io.github.connectedcar.auth.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A short-lived bearer token (the Autonomic TMC token) and when it expires. {@link #toString()} never shows it.
 *
 * @param token     the token
 * @param expiresAt when it expires
 */
public record AccessToken(String token, Instant expiresAt) {
    public AccessToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean isValid(Instant now, Duration margin) {
        return now.plus(margin).isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "AccessToken[token=***, expiresAt=" + expiresAt + "]";
    }
}
