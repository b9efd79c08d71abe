package io.connectedcar.auth;

import io.connectedcar.Region;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A login waiting for the person at the browser: open {@link #authorizeUrl()}, sign in, then give the final
 * {@code fordapp://userauthorized/?code=…} URL to {@code completeLogin}. Holds the PKCE verifier until then; its
 * {@link #toString()} never shows it.
 */
public final class PendingLogin {
    private final URI authorizeUrl;
    private final String codeVerifier;
    private final String redirectUri;
    private final Region region;
    private final Instant createdAt;

    PendingLogin(URI authorizeUrl, String codeVerifier, String redirectUri, Region region, Instant createdAt) {
        this.authorizeUrl = Objects.requireNonNull(authorizeUrl);
        this.codeVerifier = Objects.requireNonNull(codeVerifier);
        this.redirectUri = Objects.requireNonNull(redirectUri);
        this.region = Objects.requireNonNull(region);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    /** The URL to open in a desktop browser. */
    public URI authorizeUrl() {
        return authorizeUrl;
    }

    /** Where the login page sends the browser at the end, such as {@code fordapp://userauthorized}. */
    public String redirectUri() {
        return redirectUri;
    }

    public Region region() {
        return region;
    }

    public Instant createdAt() {
        return createdAt;
    }

    String codeVerifier() {
        return codeVerifier;
    }

    @Override
    public String toString() {
        return "PendingLogin[region=" + region.name() + ", redirectUri=" + redirectUri + ", createdAt=" + createdAt
            + "]";
    }
}
