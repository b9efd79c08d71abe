package io.github.connectedcar.status.internal;

import io.github.connectedcar.auth.internal.TokenManager;
import io.github.connectedcar.auth.internal.TokenPolicy;
import io.github.connectedcar.exception.AuthenticationRequiredException;
import io.github.connectedcar.exception.ConnectedCarException;
import io.github.connectedcar.ford.internal.FordCalls;
import io.github.connectedcar.ford.internal.TelemetryMapper;
import io.github.connectedcar.http.AuthScheme;
import io.github.connectedcar.internal.Json;
import io.github.connectedcar.model.VehicleStatus;
import io.github.connectedcar.status.StatusStreamOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One car's status as a stream (docs/ford-api.md §6): a full telemetry read, then every change Autonomic pushes over the
 * websocket, merged into the last snapshot. The socket is opened first and the snapshot read once it is open, so no
 * change falls between the two. Keeps the socket alive by itself:
 * <ul>
 *   <li>the TMC token is rotated in-band ({@code {"accessToken":…}}) before it runs out, without reconnecting;</li>
 *   <li>silence longer than the watchdog, an {@code _error} frame or a dropped socket reopens it with a back-off
 *       that starts again only after a socket stayed healthy (a 401 renews the token first);</li>
 *   <li>when the socket cannot be kept open, the stream falls back to polling telemetry, keeps trying the socket
 *       with a back-off, and returns to push (reading the snapshot once) when it opens.</li>
 * </ul>
 * While the socket is open, {@link #frames()} hands each pushed change to listeners such as a command being
 * followed, so the command needs no telemetry polls.
 * Once the first snapshot has been read, only a lost login ends the stream with an error. The first telemetry read
 * itself is a plain read (retried by the pipeline's retry policy): when it still fails, its error ends the stream.
 */
public final class StatusStream {
    /** How long the first snapshot waits for the socket to open before it is read anyway. */
    static final Duration SNAPSHOT_WAIT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(StatusStream.class);

    private final String vin;
    private final FordCalls calls;
    private final TokenManager tokens;
    private final StatusStreamOptions options;
    private final StatusMetrics metrics;

    public StatusStream(String vin, FordCalls calls, TokenManager tokens, StatusStreamOptions options,
                        StatusMetrics metrics) {
        this.vin = vin;
        this.calls = calls;
        this.tokens = tokens;
        this.options = options;
        this.metrics = metrics;
        setPush(Push.UNKNOWN);
    }

    /** What an attempt to open the socket gave. */
    private enum Opening { OPENED, OPENED_AFTER_POLLING, FAILED }

    /** Whether the socket is open now: not known before the first attempt to open it. */
    public enum Push { UNKNOWN, OPEN, DOWN }

    /** The push state of the current subscription; DOWN after it ended. */
    private final Sinks.Many<Push> pushing = Sinks.many().replay().latest();
    /** The {@code _data} part of each pushed frame, as it arrives, for whoever listens at that moment. */
    private final Sinks.Many<JsonNode> frames = Sinks.many().multicast().directBestEffort();

    /** The stream; cold and lazy: each subscription reads telemetry and opens its own socket. */
    public Flux<VehicleStatus> flux() {
        return Flux.defer(() -> {
            Snapshot snapshot = new Snapshot(calls.clock());
            if (!options.webSocket()) {
                return telemetry().map(snapshot::replace).concatWith(polled(snapshot));
            }
            Sinks.Many<Opening> opens = Sinks.many().replay().latest();
            // True while the socket cannot be kept open and telemetry is polled instead.
            Sinks.Many<Boolean> polling = Sinks.many().replay().latest();
            // The snapshot is read once the socket first opens (or first fails), so no change falls in between.
            Mono<VehicleStatus> first = opens.asFlux().next()
                .timeout(SNAPSHOT_WAIT, Mono.just(Opening.FAILED))
                .then(telemetry())
                .map(snapshot::replace);
            // Changes made while the socket was down are read again on reopening: always when coming back from
            // polling, otherwise at most once per poll interval (a flapping socket must not cost more than polling).
            // (The first attempt, opened or failed, made the first read.)
            Flux<VehicleStatus> rereads = opens.asFlux().skip(1).filter(opening -> opening != Opening.FAILED)
                .filter(opening -> opening == Opening.OPENED_AFTER_POLLING
                    || snapshot.isOlderThan(options.pollInterval()))
                .concatMap(reopened -> telemetry().map(snapshot::replace)
                    .onErrorResume(error -> !(error instanceof AuthenticationRequiredException), error -> {
                        LOG.warn("Reading the status of {} after reopening its websocket failed ({})", vin,
                            error.getMessage());
                        return Mono.empty();
                    }));
            Flux<VehicleStatus> changes = pushed(opens, polling, true)
                .mapNotNull(data -> delivered(data, snapshot.apply(data)));
            Flux<VehicleStatus> fallback = polling.asFlux().distinctUntilChanged()
                .switchMap(on -> on ? polled(snapshot) : Flux.empty());
            // One item in flight per source: an inner queue made when two sources emit at once is kept for the
            // stream's life, and at fleet scale 32 slots per stream showed in the heap; each source buffers upstream.
            return Flux.merge(1, first, rereads, changes, fallback)
                .doFinally(signal -> setPush(Push.DOWN));
        }).distinctUntilChanged();
    }

    /**
     * Emits the push state. Serialized: the socket's thread, a cancel and a failure may set it at the same time, and
     * a lost update would leave a command waiting for pushes that never come.
     */
    private synchronized void setPush(Push state) {
        pushing.tryEmitNext(state);
    }

    /**
     * Only the socket, once: no snapshot read, no reopening; completes when the socket closes or cannot be opened.
     * What a command listens to for its duration when no stream is open for its car (one upgrade, cheaper than
     * polling the command's states). Frames go to {@link #frames()}; the items emitted here carry nothing else.
     */
    public Flux<Void> pushOnly() {
        return pushed(Sinks.many().replay().latest(), Sinks.many().replay().latest(), false)
            .onErrorResume(error -> Mono.empty())
            .doFinally(signal -> setPush(Push.DOWN))
            .thenMany(Flux.empty());
    }

    /**
     * Whether this stream's socket is open now, then each change of that; replays the latest. A command waits for
     * {@link Push#OPEN} before listening to {@link #frames()}.
     */
    public Flux<Push> pushing() {
        return pushing.asFlux();
    }

    /**
     * The {@code _data} part of each frame pushed from now on, while the stream is subscribed. Hot: frames pushed
     * before subscribing are not replayed.
     */
    public Flux<JsonNode> frames() {
        return frames.asFlux();
    }

    /** Counts the lag of a push that changed the status; gives the status (or {@code null}) on. */
    private VehicleStatus delivered(JsonNode data, VehicleStatus status) {
        // A push's updateTime replaces the snapshot's, so the merged status carries the push's stamp.
        if (status != null && data.has("updateTime")) {
            status.updateTime().ifPresent(stamped -> metrics.pushDelivered(stamped, calls.clock().instant()));
        }
        return status;
    }

    private Mono<VehicleStatus> telemetry() {
        return calls.status(vin);
    }

    // --- push --------------------------------------------------------------------------------------------------

    /**
     * The {@code _data} parts of pushed frames, across reconnects. The upgrade goes through the pipeline like any
     * call (token, a 401 renewed and retried once, lockout guard, budget, log); this stream only reopens the socket
     * with its back-off and rotates the token in-band while it is open.
     */
    private Flux<JsonNode> pushed(Sinks.Many<Opening> opens, Sinks.Many<Boolean> polling, boolean reopen) {
        AtomicReference<Instant> openedAt = new AtomicReference<>();
        AtomicBoolean onPolling = new AtomicBoolean();
        return Flux.defer(() -> {
                AtomicReference<String> sent = new AtomicReference<>();
                return calls.telemetryWebSocket(vin, rotations(sent))
                    .doOnNext(session -> {
                        sent.set(TokenPolicy.tokenOf(session.upgrade().request()).orElse(null));
                        openedAt.set(calls.clock().instant());
                        boolean backFromPolling = onPolling.getAndSet(false);
                        if (backFromPolling) {
                            LOG.info("The status websocket of {} is open again; back to push", vin);
                            polling.tryEmitNext(false);
                        }
                        setPush(Push.OPEN);
                        opens.tryEmitNext(backFromPolling ? Opening.OPENED_AFTER_POLLING : Opening.OPENED);
                    })
                    .flatMapMany(session -> session.frames()
                        .timeout(options.watchdog())
                        .map(frame -> handle(frame, sent))
                        .concatWith(Mono.error(() -> new SessionEnded("the server closed the socket"))))
                    .doOnError(error -> {
                        setPush(Push.DOWN);
                        opens.tryEmitNext(Opening.FAILED);
                    });
            })
            .retryWhen(reopen ? reconnects(openedAt, onPolling, polling) : Retry.max(0))
            .filter(Optional::isPresent)
            .map(Optional::get)
            .doOnNext(frames::tryEmitNext);
    }

    /**
     * Reopens the socket after a failure, waiting {@link StatusStreamOptions#reconnectDelay()} doubled per failure in
     * a row up to {@link StatusStreamOptions#maxReconnectDelay()}. Past {@link StatusStreamOptions#maxReconnects()}
     * failures in a row the stream polls telemetry meanwhile, and keeps trying the socket with a back-off that goes
     * on doubling from {@code maxReconnectDelay} up to {@link StatusStreamOptions#pollInterval()} (each attempt costs
     * a request, so it never costs more than polling does); the first socket that opens ends the polling. Only a
     * socket that stayed open for {@link StatusStreamOptions#healthyAfter()} starts the back-off again: frames alone
     * do not, or a server that sends {@code {}} and closes would be reopened every {@code reconnectDelay}. A lost
     * login is never retried.
     */
    private Retry reconnects(AtomicReference<Instant> openedAt, AtomicBoolean onPolling, Sinks.Many<Boolean> polling) {
        AtomicInteger failuresInARow = new AtomicInteger();
        return Retry.from(failures -> failures.concatMap(signal -> {
            Throwable failure = signal.failure();
            if (failure instanceof AuthenticationRequiredException) {
                return Mono.error(failure);
            }
            Instant opened = openedAt.getAndSet(null);
            if (opened != null && !calls.clock().instant().isBefore(opened.plus(options.healthyAfter()))) {
                failuresInARow.set(0);
            }
            int failuresSoFar = failuresInARow.incrementAndGet();
            Duration delay = backoff(failuresSoFar);
            if (failuresSoFar > options.maxReconnects()) {
                if (!onPolling.getAndSet(true)) {
                    LOG.warn("The status websocket of {} keeps failing ({}); polling every {} until it opens again",
                        vin, failure.getMessage(), options.pollInterval());
                    polling.tryEmitNext(true);
                }
                delay = backoffWhilePolling(failuresSoFar - options.maxReconnects());
            }
            LOG.info("Reopening the status websocket of {} in {} ({})", vin, delay, failure.getMessage());
            return Mono.delay(delay);
        }));
    }

    /** The wait before the {@code n}-th attempt (1 = first) while polling: doubled from maxReconnectDelay, capped. */
    private Duration backoffWhilePolling(int attempt) {
        Duration delay = options.maxReconnectDelay();
        for (int i = 1; i < attempt && delay.compareTo(options.pollInterval()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(options.pollInterval()) < 0 ? delay : options.pollInterval();
    }

    /** The wait before reopening after this many failures in a row: doubled each time, capped. */
    private Duration backoff(int failuresInARow) {
        Duration delay = options.reconnectDelay();
        for (int i = 1; i < failuresInARow && delay.compareTo(options.maxReconnectDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(options.maxReconnectDelay()) < 0 ? delay : options.maxReconnectDelay();
    }

    /** In-band token rotation: sends each new TMC token the manager hands out, ahead of the old one's expiry. */
    private Flux<String> rotations(AtomicReference<String> sent) {
        return Flux.interval(options.tokenCheckInterval())
            .concatMap(tick -> tokens.token(AuthScheme.TMC).onErrorResume(error -> Mono.empty()))
            .filter(token -> !token.equals(sent.getAndSet(token)))
            .map(token -> Json.MAPPER.writeValueAsString(Json.object().put("accessToken", token)));
    }

    /** One inbound frame: its {@code _data}, nothing (keep-alive, ack), or an error that reopens the socket. */
    private Optional<JsonNode> handle(String frame, AtomicReference<String> token) {
        if (frame == null || frame.isBlank()) {
            return Optional.empty();
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(frame);
        } catch (JacksonException e) {
            LOG.warn("Ignoring a status frame of {} that is not JSON ({} characters)", vin, frame.length());
            return Optional.empty();
        }
        if (node.has("_error")) {
            JsonNode error = node.get("_error");
            Long code = error.isObject() ? Json.number(error, "code") : null;
            if (code != null && code == 401) {
                tokens.rejected(AuthScheme.TMC, token.get());
            }
            String message = error.isObject() ? Json.text(error, "message")
                : error.isValueNode() ? error.asString() : error.toString();
            throw new SessionEnded("the server ended the session: " + message);
        }
        if (node.has("_httpStatus")) {
            LOG.debug("Status websocket of {} acknowledged with {}", vin, node.get("_httpStatus"));
            return Optional.empty();
        }
        JsonNode data = node.get("_data");
        return data != null && data.isObject() ? Optional.of(data) : Optional.empty(); // else {} keep-alive
    }

    // --- poll --------------------------------------------------------------------------------------------------

    private Flux<VehicleStatus> polled(Snapshot snapshot) {
        return Flux.interval(options.pollInterval())
            .onBackpressureDrop()
            .concatMap(tick -> telemetry()
                .map(snapshot::replace)
                .onErrorResume(error -> !(error instanceof AuthenticationRequiredException), error -> {
                    LOG.warn("Polling the status of {} failed ({}); trying again in {}", vin, error.getMessage(),
                        options.pollInterval());
                    return Mono.empty();
                }));
    }

    /**
     * The last full status, with pushes merged in key by key; each push shares every entry it does not change
     * ({@link VehicleStatus#withUpdate}), so this holds one compact snapshot, never a tree. Pushes that arrive
     * before the first snapshot are kept and applied to it.
     */
    private static final class Snapshot {
        private final Clock clock;
        private VehicleStatus current;
        private Instant readAt;
        private final List<JsonNode> early = new ArrayList<>();

        Snapshot(Clock clock) {
            this.clock = clock;
        }

        synchronized boolean isOlderThan(Duration age) {
            return readAt == null || readAt.plus(age).isBefore(clock.instant());
        }

        /** A full read replaces the snapshot; pushes that came before the first one are applied to it. */
        synchronized VehicleStatus replace(VehicleStatus status) {
            current = status;
            readAt = clock.instant();
            early.forEach(data -> current = TelemetryMapper.merge(current, data));
            early.clear();
            return current;
        }

        /** The status after a push, or {@code null} when there is nothing new to emit yet (heartbeat, no snapshot). */
        synchronized VehicleStatus apply(JsonNode data) {
            if (current == null) {
                early.add(data);
                return null;
            }
            current = TelemetryMapper.merge(current, data);
            return TelemetryMapper.isHeartbeat(data) ? null : current;
        }
    }

    /** The socket's session ended; reopening it is the cure. */
    static final class SessionEnded extends ConnectedCarException {
        SessionEnded(String message) {
            super(message);
        }
    }
}
