package io.github.connectedcar.simulator;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import io.github.connectedcar.simulator.internal.auth.TokenKind;

/**
 * How long each credential lives, in simulated time (docs/ford-api.md §3).
 *
 * @param authorizationCode the B2C code between sign-in and its exchange (single use)
 * @param b2cAccess         B2C access token (only used to mint a CAT)
 * @param catAccess         CAT access token ({@code auth-token} on Ford hosts)
 * @param catRefresh        CAT refresh token (rotates on every use)
 * @param tmcAccess         TMC token (bearer on Autonomic hosts and the websocket)
 */
public record TokenLifetimes(Duration authorizationCode, Duration b2cAccess, Duration catAccess,
                             Duration catRefresh, Duration tmcAccess) {

    public static final Duration DEFAULT_AUTHORIZATION_CODE = Duration.ofMinutes(10);
    public static final Duration DEFAULT_B2C_ACCESS = Duration.ofMinutes(30);
    public static final Duration DEFAULT_CAT_ACCESS = Duration.ofSeconds(1800);
    public static final Duration DEFAULT_CAT_REFRESH = Duration.ofSeconds(15_552_000);
    public static final Duration DEFAULT_TMC_ACCESS = Duration.ofSeconds(300);

    public TokenLifetimes {
        for (Duration d : new Duration[] {authorizationCode, b2cAccess, catAccess, catRefresh, tmcAccess}) {
            Objects.requireNonNull(d, "lifetime");
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("Token lifetimes must be positive, got " + d);
            }
        }
    }

    public static TokenLifetimes defaults() {
        return new TokenLifetimes(DEFAULT_AUTHORIZATION_CODE, DEFAULT_B2C_ACCESS, DEFAULT_CAT_ACCESS,
            DEFAULT_CAT_REFRESH, DEFAULT_TMC_ACCESS);
    }

    public TokenLifetimes withCatAccess(Duration d) {
        return new TokenLifetimes(authorizationCode, b2cAccess, d, catRefresh, tmcAccess);
    }

    public TokenLifetimes withTmcAccess(Duration d) {
        return new TokenLifetimes(authorizationCode, b2cAccess, catAccess, catRefresh, d);
    }

    public TokenLifetimes withCatRefresh(Duration d) {
        return new TokenLifetimes(authorizationCode, b2cAccess, catAccess, d, tmcAccess);
    }

    public TokenLifetimes withAuthorizationCode(Duration d) {
        return new TokenLifetimes(d, b2cAccess, catAccess, catRefresh, tmcAccess);
    }

    /** The lifetime of every kind of token the services issue; B2C's own refresh token lives as long as the CAT's. */
    Map<TokenKind, Duration> byKind() {
        Map<TokenKind, Duration> lifetimes = new EnumMap<>(TokenKind.class);
        lifetimes.put(TokenKind.AUTHORIZATION_CODE, authorizationCode);
        lifetimes.put(TokenKind.B2C_ACCESS, b2cAccess);
        lifetimes.put(TokenKind.B2C_ID, b2cAccess);
        lifetimes.put(TokenKind.B2C_REFRESH, catRefresh);
        lifetimes.put(TokenKind.CAT_ACCESS, catAccess);
        lifetimes.put(TokenKind.CAT_REFRESH, catRefresh);
        lifetimes.put(TokenKind.TMC_ACCESS, tmcAccess);
        return lifetimes;
    }
}
