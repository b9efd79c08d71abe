package io.connectedcar.status.internal;

import io.connectedcar.auth.internal.TokenManager;
import io.connectedcar.auth.internal.TokenPolicy;
import io.connectedcar.exception.AuthenticationRequiredException;
import io.connectedcar.exception.ConnectedCarException;
import io.connectedcar.ford.internal.FordCalls;
import io.connectedcar.ford.internal.TelemetryMapper;
import io.connectedcar.http.AuthScheme;
import io.connectedcar.internal.Json;
import io.connectedcar.model.VehicleStatus;
import io.connectedcar.status.StatusStreamOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 *   <li>when the socket cannot be kept open, the stream falls back to polling telemetry.</li>
 * </ul>
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
    }

    /** The stream; cold and lazy: each subscription reads telemetry and opens its own socket. */
    public Flux<VehicleStatus> flux() {
        return Flux.defer(() -> {
            Snapshot snapshot = new Snapshot(calls.clock());
            if (!options.webSocket()) {
                return telemetry().map(snapshot::replace).concatWith(polled(snapshot));
            }
            // true each time the socket opens, false when an attempt fails.
            Sinks.Many<Boolean> opens = Sinks.many().replay().all();
            // The snapshot is read once the socket first opens (or first fails), so no change falls in between.
            Mono<VehicleStatus> first = opens.asFlux().next()
                .timeout(SNAPSHOT_WAIT, Mono.just(false))
                .then(telemetry())
                .map(snapshot::replace);
            // Changes made while the socket was down are read again on reopening, at most once per poll interval
            // (a flapping socket must not cost more than polling would).
            Flux<VehicleStatus> rereads = opens.asFlux().filter(Boolean::booleanValue).skip(1)
                .filter(reopened -> snapshot.isOlderThan(options.pollInterval()))
                .concatMap(reopened -> telemetry().map(snapshot::replace)
                    .onErrorResume(error -> !(error instanceof AuthenticationRequiredException), error -> {
                        LOG.warn("Reading the status of {} after reopening its websocket failed ({})", vin,
                            error.getMessage());
                        return Mono.empty();
                    }));
            Flux<VehicleStatus> changes = pushed(opens)
                .mapNotNull(data -> delivered(data, snapshot.apply(data)))
                .onErrorResume(error -> !(error instanceof AuthenticationRequiredException), error -> {
                    LOG.warn("The status websocket of {} keeps failing ({}); polling every {} instead", vin,
                        error.getMessage(), options.pollInterval());
                    return polled(snapshot);
                });
            return Flux.merge(first, rereads, changes);
        }).distinctUntilChanged();
    }

    /** Counts the lag of a push that changed the status; gives the status (or {@code null}) on. */
    private VehicleStatus delivered(JsonNode data, VehicleStatus status) {
        // A push's updateTime replaces the snapshot's, so the merged status carries the push's stamp.
        if (status != null && data.has("updateTime")) {
            status.updateTime().ifPresent(stamped -> metrics.pushDelivered(stamped, calls.clock().instant()));
        }
        return status;
    }

    private Mono<JsonNode> telemetry() {
        return calls.telemetry(vin);
    }

    // --- push --------------------------------------------------------------------------------------------------

    /**
     * The {@code _data} parts of pushed frames, across reconnects. The upgrade goes through the pipeline like any
     * call (token, a 401 renewed and retried once, lockout guard, budget, log); this stream only reopens the socket
     * with its back-off and rotates the token in-band while it is open.
     */
    private Flux<JsonNode> pushed(Sinks.Many<Boolean> opens) {
        AtomicReference<Instant> openedAt = new AtomicReference<>();
        return Flux.defer(() -> {
                AtomicReference<String> sent = new AtomicReference<>();
                return calls.telemetryWebSocket(vin, rotations(sent))
                    .doOnNext(session -> {
                        sent.set(TokenPolicy.tokenOf(session.upgrade().request()).orElse(null));
                        openedAt.set(calls.clock().instant());
                        opens.tryEmitNext(true);
                    })
                    .flatMapMany(session -> session.frames()
                        .timeout(options.watchdog())
                        .map(frame -> handle(frame, sent))
                        .concatWith(Mono.error(() -> new SessionEnded("the server closed the socket"))))
                    .doOnError(error -> opens.tryEmitNext(false));
            })
            .retryWhen(reconnects(openedAt))
            .filter(Optional::isPresent)
            .map(Optional::get);
    }

    /**
     * Reopens the socket after a failure, waiting {@link StatusStreamOptions#reconnectDelay()} doubled per failure in
     * a row up to {@link StatusStreamOptions#maxReconnectDelay()}; past {@link StatusStreamOptions#maxReconnects()}
     * the failure ends the push (and the stream polls). Only a socket that stayed open for
     * {@link StatusStreamOptions#healthyAfter()} starts the back-off again: frames alone do not, or a server that
     * sends {@code {}} and closes would be reopened every {@code reconnectDelay}. A lost login is never retried.
     */
    private Retry reconnects(AtomicReference<Instant> openedAt) {
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
            if (failuresSoFar > options.maxReconnects()) {
                return Mono.error(failure);
            }
            Duration delay = backoff(failuresSoFar);
            LOG.info("Reopening the status websocket of {} in {} ({})", vin, delay, failure.getMessage());
            return Mono.delay(delay);
        }));
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
     * The last full telemetry, with pushes merged in key by key. Pushes that arrive before the first snapshot are
     * kept and applied to it.
     */
    private static final class Snapshot {
        private final Clock clock;
        private JsonNode current;
        private Instant readAt;
        private final List<JsonNode> early = new ArrayList<>();

        Snapshot(Clock clock) {
            this.clock = clock;
        }

        synchronized boolean isOlderThan(Duration age) {
            return readAt == null || readAt.plus(age).isBefore(clock.instant());
        }

        synchronized VehicleStatus replace(JsonNode telemetry) {
            current = telemetry;
            readAt = clock.instant();
            early.forEach(data -> current = TelemetryMapper.merge(current, data));
            early.clear();
            return TelemetryMapper.toStatus(current);
        }

        /** The status after a push, or {@code null} when there is nothing new to emit yet. */
        synchronized VehicleStatus apply(JsonNode data) {
            if (current == null) {
                early.add(data);
                return null;
            }
            current = TelemetryMapper.merge(current, data);
            boolean heartbeat = data.size() == 1 && data.has("updateTime");
            return heartbeat ? null : TelemetryMapper.toStatus(current);
        }
    }

    /** The socket's session ended; reopening it is the cure. */
    static final class SessionEnded extends ConnectedCarException {
        SessionEnded(String message) {
            super(message);
        }
    }
}
