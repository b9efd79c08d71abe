package io.github.connectedcar.simulator.internal.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.Connection;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

import io.github.connectedcar.simulator.internal.account.AccountState;
import io.github.connectedcar.simulator.internal.auth.IssuedToken;
import io.github.connectedcar.simulator.internal.http.ApiException;
import io.github.connectedcar.simulator.internal.http.Json;
import io.github.connectedcar.simulator.internal.http.SimRequest;
import io.github.connectedcar.simulator.internal.http.WebsocketEndpoint;
import io.github.connectedcar.simulator.internal.world.VehicleUpdateListener;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Autonomic's websocket push (docs/ford-api.md §6) at {@code /v1beta/telemetry/sources/fordpass/vehicles/{vin}/ws}:
 * keep-alives ({@code {}}) at an interval of simulated time, a {@code {"_data":…}} frame with the changed metrics,
 * states and events whenever the car changes, in-band token rotation ({@code {"accessToken":…}} answered with
 * {@code {"_httpStatus":202}}), and {@code {"_error":{"code":401,…}}} followed by a close when the session's token
 * expires without rotation.
 */
public final class PushService implements WebsocketEndpoint, VehicleUpdateListener {

    private static final Logger LOG = LoggerFactory.getLogger(PushService.class);
    private static final Pattern PATH = Pattern.compile("/v1beta/telemetry/sources/fordpass/vehicles/([^/]+)/ws");

    private final ServiceContext context;
    private final Guards guards;
    private final Duration keepAliveInterval;
    private final Set<Session> sessions = ConcurrentHashMap.newKeySet();

    PushService(ServiceContext context, Guards guards, Duration keepAliveInterval) {
        this.context = context;
        this.guards = guards;
        this.keepAliveInterval = Objects.requireNonNull(keepAliveInterval, "keepAliveInterval");
    }

    /** One open websocket. Frames are emitted under the session's monitor, so concurrent senders stay ordered. */
    private final class Session {
        final String vin;
        final String username;
        final String path;
        final Sinks.Many<String> frames = Sinks.many().unicast().onBackpressureBuffer();
        volatile Connection connection;
        private Instant tokenExpiresAt;
        private Instant nextKeepAlive;
        private boolean closed;

        Session(String vin, String username, String path, Instant tokenExpiresAt, Instant now) {
            this.vin = vin;
            this.username = username;
            this.path = path;
            this.tokenExpiresAt = tokenExpiresAt;
            this.nextKeepAlive = now.plus(keepAliveInterval);
        }

        synchronized void send(String frame) {
            if (!closed) {
                frames.tryEmitNext(frame);
            }
        }

        /** Sends a last frame and ends the session; the server then closes the websocket normally. */
        synchronized void closeWith(String lastFrame) {
            if (!closed) {
                frames.tryEmitNext(lastFrame);
                closed = true;
                frames.tryEmitComplete();
            }
        }

        /** Ends the frame stream (if not yet ended) without touching the connection. */
        synchronized void end() {
            if (!closed) {
                closed = true;
                frames.tryEmitComplete();
            }
        }

        /** Tears the connection down without a close handshake (a dropped network). */
        synchronized void drop() {
            end();
            Connection c = connection;
            if (c != null) {
                c.channel().close();
            }
        }

        synchronized void rotate(Instant newExpiry) {
            tokenExpiresAt = newExpiry;
        }

        /** Keep-alive and token-expiry bookkeeping at simulated time {@code now}. */
        synchronized void tick(Instant now) {
            if (closed) {
                return;
            }
            if (!now.isBefore(tokenExpiresAt)) {
                closeWith(Json.write(errorFrame(401, "provided token was expired")));
                return;
            }
            if (!now.isBefore(nextKeepAlive)) {
                frames.tryEmitNext("{}");
                nextKeepAlive = now.plus(keepAliveInterval);
            }
        }
    }

    @Override
    public boolean handles(String path) {
        return PATH.matcher(path).matches();
    }

    @Override
    public Acceptance accept(SimRequest request) {
        Matcher m = PATH.matcher(request.path());
        if (!m.matches()) {
            throw Guards.autonomicNotFound("No such resource: " + request.path());
        }
        AccountState account = guards.requireTmc(request);
        String vin = m.group(1).toUpperCase(Locale.ROOT);
        if (!context.world().owns(account.username(), vin)) {
            throw Guards.autonomicNotFound("vehicle " + vin + " not found");
        }
        IssuedToken token = guards.usableTmc(request.header("authorization").substring(7).strip(), false);
        Session session = new Session(vin, account.username(), request.path(), token.expiresAt(),
            context.clock().now());
        // Registered before the handshake completes: a change made as soon as the client sees 101 is not lost
        // (frames wait in the session's buffer until the socket is served).
        sessions.add(session);
        return new Acceptance((in, out) -> serve(session, in, out), () -> {
            sessions.remove(session);
            session.end();
        });
    }

    private Publisher<Void> serve(Session session, WebsocketInbound in, WebsocketOutbound out) {
        in.withConnection(c -> session.connection = c);
        Mono<Void> inbound = in.receive().asString().doOnNext(text -> onMessage(session, text)).then();
        Mono<Void> outbound = out.sendString(session.frames.asFlux()).then();
        return Mono.firstWithSignal(inbound, outbound)
            .onErrorResume(e -> {
                LOG.debug("Websocket of {} ended with {}", session.vin, e.toString());
                return Mono.empty();
            })
            .doFinally(signal -> {
                sessions.remove(session);
                session.end();
            });
    }

    /** In-band messages: only token rotation is defined. */
    private void onMessage(Session session, String text) {
        JsonNode message;
        try {
            message = text.isBlank() ? Json.object() : Json.MAPPER.readTree(text);
        } catch (JacksonException e) {
            session.send(Json.write(errorFrame(400, "message is not JSON")));
            return;
        }
        JsonNode accessToken = message.path("accessToken");
        if (!accessToken.isString()) {
            if (!message.isEmpty()) {
                session.send(Json.write(errorFrame(400, "unsupported message")));
            }
            return;
        }
        try {
            IssuedToken token = guards.usableTmc(accessToken.asString(), false);
            if (!token.username().equalsIgnoreCase(session.username)) {
                session.send(Json.write(errorFrame(403, "token belongs to another account")));
                return;
            }
            session.rotate(token.expiresAt());
            session.send(Json.write(Json.object().put("_httpStatus", 202)));
        } catch (ApiException e) {
            session.send(Json.write(errorFrame(401, "provided token is invalid or expired")));
        }
    }

    private static ObjectNode errorFrame(int code, String message) {
        ObjectNode frame = Json.object();
        frame.putObject("_error").put("code", code).put("message", message);
        return frame;
    }

    @Override
    public void onVehicleUpdate(String vin, ObjectNode data) {
        String frame = null;
        for (Session s : sessions) {
            if (s.vin.equals(vin)) {
                if (frame == null) {
                    ObjectNode wrapper = Json.object();
                    wrapper.set("_data", data);
                    frame = Json.write(wrapper);
                }
                s.send(frame);
            }
        }
    }

    @Override
    public boolean wants(String vin) {
        for (Session s : sessions) {
            if (s.vin.equals(vin)) {
                return true;
            }
        }
        return false;
    }

    /** Keep-alives and token expiry at simulated time {@code now}. */
    public void tick(Instant now) {
        for (Session s : sessions) {
            s.tick(now);
        }
    }

    /**
     * Drops the sessions whose path starts with {@code pathPrefix}.
     *
     * @return how many were dropped
     */
    public int drop(String pathPrefix) {
        int count = 0;
        for (Session s : sessions) {
            if (s.path.startsWith(pathPrefix)) {
                sessions.remove(s);
                s.drop();
                count++;
            }
        }
        return count;
    }

    /** Number of open websockets. */
    public int openSessions() {
        return sessions.size();
    }
}
