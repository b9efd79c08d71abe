package io.github.connectedcar.http;

/** Which credential a request carries; the token policy adds it. */
public enum AuthScheme {
    /** No credential (login, token endpoints). */
    NONE,
    /** Ford's CAT access token in the {@code auth-token} header (Ford hosts). */
    CAT,
    /** Autonomic's TMC token as {@code Authorization: Bearer} (Autonomic hosts). */
    TMC
}
