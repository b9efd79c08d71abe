package io.github.connectedcar.status.internal;

import io.github.connectedcar.auth.internal.TokenPolicy;
import io.github.connectedcar.http.AuthScheme;
import io.github.connectedcar.http.internal.WebSocketSession;
import io.github.connectedcar.internal.Json;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One attempt at a car's status websocket, from the upgrade to its end: receives the frames (and tells its
 * {@link StatusStream} each {@code _data}, or why the socket ended), sends the rotated token in-band when
 * {@link TokenRotation} hands it one, and watches for silence: no frame within
 * {@link io.github.connectedcar.status.StatusStreamOptions#watchdog()} ends it. The watchdog is one scheduled check
 * at a time, moved on to the last frame's time when it fires, not a timer reset by every frame.
 *
 * <p>It is the publisher of the socket's outbound frames (what the transport subscribes to once the socket is open)
 * and the subscriber of its inbound frames.
 */
final class PushSocket implements Publisher<String>, CoreSubscriber<String> {
    private static final Logger LOG = LoggerFactory.getLogger(PushSocket.class);

    private final StatusStream stream;
    private final StatusStreams owner;
    private final String vin;

    // Guarded by this.
    private Disposable upgrade;
    private Subscription inbound;
    private Disposable watchdog;
    private String sentToken;
    private Outbound outbound;
    private boolean over;

    /** When the last frame came (or the socket opened), in milliseconds of Reactor's parallel scheduler. */
    private volatile long lastFrameAt;

    PushSocket(StatusStream stream, StatusStreams owner, String vin) {
        this.stream = stream;
        this.owner = owner;
        this.vin = vin;
    }

    /** Sends the upgrade. The pipeline passes it through every policy like any call. */
    void open() {
        Disposable call = owner.calls().telemetryWebSocket(vin, this).subscribe(this::opened, this::failed);
        synchronized (this) {
            if (inbound == null && !over) {
                upgrade = call; // still waiting for the answer
            }
        }
    }

    /** Closes the socket (or stops waiting for it to open); its stream is not told. */
    void close() {
        Disposable pending;
        Subscription frames;
        synchronized (this) {
            if (!end()) {
                return;
            }
            pending = upgrade;
            frames = inbound;
        }
        if (pending != null) {
            pending.dispose();
        }
        if (frames != null) {
            frames.cancel();
        }
    }

    /** Marks the socket over; false when it already was. */
    private boolean end() {
        if (over) {
            return false;
        }
        over = true;
        upgrade = null;
        if (watchdog != null) {
            watchdog.dispose();
            watchdog = null;
        }
        owner.rotation().remove(this);
        return true;
    }

    private void opened(WebSocketSession session) {
        boolean closedMeanwhile;
        synchronized (this) {
            closedMeanwhile = over;
            upgrade = null;
            sentToken = TokenPolicy.tokenOf(session.upgrade().request()).orElse(null);
        }
        if (!closedMeanwhile) {
            stream.opened(this);
        }
        // Subscribed even when closed meanwhile: cancelling the frames is what closes the socket.
        session.frames().subscribe(this);
    }

    private void failed(Throwable error) {
        synchronized (this) {
            if (!end()) {
                return;
            }
        }
        stream.ended(this, error);
    }

    // --- inbound -------------------------------------------------------------------------------------------------

    @Override
    public void onSubscribe(Subscription frames) {
        synchronized (this) {
            if (over) {
                frames.cancel();
                return;
            }
            inbound = frames;
            lastFrameAt = now();
            owner.rotation().add(this);
            watchdog = check(watchdogMillis());
        }
        frames.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String frame) {
        lastFrameAt = now();
        JsonNode data;
        try {
            data = handle(frame);
        } catch (StatusStream.SessionEnded ended) {
            endWith(ended, true);
            return;
        }
        if (data != null) {
            stream.pushed(this, data);
        }
    }

    @Override
    public void onError(Throwable error) {
        endWith(error, false);
    }

    @Override
    public void onComplete() {
        endWith(new StatusStream.SessionEnded("the server closed the socket"), false);
    }

    private void endWith(Throwable error, boolean cancel) {
        Subscription frames;
        synchronized (this) {
            if (!end()) {
                return;
            }
            frames = inbound;
        }
        if (cancel && frames != null) {
            frames.cancel();
        }
        stream.ended(this, error);
    }

    /** One inbound frame: its {@code _data}, nothing (keep-alive, ack), or an error that reopens the socket. */
    private JsonNode handle(String frame) {
        if (frame == null || frame.isBlank()) {
            return null;
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(frame);
        } catch (JacksonException e) {
            LOG.warn("Ignoring a status frame of {} that is not JSON ({} characters)", vin, frame.length());
            return null;
        }
        if (node.has("_error")) {
            JsonNode error = node.get("_error");
            Long code = error.isObject() ? Json.number(error, "code") : null;
            if (code != null && code == 401) {
                String token;
                synchronized (this) {
                    token = sentToken;
                }
                owner.tokens().rejected(AuthScheme.TMC, token);
            }
            String message = error.isObject() ? Json.text(error, "message")
                : error.isValueNode() ? error.asString() : error.toString();
            throw new StatusStream.SessionEnded("the server ended the session: " + message);
        }
        if (node.has("_httpStatus")) {
            LOG.debug("Status websocket of {} acknowledged with {}", vin, node.get("_httpStatus"));
            return null;
        }
        JsonNode data = node.get("_data");
        return data != null && data.isObject() ? data : null; // else {} keep-alive
    }

    // --- watchdog ------------------------------------------------------------------------------------------------

    private long watchdogMillis() {
        return owner.options().watchdog().toMillis();
    }

    private static long now() {
        return Schedulers.parallel().now(TimeUnit.MILLISECONDS);
    }

    private Disposable check(long inMillis) {
        return Schedulers.parallel().schedule(this::watch, inMillis, TimeUnit.MILLISECONDS);
    }

    private void watch() {
        long silentFor = now() - lastFrameAt;
        synchronized (this) {
            if (over) {
                return;
            }
            if (silentFor < watchdogMillis()) {
                watchdog = check(watchdogMillis() - silentFor);
                return;
            }
        }
        endWith(new StatusStream.SessionEnded("no frame for " + Duration.ofMillis(silentFor)
            + ", longer than the watchdog"), true);
    }

    // --- outbound ------------------------------------------------------------------------------------------------

    /** Sends the token in-band unless it is the one this socket already uses. */
    void rotate(String token) {
        Outbound to;
        synchronized (this) {
            if (over || outbound == null || token.equals(sentToken)) {
                return;
            }
            sentToken = token;
            to = outbound;
        }
        to.send(Json.MAPPER.writeValueAsString(Json.object().put("accessToken", token)));
    }

    @Override
    public void subscribe(Subscriber<? super String> actual) {
        // The transport subscribes once the socket is open (again, if a policy opened it again).
        Outbound next = new Outbound(actual);
        synchronized (this) {
            outbound = next;
        }
        actual.onSubscribe(next);
    }

    @Override
    public String toString() {
        return "PushSocket[" + vin + "]";
    }

    /** The outbound frames as the transport asks for them; only the latest unsent one is kept. */
    private static final class Outbound implements Subscription {
        private final Subscriber<? super String> actual;
        private long requested;
        private String unsent;
        private boolean cancelled;

        Outbound(Subscriber<? super String> actual) {
            this.actual = actual;
        }

        synchronized void send(String frame) {
            if (cancelled) {
                return;
            }
            if (requested == 0) {
                unsent = frame;
                return;
            }
            requested--;
            actual.onNext(frame);
        }

        @Override
        public synchronized void request(long n) {
            if (!Operators.validate(n) || cancelled) {
                return;
            }
            requested = Operators.addCap(requested, n);
            if (unsent != null) {
                String frame = unsent;
                unsent = null;
                requested--;
                actual.onNext(frame);
            }
        }

        @Override
        public synchronized void cancel() {
            cancelled = true;
            unsent = null;
        }
    }
}
