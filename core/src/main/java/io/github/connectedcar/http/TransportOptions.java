package io.github.connectedcar.http;

import java.security.KeyStore;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a transport. Immutable; every default is a named constant.
 *
 * @param connectTimeout  how long to wait for a connection
 * @param responseTimeout how long to wait for a response once the request is written
 * @param maxConnections   the size of the pool of REST connections (HTTP calls). Websockets never take a slot:
 *                         each status stream has a connection of its own outside the pool, so any number of open
 *                         streams leaves every REST slot to calls
 * @param trustStore       the certificates to trust, or {@code null} for the JDK's trust store
 * @param maxResponseBytes the largest response body accepted, after inflating gzip; a larger one ends the call with
 *                         {@link ResponseTooLargeException} and its connection is closed
 * @param maxPendingCalls  how many calls may wait for a REST connection while all {@code maxConnections} are busy. A
 *                         call that finds the pool full waits in this queue (back-pressure), it does not fail; the
 *                         wait counts against the call's deadline ({@link DeadlineOptions}), which ends it first.
 *                         Only a call beyond this many waiting ones fails at once with a {@link TransportException}
 *                         saying nothing was sent
 * @param maxPendingWait   the longest a call waits for a REST connection; normally longer than every call deadline,
 *                         so the deadline decides, and only a transport used without the client's pipeline meets it
 */
public record TransportOptions(Duration connectTimeout, Duration responseTimeout, int maxConnections,
                               KeyStore trustStore, int maxResponseBytes, int maxPendingCalls,
                               Duration maxPendingWait) {

    /** The longest wait for a connection. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The longest silence between two reads of an answer. */
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(30);
    /**
     * REST calls only (websockets have their own connections). An account's calls are few and short (Ford allows a
     * few hundred a day per car); 64 lets a fleet's first snapshot reads and commands go out side by side without
     * opening hundreds of TLS connections to Ford at once.
     */
    public static final int DEFAULT_MAX_CONNECTIONS = 64;
    /** Room for every car of a large fleet to wait for its snapshot read at once; past it a call fails at once. */
    public static final int DEFAULT_MAX_PENDING_CALLS = 100_000;
    /** Longer than every default call deadline ({@link DeadlineOptions}), which therefore ends a wait first. */
    public static final Duration DEFAULT_MAX_PENDING_WAIT = Duration.ofMinutes(5);
    /** Ford's answers are tens of kilobytes; a few megabytes leaves room and keeps a hostile body out of memory. */
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

    /**
     * Checks the values.
     *
     * @param connectTimeout  how long to wait for a connection
     * @param responseTimeout how long to wait for a response once the request is written
     * @param maxConnections   the size of the connection pool
     * @param trustStore       the certificates to trust, or {@code null} for the JDK's trust store
     * @param maxResponseBytes the largest response body accepted, after inflating gzip; a larger one ends the call with
     *                         {@link ResponseTooLargeException} and its connection is closed
     * @throws IllegalArgumentException when a value is out of its range
     */
    public TransportOptions {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive, was " + connectTimeout);
        }
        if (responseTimeout.isNegative() || responseTimeout.isZero()) {
            throw new IllegalArgumentException("responseTimeout must be positive, was " + responseTimeout);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, was " + maxConnections);
        }
        if (maxResponseBytes < 1) {
            throw new IllegalArgumentException("maxResponseBytes must be at least 1, was " + maxResponseBytes);
        }
        if (maxPendingCalls < 1) {
            throw new IllegalArgumentException("maxPendingCalls must be at least 1, was " + maxPendingCalls);
        }
        Objects.requireNonNull(maxPendingWait, "maxPendingWait");
        if (maxPendingWait.isNegative() || maxPendingWait.isZero()) {
            throw new IllegalArgumentException("maxPendingWait must be positive, was " + maxPendingWait);
        }
    }

    /** {@return the defaults: the {@code DEFAULT_...} constants} */
    public static TransportOptions defaults() {
        return new TransportOptions(DEFAULT_CONNECT_TIMEOUT, DEFAULT_RESPONSE_TIMEOUT, DEFAULT_MAX_CONNECTIONS, null,
            DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_MAX_PENDING_CALLS, DEFAULT_MAX_PENDING_WAIT);
    }

    /**
     * A copy with another {@code connectTimeout}.
     *
     * @param value how long to wait for a connection
     * @return the copy; this one is unchanged
     * @throws IllegalArgumentException when the value is out of its range
     */
    public TransportOptions withConnectTimeout(Duration value) {
        return new TransportOptions(value, responseTimeout, maxConnections, trustStore, maxResponseBytes,
            maxPendingCalls, maxPendingWait);
    }

    /**
     * A copy with another {@code responseTimeout}.
     *
     * @param value how long to wait for a response once the request is written
     * @return the copy; this one is unchanged
     * @throws IllegalArgumentException when the value is out of its range
     */
    public TransportOptions withResponseTimeout(Duration value) {
        return new TransportOptions(connectTimeout, value, maxConnections, trustStore, maxResponseBytes,
            maxPendingCalls, maxPendingWait);
    }

    /**
     * A copy with another {@code maxConnections}.
     *
     * @param value the size of the connection pool
     * @return the copy; this one is unchanged
     * @throws IllegalArgumentException when the value is out of its range
     */
    public TransportOptions withMaxConnections(int value) {
        return new TransportOptions(connectTimeout, responseTimeout, value, trustStore, maxResponseBytes,
            maxPendingCalls, maxPendingWait);
    }

    /**
     * A copy with another {@code trustStore}.
     *
     * @param value the certificates to trust, or {@code null} for the JDK's trust store
     * @return the copy; this one is unchanged
     * @throws IllegalArgumentException when the value is out of its range
     */
    public TransportOptions withTrustStore(KeyStore value) {
        return new TransportOptions(connectTimeout, responseTimeout, maxConnections, value, maxResponseBytes,
            maxPendingCalls, maxPendingWait);
    }

    /**
     * A copy with another {@code maxResponseBytes}.
     *
     * @param value the largest response body accepted, after inflating gzip; a larger one ends the call with {@link ResponseTooLargeException} and its connection is closed
     * @return the copy; this one is unchanged
     * @throws IllegalArgumentException when the value is out of its range
     */
    public TransportOptions withMaxResponseBytes(int value) {
        return new TransportOptions(connectTimeout, responseTimeout, maxConnections, trustStore, value,
            maxPendingCalls, maxPendingWait);
    }

    /**
     * A copy with another {@code maxPendingCalls}.
     *
     * @param value how many calls may wait for a REST connection while the pool is busy
     * @return the copy; this one is unchanged
     * @throws IllegalArgumentException when the value is out of its range
     */
    public TransportOptions withMaxPendingCalls(int value) {
        return new TransportOptions(connectTimeout, responseTimeout, maxConnections, trustStore, maxResponseBytes,
            value, maxPendingWait);
    }

    /**
     * A copy with another {@code maxPendingWait}.
     *
     * @param value the longest a call waits for a REST connection
     * @return the copy; this one is unchanged
     * @throws IllegalArgumentException when the value is out of its range
     */
    public TransportOptions withMaxPendingWait(Duration value) {
        return new TransportOptions(connectTimeout, responseTimeout, maxConnections, trustStore, maxResponseBytes,
            maxPendingCalls, value);
    }
}
