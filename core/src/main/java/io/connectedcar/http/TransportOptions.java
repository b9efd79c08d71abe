package io.connectedcar.http;

import java.security.KeyStore;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a transport. Immutable; every default is a named constant.
 *
 * @param connectTimeout  how long to wait for a connection
 * @param responseTimeout how long to wait for a response once the request is written
 * @param maxConnections   the size of the connection pool
 * @param trustStore       the certificates to trust, or {@code null} for the JDK's trust store
 * @param maxResponseBytes the largest response body accepted, after inflating gzip; a larger one ends the call with
 *                         {@link ResponseTooLargeException} and its connection is closed
 */
public record TransportOptions(Duration connectTimeout, Duration responseTimeout, int maxConnections,
                               KeyStore trustStore, int maxResponseBytes) {

    /** The longest wait for a connection. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The longest silence between two reads of an answer. */
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(30);
    /** Connections kept per host. */
    public static final int DEFAULT_MAX_CONNECTIONS = 16;
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
    }

    /** {@return the defaults: the {@code DEFAULT_...} constants} */
    public static TransportOptions defaults() {
        return new TransportOptions(DEFAULT_CONNECT_TIMEOUT, DEFAULT_RESPONSE_TIMEOUT, DEFAULT_MAX_CONNECTIONS, null,
            DEFAULT_MAX_RESPONSE_BYTES);
    }

    /**
     * A copy with another {@code connectTimeout}.
     *
     * @param value how long to wait for a connection
     * @return the copy; this one is unchanged
     * @throws IllegalArgumentException when the value is out of its range
     */
    public TransportOptions withConnectTimeout(Duration value) {
        return new TransportOptions(value, responseTimeout, maxConnections, trustStore, maxResponseBytes);
    }

    /**
     * A copy with another {@code responseTimeout}.
     *
     * @param value how long to wait for a response once the request is written
     * @return the copy; this one is unchanged
     * @throws IllegalArgumentException when the value is out of its range
     */
    public TransportOptions withResponseTimeout(Duration value) {
        return new TransportOptions(connectTimeout, value, maxConnections, trustStore, maxResponseBytes);
    }

    /**
     * A copy with another {@code maxConnections}.
     *
     * @param value the size of the connection pool
     * @return the copy; this one is unchanged
     * @throws IllegalArgumentException when the value is out of its range
     */
    public TransportOptions withMaxConnections(int value) {
        return new TransportOptions(connectTimeout, responseTimeout, value, trustStore, maxResponseBytes);
    }

    /**
     * A copy with another {@code trustStore}.
     *
     * @param value the certificates to trust, or {@code null} for the JDK's trust store
     * @return the copy; this one is unchanged
     * @throws IllegalArgumentException when the value is out of its range
     */
    public TransportOptions withTrustStore(KeyStore value) {
        return new TransportOptions(connectTimeout, responseTimeout, maxConnections, value, maxResponseBytes);
    }

    /**
     * A copy with another {@code maxResponseBytes}.
     *
     * @param value the largest response body accepted, after inflating gzip; a larger one ends the call with {@link ResponseTooLargeException} and its connection is closed
     * @return the copy; this one is unchanged
     * @throws IllegalArgumentException when the value is out of its range
     */
    public TransportOptions withMaxResponseBytes(int value) {
        return new TransportOptions(connectTimeout, responseTimeout, maxConnections, trustStore, value);
    }
}
