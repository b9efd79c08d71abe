package io.github.connectedcar.status.internal;

import io.github.connectedcar.exception.AuthenticationRequiredException;
import io.github.connectedcar.exception.ConnectedCarException;
import io.github.connectedcar.ford.internal.TelemetryMapper;
import io.github.connectedcar.model.VehicleStatus;
import io.github.connectedcar.status.StatusStreamOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import org.reactivestreams.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.publisher.Operators;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
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
 *
 * <p>Shared by all its subscribers: the first one starts it, a later one gets the latest status at once, and it stops
 * (closing its socket) when the last one cancels. A subscriber that asks for less than comes gets the latest status
 * when it asks again, never a backlog: each status is the car's whole state. Once stopped or ended, an instance is
 * not started again: a subscription that reaches it then is handed to a new stream of the car.
 *
 * <p>Why one object rather than an operator chain: a service may follow ten thousand cars in a small heap, and each
 * Reactor operator of a per-car chain costs a few objects per car for the stream's whole life. Here a car costs this
 * object, its open socket ({@code PushSocket}) and one object per subscriber. Every change of state happens under this
 * object's lock; statuses are handed to subscribers outside it.
 */
public final class StatusStream extends Flux<VehicleStatus> {
    /** How long the first snapshot waits for the socket to open before it is read anyway. */
    static final Duration SNAPSHOT_WAIT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(StatusStream.class);
    private static final Subscriber[] NO_SUBSCRIBERS = new Subscriber[0];
    /** A time that has not come (0 is a real time: the start of virtual time in tests). */
    private static final long NEVER = Long.MIN_VALUE;

    /** Whether the socket is open now: not known before the first attempt to open it. */
    public enum Push { UNKNOWN, OPEN, DOWN }

    /** Why a telemetry read is made: its error is treated differently. */
    private enum Read { FIRST, AGAIN, POLL }

    private final String vin;
    private final StatusStreams owner;
    /** Only the socket, once: what a command listens to when no stream is open for its car. */
    private final boolean socketOnly;

    // Guarded by this.
    private boolean started;
    /** Counted among the open streams (from the start to the stop). */
    private boolean counted;
    /** Told when a socket-only stream's socket ends. */
    private MonoSink<Void> socketEnded;
    private boolean stopped;
    private Push push = Push.UNKNOWN;
    private Sinks.Many<Push> pushing;
    private Sinks.Many<JsonNode> frames;
    /** The snapshot, with pushes merged in key by key (shared entries, never a tree); null before the first read. */
    private VehicleStatus snapshot;
    /** When the snapshot was last read, in milliseconds of the calls' clock; {@code NEVER} before. */
    private long readAt = NEVER;
    /** Pushes that came before the first snapshot, applied to it. */
    private List<JsonNode> early;
    private boolean firstReadStarted;
    /** Whether the first attempt to open the socket has opened or failed (it starts the first read). */
    private boolean firstAttemptDone;
    private Disposable reading;
    private boolean readInFlight;
    /** A read asked for while another was in flight: made when that one ends. */
    private boolean readAgain;
    private PushSocket socket;
    /** When the socket opened, in milliseconds of the calls' clock; {@code NEVER} while it is not open. */
    private long openedAt = NEVER;
    private int failuresInARow;
    private boolean polling;
    /** The wait for the first snapshot, or before reopening the socket. */
    private Disposable timer;
    private Disposable poller;

    // Read without the lock by the subscribers' deliveries.
    private volatile VehicleStatus latest;
    private volatile Throwable failure;
    private volatile Subscriber[] subscribers = NO_SUBSCRIBERS;

    private StatusStream(String vin, StatusStreams owner, boolean socketOnly) {
        this.vin = vin;
        this.owner = owner;
        this.socketOnly = socketOnly;
    }

    /** The car's shared status stream. */
    static StatusStream of(String vin, StatusStreams owner) {
        return new StatusStream(vin, owner, false);
    }

    /** A socket alone for the car, opened by {@link #pushOnly()}. */
    static StatusStream socketOnly(String vin, StatusStreams owner) {
        return new StatusStream(vin, owner, true);
    }

    /**
     * Only the socket, once: no snapshot read, no reopening; completes when the socket closes or cannot be opened.
     * What a command listens to for its duration when no stream is open for its car (one upgrade, cheaper than
     * polling the command's states). Frames go to {@link #frames()}; cancelling closes the socket. Only for a
     * {@code socketOnly} stream, subscribed once.
     */
    Mono<Void> pushOnly() {
        return Mono.create(sink -> {
            sink.onDispose(this::stop);
            synchronized (this) {
                if (started) {
                    throw new IllegalStateException("The socket of " + vin + " was already opened");
                }
                started = true;
                socketEnded = sink;
                openSocket();
            }
        });
    }

    /**
     * Whether this stream's socket is open now, then each change of that; replays the latest. A command waits for
     * {@link Push#OPEN} before listening to {@link #frames()}.
     */
    public synchronized Flux<Push> pushing() {
        if (pushing == null) {
            pushing = Sinks.many().replay().latest();
            pushing.tryEmitNext(push);
        }
        return pushing.asFlux();
    }

    /**
     * The {@code _data} part of each frame pushed from now on, while the stream is subscribed. Hot: frames pushed
     * before subscribing are not replayed.
     */
    public synchronized Flux<JsonNode> frames() {
        if (frames == null) {
            frames = Sinks.many().multicast().directBestEffort();
        }
        return frames.asFlux();
    }

    // --- subscribers ---------------------------------------------------------------------------------------------

    @Override
    public void subscribe(CoreSubscriber<? super VehicleStatus> actual) {
        Subscriber added = new Subscriber(actual, this);
        boolean start;
        synchronized (this) {
            if (stopped) {
                added = null;
                start = false;
            } else {
                Subscriber[] now = subscribers;
                Subscriber[] more = Arrays.copyOf(now, now.length + 1);
                more[now.length] = added;
                subscribers = more;
                start = !started;
                started = true;
            }
        }
        if (added == null) {
            // Ended or left by its last subscriber: a new subscription follows the car anew.
            owner.of(vin).subscribe(actual);
            return;
        }
        actual.onSubscribe(added);
        if (start) {
            start();
        } else {
            added.drain();
        }
    }

    private void remove(Subscriber gone) {
        synchronized (this) {
            Subscriber[] now = subscribers;
            int at = Arrays.asList(now).indexOf(gone);
            if (at < 0) {
                return;
            }
            Subscriber[] fewer = new Subscriber[now.length - 1];
            System.arraycopy(now, 0, fewer, 0, at);
            System.arraycopy(now, at + 1, fewer, at, now.length - at - 1);
            subscribers = fewer;
            if (fewer.length > 0) {
                return;
            }
        }
        stop();
    }

    /** Hands the latest status (and an ending) to every subscriber that asked for it. Never under the lock. */
    private void deliver() {
        for (Subscriber subscriber : subscribers) {
            subscriber.drain();
        }
    }

    // --- life cycle ----------------------------------------------------------------------------------------------

    private void start() {
        synchronized (this) {
            if (stopped) {
                return; // its only subscriber cancelled in onSubscribe
            }
            counted = true;
            owner.metrics().opened();
            if (!options().webSocket()) {
                read(Read.FIRST);
                if (!stopped) { // the read may have failed at once
                    startPolling();
                }
            } else {
                // Armed before the socket is opened: an in-memory transport answers within openSocket().
                timer = later(SNAPSHOT_WAIT, this::snapshotWaitOver);
                openSocket();
            }
        }
        deliver();
    }

    /** Stops everything: the last subscriber left, the stream failed, or a push-only socket ended. */
    private void stop() {
        PushSocket closing;
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
            closing = socket;
            socket = null;
            dispose(timer);
            dispose(poller);
            dispose(reading);
            timer = null;
            poller = null;
            reading = null;
            setPush(Push.DOWN);
            if (!socketOnly) {
                owner.forget(vin, this);
            }
            if (counted) {
                owner.metrics().closed();
            }
        }
        if (closing != null) {
            closing.close();
        }
    }

    private void fail(Throwable error) {
        synchronized (this) {
            if (stopped) {
                return;
            }
            failure = error;
        }
        // Forgotten before the subscribers hear of it: a new subscription starts a new stream.
        stop();
        deliver();
    }

    private StatusStreamOptions options() {
        return owner.options();
    }

    private static void dispose(Disposable disposable) {
        if (disposable != null) {
            disposable.dispose();
        }
    }

    /** A task on Reactor's parallel scheduler (virtual in tests), run under this object's lock unless stopped. */
    private Disposable later(Duration delay, Runnable task) {
        return Schedulers.parallel().schedule(() -> {
            synchronized (this) {
                if (stopped) {
                    return;
                }
                task.run();
            }
            deliver();
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Emits the push state. Under the lock: the socket's thread, a cancel and a failure may set it at the same time,
     * and a lost update would leave a command waiting for pushes that never come.
     */
    private void setPush(Push state) {
        push = state;
        if (pushing != null) {
            pushing.tryEmitNext(state);
        }
    }

    // --- snapshot ------------------------------------------------------------------------------------------------

    private void snapshotWaitOver() {
        timer = null;
        startFirstRead();
    }

    private void startFirstRead() {
        if (!firstReadStarted) {
            dispose(timer);
            timer = null;
            read(Read.FIRST);
        }
    }

    /** Reads telemetry unless a read is in flight (then once more after it, unless it is only a poll). */
    private void read(Read why) {
        if (why == Read.FIRST) {
            firstReadStarted = true;
        }
        if (readInFlight) {
            readAgain |= why != Read.POLL;
            return;
        }
        readInFlight = true;
        Disposable call = owner.calls().status(vin).subscribe(
            status -> read(status, null, why), error -> read(null, error, why));
        if (readInFlight) {
            reading = call;
        }
    }

    private void read(VehicleStatus status, Throwable error, Read why) {
        Throwable fatal = null;
        synchronized (this) {
            if (stopped) {
                return;
            }
            readInFlight = false;
            reading = null;
            if (status != null) {
                replace(status);
            } else if (why == Read.FIRST || error instanceof AuthenticationRequiredException) {
                fatal = error;
            } else if (why == Read.POLL) {
                LOG.warn("Polling the status of {} failed ({}); trying again in {}", vin, error.getMessage(),
                    options().pollInterval());
            } else {
                LOG.warn("Reading the status of {} after reopening its websocket failed ({})", vin,
                    error.getMessage());
            }
            if (fatal == null && readAgain) {
                readAgain = false;
                read(Read.AGAIN);
            }
        }
        if (fatal != null) {
            fail(fatal);
        } else {
            deliver();
        }
    }

    /**
     * A full read replaces the snapshot, compacted since the stream keeps it (and every push merged into it) until
     * the next; pushes that came before the first one are applied to it.
     */
    private void replace(VehicleStatus status) {
        snapshot = status.compacted();
        readAt = owner.calls().clock().millis();
        if (early != null) {
            early.forEach(data -> snapshot = TelemetryMapper.merge(snapshot, data));
            early = null;
        }
        publish(snapshot);
    }

    /** Makes a status the latest unless it equals it (nothing new to hand on). */
    private boolean publish(VehicleStatus status) {
        if (status.equals(latest)) {
            return false;
        }
        latest = status;
        return true;
    }

    // --- push ----------------------------------------------------------------------------------------------------

    /**
     * Opens the socket. The upgrade goes through the pipeline like any call (token, a 401 renewed and retried once,
     * lockout guard, budget, log); this stream only reopens the socket with its back-off, and the owner rotates the
     * token in-band while it is open.
     */
    private void openSocket() {
        timer = null;
        socket = new PushSocket(this, owner, vin);
        socket.open();
    }

    /** The socket opened. */
    void opened(PushSocket opened) {
        synchronized (this) {
            if (opened != socket) {
                return;
            }
            openedAt = owner.calls().clock().millis();
            boolean backFromPolling = polling;
            if (backFromPolling) {
                LOG.info("The status websocket of {} is open again; back to push", vin);
                polling = false;
                dispose(poller);
                poller = null;
            }
            setPush(Push.OPEN);
            if (socketOnly) {
                return;
            }
            // Changes made while the socket was down are read again: always when coming back from polling,
            // otherwise at most once per poll interval (a flapping socket must not cost more than polling). The
            // first attempt, opened or failed, made the first read.
            if (!firstAttemptDone) {
                firstAttemptDone = true;
                startFirstRead();
            } else if (backFromPolling || readAt == NEVER
                || readAt + options().pollInterval().toMillis() < owner.calls().clock().millis()) {
                read(Read.AGAIN);
            }
        }
        deliver();
    }

    /** A pushed {@code _data}. */
    void pushed(PushSocket from, JsonNode data) {
        synchronized (this) {
            if (from != socket) {
                return;
            }
            if (frames != null) {
                frames.tryEmitNext(data);
            }
            if (socketOnly) {
                return;
            }
            if (snapshot == null) {
                if (early == null) {
                    early = new ArrayList<>(2);
                }
                early.add(data);
                return;
            }
            snapshot = TelemetryMapper.merge(snapshot, data);
            if (TelemetryMapper.isHeartbeat(data) || !publish(snapshot)) {
                return;
            }
            // A push's updateTime replaces the snapshot's, so the merged status carries the push's stamp.
            if (data.has("updateTime")) {
                snapshot.updateTime().ifPresent(stamped -> owner.metrics().pushDelivered(stamped,
                    owner.calls().clock().instant()));
            }
        }
        deliver();
    }

    /**
     * The socket closed, failed or could not be opened. Reopens it after {@link StatusStreamOptions#reconnectDelay()}
     * doubled per failure in a row up to {@link StatusStreamOptions#maxReconnectDelay()}. Past
     * {@link StatusStreamOptions#maxReconnects()} failures in a row the stream polls telemetry meanwhile, and keeps
     * trying the socket with a back-off that goes on doubling from {@code maxReconnectDelay} up to
     * {@link StatusStreamOptions#pollInterval()} (each attempt costs a request, so it never costs more than polling
     * does); the first socket that opens ends the polling. Only a socket that stayed open for
     * {@link StatusStreamOptions#healthyAfter()} starts the back-off again: frames alone do not, or a server that
     * sends {@code {}} and closes would be reopened every {@code reconnectDelay}. A lost login is never retried.
     */
    void ended(PushSocket from, Throwable error) {
        synchronized (this) {
            if (from != socket) {
                return;
            }
            socket = null;
            setPush(Push.DOWN);
            if (socketOnly) {
                stopped = true;
                socketEnded.success();
                return;
            }
            firstAttemptDone = true;
            startFirstRead();
            if (!(error instanceof AuthenticationRequiredException)) {
                reopenLater(error);
            }
        }
        if (error instanceof AuthenticationRequiredException) {
            fail(error);
        } else {
            deliver();
        }
    }

    private void reopenLater(Throwable error) {
        long opened = openedAt;
        openedAt = NEVER;
        if (opened != NEVER && owner.calls().clock().millis() >= opened + options().healthyAfter().toMillis()) {
            failuresInARow = 0;
        }
        int failuresSoFar = ++failuresInARow;
        Duration delay = backoff(failuresSoFar);
        if (failuresSoFar > options().maxReconnects()) {
            if (!polling) {
                LOG.warn("The status websocket of {} keeps failing ({}); polling every {} until it opens again",
                    vin, error.getMessage(), options().pollInterval());
                startPolling();
            }
            delay = backoffWhilePolling(failuresSoFar - options().maxReconnects());
        }
        LOG.info("Reopening the status websocket of {} in {} ({})", vin, delay, error.getMessage());
        timer = later(delay, this::openSocket);
    }

    private void startPolling() {
        polling = true;
        long every = options().pollInterval().toMillis();
        poller = Schedulers.parallel().schedulePeriodically(this::poll, every, every, TimeUnit.MILLISECONDS);
    }

    private void poll() {
        synchronized (this) {
            if (stopped || !polling) {
                return;
            }
            read(Read.POLL);
        }
        deliver();
    }

    /** The wait before the {@code n}-th attempt (1 = first) while polling: doubled from maxReconnectDelay, capped. */
    private Duration backoffWhilePolling(int attempt) {
        Duration delay = options().maxReconnectDelay();
        for (int i = 1; i < attempt && delay.compareTo(options().pollInterval()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(options().pollInterval()) < 0 ? delay : options().pollInterval();
    }

    /** The wait before reopening after this many failures in a row: doubled each time, capped. */
    private Duration backoff(int failures) {
        Duration delay = options().reconnectDelay();
        for (int i = 1; i < failures && delay.compareTo(options().maxReconnectDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(options().maxReconnectDelay()) < 0 ? delay : options().maxReconnectDelay();
    }

    @Override
    public String toString() {
        return "StatusStream[" + vin + "]";
    }

    /**
     * One subscriber: hands it the stream's latest status when it asks for one and has not had it, then the stream's
     * error. Lock-free and serialized (only one thread hands on at a time).
     */
    private static final class Subscriber implements Subscription {
        private static final AtomicLongFieldUpdater<Subscriber> REQUESTED =
            AtomicLongFieldUpdater.newUpdater(Subscriber.class, "requested");
        private static final AtomicIntegerFieldUpdater<Subscriber> WIP =
            AtomicIntegerFieldUpdater.newUpdater(Subscriber.class, "wip");

        private final CoreSubscriber<? super VehicleStatus> actual;
        private final StatusStream stream;
        private volatile long requested;
        private volatile int wip;
        private volatile boolean cancelled;
        private VehicleStatus handedOn;
        private boolean done;

        Subscriber(CoreSubscriber<? super VehicleStatus> actual, StatusStream stream) {
            this.actual = actual;
            this.stream = stream;
        }

        @Override
        public void request(long n) {
            if (Operators.validate(n)) {
                Operators.addCap(REQUESTED, this, n);
                drain();
            }
        }

        @Override
        public void cancel() {
            if (!cancelled) {
                cancelled = true;
                stream.remove(this);
            }
        }

        void drain() {
            if (WIP.getAndIncrement(this) != 0) {
                return;
            }
            int missed = 1;
            do {
                while (!cancelled && !done) {
                    VehicleStatus now = stream.latest;
                    if (now != null && now != handedOn && requested > 0) {
                        handedOn = now;
                        if (requested != Long.MAX_VALUE) {
                            REQUESTED.decrementAndGet(this);
                        }
                        actual.onNext(now);
                        continue;
                    }
                    Throwable error = stream.failure;
                    if (error != null) {
                        done = true;
                        actual.onError(error);
                    }
                    break;
                }
                missed = WIP.addAndGet(this, -missed);
            } while (missed != 0);
        }
    }

    /** The socket's session ended; reopening it is the cure. */
    static final class SessionEnded extends ConnectedCarException {
        SessionEnded(String message) {
            super(message);
        }
    }
}
