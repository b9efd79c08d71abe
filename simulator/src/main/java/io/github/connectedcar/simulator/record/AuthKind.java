package io.github.connectedcar.simulator.record;

/** Which credential header a request carried, as the request record shows it. */
public enum AuthKind {
    NONE,
    /** {@code auth-token: <CAT>} (Ford hosts). */
    AUTH_TOKEN,
    /** {@code Authorization: Bearer <TMC>} (Autonomic hosts). */
    BEARER,
    /** Both at once (never needed). */
    AUTH_TOKEN_AND_BEARER
}
