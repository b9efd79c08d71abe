package io.github.connectedcar.command;

import io.github.connectedcar.ford.internal.FordApi;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How commands are followed and guarded. Immutable; every default is a named constant. Set the client's defaults
 * with {@code ConnectedCarClientBuilder.commandOptions(...)} and override them for some calls with
 * {@code VehicleAsyncClient.withCommandOptions(...)}.
 *
 * <p>Following a command without push costs at most the POST and {@value #MAX_CHECKS} telemetry reads: the checks
 * come at fixed times after the POST was answered ({@link #checks()}, by default 12 s, 45 s and 2 min: most commands
 * end within 10 to 60 s, see docs/ford-api.md &sect;5.2; {@link #statusRefreshChecks()} 65 s, 150 s and 5 min for a
 * status refresh, which takes minutes). A check that sees a final state ends the following; when the last check still
 * sees the command pending, or {@link #timeout()} passes first, it ends in TIMED_OUT (the car may still act on it).
 * A check that fails in passing (transport, 5xx, an unreadable body, Ford's 429) is not repeated: the next scheduled
 * check is the retry, no sooner than Ford's {@code Retry-After}; when the last check fails, the outcome is unknown.
 * When the car's status websocket is open (or, with websockets on, a socket the command opens for its duration), the
 * states arrive pushed and none of these checks is made; {@link #timeout()} still applies.
 *
 * @param checks                    when the telemetry is checked, measured from the POST's answer: 1 to
 *                                  {@value #MAX_CHECKS} increasing times
 * @param statusRefreshChecks       the same for a status refresh
 * @param timeout                   how long a command is followed before TIMED_OUT
 * @param statusRefreshTimeout      the same for a status refresh, which can take minutes
 * @param minStatusRefreshInterval  the least time between two status refreshes of one car (each drains the 12 V
 *                                  battery); {@link Duration#ZERO} turns the guard off
 * @param skipCapabilityCheck       send commands without checking the vehicle list's capability flags first
 * @param blockingMargin            what the blocking client waits beyond the timeout (for the POST and the checks)
 */
public record CommandOptions(List<Duration> checks, List<Duration> statusRefreshChecks, Duration timeout,
                             Duration statusRefreshTimeout, Duration minStatusRefreshInterval,
                             boolean skipCapabilityCheck, Duration blockingMargin) {

    /** The most telemetry checks one command may cost: with the POST, four requests in all. */
    public static final int MAX_CHECKS = 3;
    /**
     * When a command is checked: the simulator ends a command after 10 s and Ford most within 60 s, so the first
     * check usually sees the end; the last comes at the timeout, late enough to see Ford's EXPIRED for a car asleep.
     */
    public static final List<Duration> DEFAULT_CHECKS = List.of(Duration.ofSeconds(12), Duration.ofSeconds(45),
        Duration.ofMinutes(2));
    /** When a status refresh is checked: the simulator ends one after 60 s, Ford within minutes. */
    public static final List<Duration> DEFAULT_STATUS_REFRESH_CHECKS = List.of(Duration.ofSeconds(65),
        Duration.ofSeconds(150), Duration.ofMinutes(5));
    /** Typical completion takes 5 to 60 seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);
    /** A status refresh can take minutes. */
    public static final Duration DEFAULT_STATUS_REFRESH_TIMEOUT = Duration.ofMinutes(5);
    /** What the maintained clients settled on: at most one refresh every 15 minutes. */
    public static final Duration DEFAULT_MIN_STATUS_REFRESH_INTERVAL = Duration.ofMinutes(15);
    /** Commands check the vehicle list's capability flags first. */
    public static final boolean DEFAULT_SKIP_CAPABILITY_CHECK = false;
    /** Room for the POST and the last check beyond a command's timeout. */
    public static final Duration DEFAULT_BLOCKING_MARGIN = Duration.ofSeconds(30);

    /**
     * Checks the options.
     *
     * @param checks                   when a command's telemetry is checked, from the POST's answer
     * @param statusRefreshChecks      when a status refresh's telemetry is checked
     * @param timeout                  how long a command is followed before it ends as timed out
     * @param statusRefreshTimeout     how long a status refresh is followed
     * @param minStatusRefreshInterval the shortest interval between two status refreshes of a car (zero: no limit)
     * @param skipCapabilityCheck      send commands without checking the vehicle list's capability flags first
     * @param blockingMargin           what the blocking client waits beyond the timeout
     * @throws IllegalArgumentException when a duration is under 1 ms (the refresh interval: negative), or a list of
     *                                  checks is empty, longer than {@value #MAX_CHECKS} or not increasing
     */
    public CommandOptions {
        checks = schedule(checks, "checks");
        statusRefreshChecks = schedule(statusRefreshChecks, "statusRefreshChecks");
        positive(timeout, "timeout");
        positive(statusRefreshTimeout, "statusRefreshTimeout");
        positive(blockingMargin, "blockingMargin");
        Objects.requireNonNull(minStatusRefreshInterval, "minStatusRefreshInterval");
        if (minStatusRefreshInterval.isNegative()) {
            throw new IllegalArgumentException("minStatusRefreshInterval must not be negative, was "
                + minStatusRefreshInterval);
        }
    }

    private static List<Duration> schedule(List<Duration> times, String name) {
        Objects.requireNonNull(times, name);
        if (times.isEmpty() || times.size() > MAX_CHECKS) {
            throw new IllegalArgumentException(name + " must hold 1 to " + MAX_CHECKS + " times (each check is a "
                + "telemetry request), was " + times);
        }
        Duration previous = Duration.ZERO;
        for (Duration at : times) {
            positive(at, name);
            if (at.compareTo(previous) <= 0) {
                throw new IllegalArgumentException(name + " must be increasing, was " + times);
            }
            previous = at;
        }
        return List.copyOf(times);
    }

    private static void positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero() || value.toMillis() < 1) {
            throw new IllegalArgumentException(name + " must be at least 1 ms, was " + value);
        }
    }

    /** {@return the defaults: the {@code DEFAULT_...} constants} */
    public static CommandOptions defaults() {
        return new CommandOptions(DEFAULT_CHECKS, DEFAULT_STATUS_REFRESH_CHECKS, DEFAULT_TIMEOUT,
            DEFAULT_STATUS_REFRESH_TIMEOUT, DEFAULT_MIN_STATUS_REFRESH_INTERVAL, DEFAULT_SKIP_CAPABILITY_CHECK,
            DEFAULT_BLOCKING_MARGIN);
    }

    /**
     * When a command of this type is checked without push: {@link #statusRefreshChecks()} for a status refresh.
     *
     * @param commandType Ford's command type, such as {@code remoteStart}
     * @return the times from the POST's answer, increasing, at most {@value #MAX_CHECKS}
     */
    public List<Duration> checksFor(String commandType) {
        return FordApi.Commands.STATUS_REFRESH.type().equals(commandType) ? statusRefreshChecks : checks;
    }

    /**
     * How long a command of this type is followed: {@link #statusRefreshTimeout()} for a status refresh.
     *
     * @param commandType Ford's command type, such as {@code statusRefresh}
     * @return the timeout
     */
    public Duration timeoutFor(String commandType) {
        return FordApi.Commands.STATUS_REFRESH.type().equals(commandType) ? statusRefreshTimeout : timeout;
    }

    /**
     * How long the blocking client waits for a command of this type: its timeout plus {@link #blockingMargin()}.
     *
     * @param commandType Ford's command type, such as {@code remoteStart}
     * @return the wait
     */
    public Duration blockingTimeoutFor(String commandType) {
        return timeoutFor(commandType).plus(blockingMargin);
    }

    /**
     * A copy with other times of checking a command without push.
     *
     * @param times when the telemetry is checked, from the POST's answer: 1 to {@value #MAX_CHECKS} increasing times
     * @return the copy; this one is unchanged
     * @throws IllegalArgumentException when the times break the rules of the record
     */
    public CommandOptions withChecks(Duration... times) {
        return new CommandOptions(List.of(times), statusRefreshChecks, timeout, statusRefreshTimeout,
            minStatusRefreshInterval, skipCapabilityCheck, blockingMargin);
    }

    /**
     * A copy with other times of checking a status refresh without push.
     *
     * @param times when the telemetry is checked, from the POST's answer: 1 to {@value #MAX_CHECKS} increasing times
     * @return the copy; this one is unchanged
     * @throws IllegalArgumentException when the times break the rules of the record
     */
    public CommandOptions withStatusRefreshChecks(Duration... times) {
        return new CommandOptions(checks, List.of(times), timeout, statusRefreshTimeout, minStatusRefreshInterval,
            skipCapabilityCheck, blockingMargin);
    }

    /**
     * A copy with another timeout of following a command.
     *
     * @param value the new timeout of following a command
     * @return the copy; this one is unchanged
     * @throws IllegalArgumentException when the value breaks the rules of the record
     */
    public CommandOptions withTimeout(Duration value) {
        return new CommandOptions(checks, statusRefreshChecks, value, statusRefreshTimeout,
            minStatusRefreshInterval, skipCapabilityCheck, blockingMargin);
    }

    /**
     * A copy with another timeout of following a status refresh.
     *
     * @param value the new timeout of following a status refresh
     * @return the copy; this one is unchanged
     * @throws IllegalArgumentException when the value breaks the rules of the record
     */
    public CommandOptions withStatusRefreshTimeout(Duration value) {
        return new CommandOptions(checks, statusRefreshChecks, timeout, value,
            minStatusRefreshInterval, skipCapabilityCheck, blockingMargin);
    }

    /**
     * A copy with another shortest interval between two status refreshes of a car.
     *
     * @param value the new shortest interval between two status refreshes of a car
     * @return the copy; this one is unchanged
     * @throws IllegalArgumentException when the value breaks the rules of the record
     */
    public CommandOptions withMinStatusRefreshInterval(Duration value) {
        return new CommandOptions(checks, statusRefreshChecks, timeout,
            statusRefreshTimeout, value, skipCapabilityCheck, blockingMargin);
    }

    /**
     * A copy with another choice whether to skip the capability check.
     *
     * @param value the new choice whether to skip the capability check
     * @return the copy; this one is unchanged
     * @throws IllegalArgumentException when the value breaks the rules of the record
     */
    public CommandOptions withSkipCapabilityCheck(boolean value) {
        return new CommandOptions(checks, statusRefreshChecks, timeout,
            statusRefreshTimeout, minStatusRefreshInterval, value, blockingMargin);
    }

    /**
     * A copy with another margin of the blocking client.
     *
     * @param value the new margin of the blocking client
     * @return the copy; this one is unchanged
     * @throws IllegalArgumentException when the value breaks the rules of the record
     */
    public CommandOptions withBlockingMargin(Duration value) {
        return new CommandOptions(checks, statusRefreshChecks, timeout,
            statusRefreshTimeout, minStatusRefreshInterval, skipCapabilityCheck, value);
    }
}
