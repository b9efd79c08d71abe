package io.github.connectedcar.simulator.internal.auth;

/** Every credential the simulated cloud issues (docs/ford-api.md §3). */
public enum TokenKind {
    /** The B2C authorization code returned to {@code fordapp://userauthorized}; single use. */
    AUTHORIZATION_CODE(false),
    /** B2C access token: only good for minting a CAT. */
    B2C_ACCESS(true),
    /** B2C id token. */
    B2C_ID(true),
    /** B2C refresh token (issued for fidelity; the Ford app does not use it). */
    B2C_REFRESH(false),
    /** Ford's CAT access token: the {@code auth-token} header on Ford hosts. */
    CAT_ACCESS(true),
    /** Ford's CAT refresh token: rotates, each usable once. */
    CAT_REFRESH(false),
    /** Autonomic's TMC token: {@code Authorization: Bearer} on Autonomic hosts. */
    TMC_ACCESS(true);

    private final boolean accessToken;

    TokenKind(boolean accessToken) {
        this.accessToken = accessToken;
    }

    /** Whether it authorises calls (as opposed to being exchanged for other tokens). */
    public boolean isAccessToken() {
        return accessToken;
    }
}
