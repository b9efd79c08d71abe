package io.connectedcar.command;

import io.connectedcar.ford.internal.FordApi;
import java.time.Duration;
import java.util.Objects;

/**
 * How commands are followed and guarded. Immutable; every default is a named constant. Set the client's defaults
 * with {@code ConnectedCarClientBuilder.commandOptions(...)} and override them for some calls with
 * {@code VehicleAsyncClient.withCommandOptions(...)}.
 *
 * <p>Timeline of following a command, with the defaults: the POST is answered (REQUESTED); the first telemetry check
 * comes {@link #firstCheckDelay()} (2 s) later; then the checks are spaced by growing intervals
 * ({@link #pollInterval(int)}: 2, 3, 5, 8, 13, then {@link #maxPollInterval()} 15 s each) until a final state, or
 * until {@link #timeout()} (2 min; {@link #statusRefreshTimeout()} 5 min for a status refresh) has passed since the
 * POST was answered, which ends in TIMED_OUT. That is at most about a dozen telemetry calls per command. When the
 * car's status websocket is open (or, with websockets on, a socket the command opens for its duration), the states
 * arrive pushed and none of these checks is made; the timeout still applies.
 *
 * @param firstCheckDelay           from the POST's answer to the first telemetry check
 * @param initialPollInterval       the first interval between checks; later ones grow like the Fibonacci numbers
 * @param maxPollInterval           the longest interval between checks
 * @param timeout                   how long a command is followed before TIMED_OUT
 * @param statusRefreshTimeout      the same for a status refresh, which can take minutes
 * @param minStatusRefreshInterval  the least time between two status refreshes of one car (each drains the 12 V
 *                                  battery); {@link Duration#ZERO} turns the guard off
 * @param skipCapabilityCheck       send commands without checking the vehicle list's capability flags first
 * @param blockingMargin            what the blocking client waits beyond the timeout (for the POST and the checks)
 */
public record CommandOptions(Duration firstCheckDelay, Duration initialPollInterval, Duration maxPollInterval,
                             Duration timeout, Duration statusRefreshTimeout, Duration minStatusRefreshInterval,
                             boolean skipCapabilityCheck, Duration blockingMargin) {

    /** The car rarely answers faster; an earlier check would only cost budget. */
    public static final Duration DEFAULT_FIRST_CHECK_DELAY = Duration.ofSeconds(2);
    /** The wait after the first check; the waits grow from it. */
    public static final Duration DEFAULT_INITIAL_POLL_INTERVAL = Duration.ofSeconds(2);
    /** The longest wait between two checks. */
    public static final Duration DEFAULT_MAX_POLL_INTERVAL = Duration.ofSeconds(15);
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
     * @param firstCheckDelay          the wait between Ford's acceptance and the first telemetry check
     * @param initialPollInterval      the wait after the first check; the waits grow from it
     * @param maxPollInterval          the longest wait between two checks
     * @param timeout                  how long a command is followed before it ends as timed out
     * @param statusRefreshTimeout     how long a status refresh is followed
     * @param minStatusRefreshInterval the shortest interval between two status refreshes of a car (zero: no limit)
     * @param skipCapabilityCheck      send commands without checking the vehicle list's capability flags first
     * @param blockingMargin           what the blocking client waits beyond the timeout
     * @throws IllegalArgumentException when a duration is under 1 ms (the refresh interval: negative), or the longest
     *                                  poll interval is shorter than the first
     */
    public CommandOptions {
        positive(firstCheckDelay, "firstCheckDelay");
        positive(initialPollInterval, "initialPollInterval");
        positive(maxPollInterval, "maxPollInterval");
        positive(timeout, "timeout");
        positive(statusRefreshTimeout, "statusRefreshTimeout");
        positive(blockingMargin, "blockingMargin");
        Objects.requireNonNull(minStatusRefreshInterval, "minStatusRefreshInterval");
        if (minStatusRefreshInterval.isNegative()) {
            throw new IllegalArgumentException("minStatusRefreshInterval must not be negative, was "
                + minStatusRefreshInterval);
        }
        if (maxPollInterval.compareTo(initialPollInterval) < 0) {
            throw new IllegalArgumentException("maxPollInterval (" + maxPollInterval
                + ") must not be shorter than initialPollInterval (" + initialPollInterval + ")");
        }
    }

    private static void positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero() || value.toMillis() < 1) {
            throw new IllegalArgumentException(name + " must be at least 1 ms, was " + value);
        }
    }

    /** {@return the defaults: the {@code DEFAULT_...} constants} */
    public static CommandOptions defaults() {
        return new CommandOptions(DEFAULT_FIRST_CHECK_DELAY, DEFAULT_INITIAL_POLL_INTERVAL, DEFAULT_MAX_POLL_INTERVAL,
            DEFAULT_TIMEOUT, DEFAULT_STATUS_REFRESH_TIMEOUT, DEFAULT_MIN_STATUS_REFRESH_INTERVAL,
            DEFAULT_SKIP_CAPABILITY_CHECK, DEFAULT_BLOCKING_MARGIN);
    }

    /**
     * The wait after the {@code n}-th telemetry check (1 = after the first): {@link #initialPollInterval()}, then
     * 1.5 times that, then each the sum of the two before, capped at {@link #maxPollInterval()}.
     *
     * @param n the number of the check just made, from 1
     * @return the wait before the next check
     * @throws IllegalArgumentException when {@code n} is below 1
     */
    public Duration pollInterval(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("Checks are counted from 1, was " + n);
        }
        long cap = maxPollInterval.toMillis();
        long previous = initialPollInterval.toMillis();
        long current = Math.min(cap, previous + previous / 2);
        if (n == 1) {
            return Duration.ofMillis(Math.min(cap, previous));
        }
        for (int i = 2; i < n && current < cap; i++) {
            long next = Math.min(cap, previous + current);
            previous = current;
            current = next;
        }
        return Duration.ofMillis(current);
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
     * The most telemetry checks a command of this type can cost: as many as fit in its timeout.
     *
     * @param commandType Ford's command type, such as {@code remoteStart}
     * @return the number of checks, at least 1
     */
    public int maxChecksFor(String commandType) {
        long budget = timeoutFor(commandType).toMillis();
        long at = firstCheckDelay.toMillis();
        int checks = 0;
        while (at <= budget && checks < 10_000) {
            checks++;
            at += pollInterval(checks).toMillis();
        }
        return Math.max(1, checks);
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
     * A copy with another wait before the first check.
     *
     * @param value the new wait before the first check
     * @return the copy; this one is unchanged
     * @throws IllegalArgumentException when the value breaks the rules of the record
     */
    public CommandOptions withFirstCheckDelay(Duration value) {
        return new CommandOptions(value, initialPollInterval, maxPollInterval, timeout, statusRefreshTimeout,
            minStatusRefreshInterval, skipCapabilityCheck, blockingMargin);
    }

    /**
     * A copy with other waits between checks.
     *
     * @param initial the wait after the first check
     * @param max     the longest wait
     * @return the copy; this one is unchanged
     * @throws IllegalArgumentException when a wait is under 1 ms or {@code max} is shorter than {@code initial}
     */
    public CommandOptions withPollIntervals(Duration initial, Duration max) {
        return new CommandOptions(firstCheckDelay, initial, max, timeout, statusRefreshTimeout,
            minStatusRefreshInterval, skipCapabilityCheck, blockingMargin);
    }

    /**
     * A copy with another timeout of following a command.
     *
     * @param value the new timeout of following a command
     * @return the copy; this one is unchanged
     * @throws IllegalArgumentException when the value breaks the rules of the record
     */
    public CommandOptions withTimeout(Duration value) {
        return new CommandOptions(firstCheckDelay, initialPollInterval, maxPollInterval, value, statusRefreshTimeout,
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
        return new CommandOptions(firstCheckDelay, initialPollInterval, maxPollInterval, timeout, value,
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
        return new CommandOptions(firstCheckDelay, initialPollInterval, maxPollInterval, timeout,
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
        return new CommandOptions(firstCheckDelay, initialPollInterval, maxPollInterval, timeout,
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
        return new CommandOptions(firstCheckDelay, initialPollInterval, maxPollInterval, timeout,
            statusRefreshTimeout, minStatusRefreshInterval, skipCapabilityCheck, value);
    }
}
