package io.connectedcar.http;

import java.security.KeyStore;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a transport. Immutable; every default is a named constant.
 *
 * @param connectTimeout  how long to wait for a connection
 * @param responseTimeout how long to wait for a response once the request is written
 * @param maxConnections  the size of the connection pool
 * @param trustStore      the certificates to trust, or {@code null} for the JDK's trust store
 */
public record TransportOptions(Duration connectTimeout, Duration responseTimeout, int maxConnections,
                               KeyStore trustStore) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_CONNECTIONS = 16;

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
    }

    public static TransportOptions defaults() {
        return new TransportOptions(DEFAULT_CONNECT_TIMEOUT, DEFAULT_RESPONSE_TIMEOUT, DEFAULT_MAX_CONNECTIONS, null);
    }

    public TransportOptions withConnectTimeout(Duration value) {
        return new TransportOptions(value, responseTimeout, maxConnections, trustStore);
    }

    public TransportOptions withResponseTimeout(Duration value) {
        return new TransportOptions(connectTimeout, value, maxConnections, trustStore);
    }

    public TransportOptions withMaxConnections(int value) {
        return new TransportOptions(connectTimeout, responseTimeout, value, trustStore);
    }

    public TransportOptions withTrustStore(KeyStore value) {
        return new TransportOptions(connectTimeout, responseTimeout, maxConnections, value);
    }
}
