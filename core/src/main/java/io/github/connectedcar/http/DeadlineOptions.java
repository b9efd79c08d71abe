package io.github.connectedcar.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How long one call may take in all, from subscription to its answer: attempts, back-offs, token renewals and waits
 * for the request budget included. The transport's response timeout only bounds the silence between two reads, so
 * without a deadline a server that drips a byte every few seconds would keep a call open for ever. A call past its
 * deadline is cancelled (its connection closed) and ends with {@link DeadlineExceededException}. A {@code Retry-After}
 * that would end past the deadline is not waited out: the call ends at once with the server's answer. Immutable;
 * every default is a named constant.
 *
 * @param read    a read: a GET, the vehicle list, a websocket upgrade
 * @param command a request that is not idempotent: a command POST or a Ford-host action
 * @param token   a login or token call: code exchange, CAT mint and refresh, TMC exchange
 */
public record DeadlineOptions(Duration read, Duration command, Duration token) {

    /** Ford's usual {@code Retry-After} (62 s) waited out once, and still within the blocking facade's 90 s. */
    public static final Duration DEFAULT_READ = Duration.ofSeconds(75);
    /** A command is sent once; this leaves room for its token and for attempts refused before they left. */
    public static final Duration DEFAULT_COMMAND = Duration.ofSeconds(60);
    /** One token call: Ford answers in about a second; a renewal chains at most two of them. */
    public static final Duration DEFAULT_TOKEN = Duration.ofSeconds(30);

    /**
     * Checks the values.
     *
     * @param read    a read: a GET, the vehicle list, a websocket upgrade
     * @param command a request that is not idempotent: a command POST or a Ford-host action
     * @param token   a login or token call: code exchange, CAT mint and refresh, TMC exchange
     * @throws IllegalArgumentException when a value is out of its range
     */
    public DeadlineOptions {
        requirePositive(read, "read");
        requirePositive(command, "command");
        requirePositive(token, "token");
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " deadline must be positive, was " + value);
        }
    }

    /** {@return the defaults: the {@code DEFAULT_...} constants} */
    public static DeadlineOptions defaults() {
        return new DeadlineOptions(DEFAULT_READ, DEFAULT_COMMAND, DEFAULT_TOKEN);
    }

    /**
     * The same deadline for every call, such as a command line's {@code --timeout}.
     *
     * @param deadline the deadline of every call
     * @return the options
     * @throws IllegalArgumentException when it is not positive
     */
    public static DeadlineOptions all(Duration deadline) {
        return new DeadlineOptions(deadline, deadline, deadline);
    }

    /**
     * The deadline of this request's call: a read when it may be repeated (or is an upgrade), else a token call when
     * it carries no credential, else a command.
     *
     * @param request the request
     * @return its deadline
     */
    public Duration of(HttpRequest request) {
        if (request.idempotent() || request.isWebSocket()) {
            return read;
        }
        return request.auth() == AuthScheme.NONE ? token : command;
    }

    /**
     * A copy with another {@code read}.
     *
     * @param value a read: a GET, the vehicle list, a websocket upgrade
     * @return the copy; this one is unchanged
     * @throws IllegalArgumentException when the value is out of its range
     */
    public DeadlineOptions withRead(Duration value) {
        return new DeadlineOptions(value, command, token);
    }

    /**
     * A copy with another {@code command}.
     *
     * @param value a request that is not idempotent: a command POST or a Ford-host action
     * @return the copy; this one is unchanged
     * @throws IllegalArgumentException when the value is out of its range
     */
    public DeadlineOptions withCommand(Duration value) {
        return new DeadlineOptions(read, value, token);
    }

    /**
     * A copy with another {@code token}.
     *
     * @param value a login or token call: code exchange, CAT mint and refresh, TMC exchange
     * @return the copy; this one is unchanged
     * @throws IllegalArgumentException when the value is out of its range
     */
    public DeadlineOptions withToken(Duration value) {
        return new DeadlineOptions(read, command, value);
    }
}
