package io.github.connectedcar.simulator.fault;

import java.time.Duration;
import java.util.Objects;

/**
 * A misbehaviour to inject into the simulated cloud, for requests whose path starts with a prefix. Immutable; build
 * with the static factories and refine with {@link #onPath(String)} and {@link #times(int)}.
 *
 * <p>Kinds that answer before the service runs ({@link Kind#HTTP_STATUS}, {@link Kind#RATE_LIMITED},
 * {@link Kind#CONNECTION_RESET}) mean the request never arrived: nothing changes. {@link Kind#RESPONSE_LOST} and
 * {@link Kind#MALFORMED_BODY} let the service do its work and then spoil the answer, which is how a client learns
 * that a command it sent may have been executed although it saw no valid response.
 */
public final class Fault {

    /** What goes wrong. */
    public enum Kind {
        /** The answer is delayed (real time); combinable with the others. */
        LATENCY,
        /** The request is answered with an error status (5xx usually) and a small JSON body. */
        HTTP_STATUS,
        /** Ford throttles: 429 with {@code Retry-After}. */
        RATE_LIMITED,
        /** The connection is reset (TCP RST) before the request is processed. */
        CONNECTION_RESET,
        /** The request is processed, then the connection is reset instead of answering. */
        RESPONSE_LOST,
        /** The request is processed, then the body is cut in half (invalid JSON) with the real status. */
        MALFORMED_BODY
    }

    /** Without {@link #times(int)}, a fault applies to this many requests. */
    public static final int DEFAULT_TIMES = 1;
    /** {@link #times()} of a fault that never runs out. */
    public static final int UNLIMITED = -1;

    private final Kind kind;
    private final String pathPrefix;
    private final int times;
    private final int status;
    private final Duration latency;
    private final Duration retryAfter;

    private Fault(Kind kind, String pathPrefix, int times, int status, Duration latency, Duration retryAfter) {
        this.kind = kind;
        this.pathPrefix = pathPrefix;
        this.times = times;
        this.status = status;
        this.latency = latency;
        this.retryAfter = retryAfter;
    }

    /**
     * Delays answers by {@code delay} of real time.
     *
     * @throws IllegalArgumentException for a negative or over-a-minute delay
     */
    public static Fault latency(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative() || delay.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("latency must be within [0, 60 s], got " + delay);
        }
        return new Fault(Kind.LATENCY, "/", DEFAULT_TIMES, 0, delay, Duration.ZERO);
    }

    /**
     * Answers with this status instead of processing the request.
     *
     * @throws IllegalArgumentException unless {@code 400 <= status <= 599}
     */
    public static Fault status(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("An injected status must be 4xx or 5xx, got " + status);
        }
        return new Fault(Kind.HTTP_STATUS, "/", DEFAULT_TIMES, status, Duration.ZERO, Duration.ZERO);
    }

    /**
     * Answers 429 with this {@code Retry-After} (whole seconds).
     *
     * @throws IllegalArgumentException for a negative duration
     */
    public static Fault rateLimited(Duration retryAfter) {
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative");
        }
        return new Fault(Kind.RATE_LIMITED, "/", DEFAULT_TIMES, 429, Duration.ZERO, retryAfter);
    }

    /** Resets the connection before the request is processed. */
    public static Fault connectionReset() {
        return new Fault(Kind.CONNECTION_RESET, "/", DEFAULT_TIMES, 0, Duration.ZERO, Duration.ZERO);
    }

    /** Processes the request, then resets the connection instead of answering. */
    public static Fault responseLost() {
        return new Fault(Kind.RESPONSE_LOST, "/", DEFAULT_TIMES, 0, Duration.ZERO, Duration.ZERO);
    }

    /** Processes the request, then sends only the first half of the body. */
    public static Fault malformedBody() {
        return new Fault(Kind.MALFORMED_BODY, "/", DEFAULT_TIMES, 0, Duration.ZERO, Duration.ZERO);
    }

    /**
     * Limits the fault to paths starting with {@code prefix} (e.g. {@code /v1/telemetry}); the default is every
     * path except the admin API.
     *
     * @throws IllegalArgumentException unless the prefix starts with '/'
     */
    public Fault onPath(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        if (!prefix.startsWith("/")) {
            throw new IllegalArgumentException("A path prefix starts with '/', got '" + prefix + "'");
        }
        return new Fault(kind, prefix, times, status, latency, retryAfter);
    }

    /**
     * Applies to the next {@code n} matching requests.
     *
     * @throws IllegalArgumentException unless n >= 1
     */
    public Fault times(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("times must be >= 1, got " + n);
        }
        return new Fault(kind, pathPrefix, n, status, latency, retryAfter);
    }

    /** Applies to every matching request until the faults are cleared. */
    public Fault always() {
        return new Fault(kind, pathPrefix, UNLIMITED, status, latency, retryAfter);
    }

    public Kind kind() {
        return kind;
    }

    public String pathPrefix() {
        return pathPrefix;
    }

    /** How many requests it applies to, or {@link #UNLIMITED}. */
    public int times() {
        return times;
    }

    /** The injected status ({@link Kind#HTTP_STATUS}, {@link Kind#RATE_LIMITED}), else 0. */
    public int status() {
        return status;
    }

    public Duration latency() {
        return latency;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whether it answers in place of the service. */
    boolean preventsProcessing() {
        return kind == Kind.HTTP_STATUS || kind == Kind.RATE_LIMITED || kind == Kind.CONNECTION_RESET;
    }

    /** Whether it spoils the service's answer. */
    boolean spoilsResponse() {
        return kind == Kind.RESPONSE_LOST || kind == Kind.MALFORMED_BODY;
    }

    @Override
    public String toString() {
        String detail = switch (kind) {
            case LATENCY -> " " + latency.toMillis() + " ms";
            case HTTP_STATUS -> " " + status;
            case RATE_LIMITED -> " Retry-After " + retryAfter.toSeconds() + " s";
            default -> "";
        };
        return "Fault[" + kind + detail + " on " + pathPrefix + "*, " + (times == UNLIMITED ? "always" : times + "x")
            + "]";
    }
}
