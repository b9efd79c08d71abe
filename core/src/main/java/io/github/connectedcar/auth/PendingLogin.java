package io.github.connectedcar.auth;

import io.github.connectedcar.ford.Region;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A login waiting for the person at the browser: open {@link #authorizeUrl()}, sign in, then give the final
 * {@code fordapp://userauthorized/?code=…} URL to {@code completeLogin}. Holds the PKCE verifier until then; its
 * {@link #toString()} never shows it. A service whose login spans two requests (or two replicas) may keep it and
 * rebuild it with the public constructor; treat the verifier as a secret.
 */
public final class PendingLogin {
    private final URI authorizeUrl;
    private final String codeVerifier;
    private final String redirectUri;
    private final Region region;
    private final Instant createdAt;

    /**
     * @param authorizeUrl the URL to open
     * @param codeVerifier the PKCE verifier (a secret)
     * @param redirectUri  where the login page ends
     * @param region       the account's region
     * @param createdAt    when the login began
     */
    public PendingLogin(URI authorizeUrl, String codeVerifier, String redirectUri, Region region, Instant createdAt) {
        this.authorizeUrl = Objects.requireNonNull(authorizeUrl, "authorizeUrl");
        this.codeVerifier = Objects.requireNonNull(codeVerifier, "codeVerifier");
        this.redirectUri = Objects.requireNonNull(redirectUri, "redirectUri");
        this.region = Objects.requireNonNull(region, "region");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
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

    /** The PKCE verifier that finishes this login: a secret, never logged. */
    public String codeVerifier() {
        return codeVerifier;
    }

    @Override
    public String toString() {
        return "PendingLogin[region=" + region.name() + ", redirectUri=" + redirectUri + ", createdAt=" + createdAt
            + "]";
    }
}
