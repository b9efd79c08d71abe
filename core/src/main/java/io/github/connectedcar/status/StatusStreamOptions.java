package io.github.connectedcar.status;

import io.github.connectedcar.VehicleAsyncClient;
import java.time.Duration;
import java.util.Objects;

/**
 * How a car's status stream ({@link VehicleAsyncClient#statusUpdates()}) stays current. Immutable; every default is
 * a named constant.
 *
 * @param webSocket          listen to Autonomic's websocket push (polling is then only the fallback)
 * @param pollInterval       how often to read telemetry when polling (each read counts against Ford's daily limit)
 * @param watchdog           silence after which the socket counts as dead and is reopened
 * @param tokenCheckInterval how often the client checks whether the token rotated and must be sent in-band on its
 *                           open sockets (one check for all of them); must be shorter than the token manager's
 *                           TMC margin
 * @param reconnectDelay     the first wait before reopening a broken socket; doubled per failure
 * @param maxReconnectDelay  the longest wait between reopening attempts
 * @param maxReconnects      failures in a row (without a healthy socket in between) before falling back to polling
 * @param healthyAfter       how long a socket must stay open to count as healthy: only then does the next failure
 *                           start the back-off again from {@code reconnectDelay}. Frames alone prove nothing: a
 *                           server that sends {@code {}} and closes must be reopened ever more slowly.
 */
public record StatusStreamOptions(boolean webSocket, Duration pollInterval, Duration watchdog,
                                  Duration tokenCheckInterval, Duration reconnectDelay, Duration maxReconnectDelay,
                                  int maxReconnects, Duration healthyAfter) {

    public static final boolean DEFAULT_WEB_SOCKET = true;
    /** The field polls every 5-15 minutes; 15 minutes costs 96 of the roughly 250 calls a day allows. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMinutes(15);
    /** What the maintained clients use: Autonomic sends keep-alives well within this. */
    public static final Duration DEFAULT_WATCHDOG = Duration.ofSeconds(50);
    public static final Duration DEFAULT_TOKEN_CHECK_INTERVAL = Duration.ofSeconds(20);
    public static final Duration DEFAULT_RECONNECT_DELAY = Duration.ofSeconds(2);
    public static final Duration DEFAULT_MAX_RECONNECT_DELAY = Duration.ofMinutes(2);
    public static final int DEFAULT_MAX_RECONNECTS = 6;
    /** Longer than the watchdog: a socket that lived this long carried keep-alives through at least one check. */
    public static final Duration DEFAULT_HEALTHY_AFTER = Duration.ofMinutes(1);

    public StatusStreamOptions {
        requirePositive(pollInterval, "pollInterval");
        requirePositive(watchdog, "watchdog");
        requirePositive(tokenCheckInterval, "tokenCheckInterval");
        requirePositive(reconnectDelay, "reconnectDelay");
        requirePositive(maxReconnectDelay, "maxReconnectDelay");
        requirePositive(healthyAfter, "healthyAfter");
        if (maxReconnects < 0) {
            throw new IllegalArgumentException("maxReconnects must be 0 or more, was " + maxReconnects);
        }
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    public static StatusStreamOptions defaults() {
        return new StatusStreamOptions(DEFAULT_WEB_SOCKET, DEFAULT_POLL_INTERVAL, DEFAULT_WATCHDOG,
            DEFAULT_TOKEN_CHECK_INTERVAL, DEFAULT_RECONNECT_DELAY, DEFAULT_MAX_RECONNECT_DELAY, DEFAULT_MAX_RECONNECTS,
            DEFAULT_HEALTHY_AFTER);
    }

    /** Polling only, every {@code interval}. */
    public static StatusStreamOptions polling(Duration interval) {
        return defaults().withWebSocket(false).withPollInterval(interval);
    }

    public StatusStreamOptions withWebSocket(boolean value) {
        return new StatusStreamOptions(value, pollInterval, watchdog, tokenCheckInterval, reconnectDelay,
            maxReconnectDelay, maxReconnects, healthyAfter);
    }

    public StatusStreamOptions withPollInterval(Duration value) {
        return new StatusStreamOptions(webSocket, value, watchdog, tokenCheckInterval, reconnectDelay,
            maxReconnectDelay, maxReconnects, healthyAfter);
    }

    public StatusStreamOptions withWatchdog(Duration value) {
        return new StatusStreamOptions(webSocket, pollInterval, value, tokenCheckInterval, reconnectDelay,
            maxReconnectDelay, maxReconnects, healthyAfter);
    }

    public StatusStreamOptions withReconnects(int maxAttempts, Duration firstDelay, Duration maxDelay) {
        return new StatusStreamOptions(webSocket, pollInterval, watchdog, tokenCheckInterval, firstDelay, maxDelay,
            maxAttempts, healthyAfter);
    }

    public StatusStreamOptions withHealthyAfter(Duration value) {
        return new StatusStreamOptions(webSocket, pollInterval, watchdog, tokenCheckInterval, reconnectDelay,
            maxReconnectDelay, maxReconnects, value);
    }
}
