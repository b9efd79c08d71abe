package io.github.connectedcar.http.internal;

import io.github.connectedcar.http.DeadlineExceededException;
import io.github.connectedcar.http.DeadlineOptions;
import io.github.connectedcar.http.HttpHeaders;
import io.github.connectedcar.http.HttpRequest;
import io.github.connectedcar.http.HttpResponse;
import io.github.connectedcar.http.HttpTransport;
import io.github.connectedcar.http.TransportException;
import io.github.connectedcar.http.WebSocketRefusedException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.util.concurrent.Queues;
import reactor.util.context.ContextView;

/**
 * Policies in order, closest to the API first and closest to the wire last, then the transport. Immutable and
 * shared by every call of one client. A websocket upgrade passes the same policies as any call: the transport's
 * answer to the upgrade reaches them as an HTTP response (101 when the socket opened, the refusal's status
 * otherwise), so the user agent, the lockout guard, the token policy, the budget and the log treat it like any call.
 *
 * <p>Every call, an upgrade included, ends within its deadline ({@link DeadlineOptions}): the pipeline cancels it
 * then and signals {@link DeadlineExceededException}, which says whether an attempt may have reached the server. The
 * deadline is in the call's context, so a policy can tell how long it may still wait ({@link #deadlineOf}).
 */
public final class HttpPipeline {
    /** The status of the answer to an upgrade whose socket opened. */
    public static final int SWITCHING_PROTOCOLS = 101;

    /** The context key of the call's deadline, in milliseconds of Reactor's parallel scheduler. */
    private static final String DEADLINE_KEY = HttpPipeline.class.getName() + ".deadline";
    /** The first chunk of an open socket's frame queue, in frames (it grows by chunks of this size when needed). */
    private static final int SOCKET_QUEUE_CHUNK = 8;

    private final HttpTransport transport;
    private final DeadlineOptions deadlines;
    private final List<HttpPipelinePolicy> policies;
    private final DeadlineTimer deadlineTimer = new DeadlineTimer();

    public HttpPipeline(HttpTransport transport, DeadlineOptions deadlines, List<HttpPipelinePolicy> policies) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
        this.policies = List.copyOf(policies);
    }

    /**
     * When the current call must have ended, in milliseconds of Reactor's parallel scheduler (virtual in tests), or
     * {@link Long#MAX_VALUE} outside a call.
     */
    public static long deadlineOf(ContextView context) {
        return context.getOrDefault(DEADLINE_KEY, Long.MAX_VALUE);
    }

    /**
     * Sends a request through every policy. Lazy: nothing is sent until subscription; each subscription sends anew.
     */
    public Mono<HttpResponse> send(HttpRequest request) {
        Objects.requireNonNull(request, "request");
        return Mono.defer(() -> {
            Wire wire = new Wire(transport::send);
            return withinDeadline(request, next(0, wire).send(request), wire);
        });
    }

    /**
     * Opens a websocket through every policy. Lazy: the upgrade is sent on subscription. The socket closes when the
     * session's frames are cancelled or end.
     *
     * @param upgrade  the upgrade request, with a {@code ws://} or {@code wss://} URI
     * @param outbound text frames to send once the socket is open
     * @return the open session
     * @throws WebSocketRefusedException (as an error signal) when the server refused the upgrade, after the policies
     *         had their say (a 401 has then already been retried once with a renewed token)
     * @throws TransportException (as an error signal) when the socket could not be opened
     */
    public Mono<WebSocketSession> websocket(HttpRequest upgrade, Publisher<String> outbound) {
        Objects.requireNonNull(upgrade, "upgrade");
        Objects.requireNonNull(outbound, "outbound");
        return Mono.defer(() -> {
                // The last attempt's frames: a policy may open the socket more than once (a renewed token after a
                // 401).
                AtomicReference<Flux<String>> frames = new AtomicReference<>();
                Wire wire = new Wire(request -> open(request, outbound, frames));
                return withinDeadline(upgrade, next(0, wire).send(upgrade), wire).flatMap(response -> {
                    if (response.status() != SWITCHING_PROTOCOLS) {
                        return Mono.error(new WebSocketRefusedException("The websocket upgrade for "
                            + upgrade.operation() + " was refused with HTTP " + response.status(), response.status(),
                            null));
                    }
                    return Mono.just(new WebSocketSession(response, frames.get()));
                });
            })
            // A subscriber keeps its subscription for as long as it reads the frames (hours); without this it would
            // keep the whole upgrade with it: every policy's operators, the requests and headers they made.
            .onTerminateDetach();
    }

    private Mono<HttpResponse> withinDeadline(HttpRequest request, Mono<HttpResponse> call, Wire wire) {
        Duration deadline = deadlines.of(request);
        return call
            .timeout(deadlineTimer.after(deadline.toMillis()),
                Mono.error(() -> exceeded(request, deadline, wire.mayHaveReachedTheServer())))
            .contextWrite(context -> context.put(DEADLINE_KEY,
                Schedulers.parallel().now(TimeUnit.MILLISECONDS) + deadline.toMillis()));
    }

    private static DeadlineExceededException exceeded(HttpRequest request, Duration deadline, boolean mayHaveBeenSent) {
        String seconds = deadline.toMillis() % 1000 == 0 ? deadline.toSeconds() + " s" : deadline.toMillis() + " ms";
        return new DeadlineExceededException(request.operation() + ": no complete answer from "
            + request.uri().getHost() + " within " + seconds + ", the deadline of the call (retries included)"
            + (mayHaveBeenSent ? "; the request may have reached the server" : "; the request was not sent")
            + ". Try again later, or give the client longer DeadlineOptions.", deadline, mayHaveBeenSent);
    }

    private HttpPipelineNext next(int index, HttpPipelineNext wire) {
        if (index == policies.size()) {
            return wire;
        }
        HttpPipelinePolicy policy = policies.get(index);
        return request -> Mono.defer(() -> policy.process(request, next(index + 1, wire)));
    }

    /**
     * The wire end of an upgrade: opens the socket and answers 101 once it is open (when the transport subscribes to
     * the outbound frames), or the refusal's status. Cancelling before the answer closes the socket.
     */
    private Mono<HttpResponse> open(HttpRequest request, Publisher<String> outbound,
                                    AtomicReference<Flux<String>> framesOut) {
        return Mono.create(answer -> {
            Upgrade upgrade = new Upgrade(request, answer, framesOut);
            answer.onCancel(upgrade::cancelUnlessOpen);
            transport.websocket(request.uri(), request.headers(), Flux.from(outbound).doOnSubscribe(upgrade::opened))
                .subscribe(upgrade);
        });
    }

    /**
     * One upgrade on the wire, and then its open socket's frames. It holds the upgrade's request and answer only
     * until the socket opens or is refused: the transport keeps this object (and the outbound frames, whose
     * subscription signals the opening) for the socket's life, which must not keep the upgrade along.
     */
    private static final class Upgrade implements CoreSubscriber<String> {
        private static final AtomicReferenceFieldUpdater<Upgrade, Pending> PENDING =
            AtomicReferenceFieldUpdater.newUpdater(Upgrade.class, Pending.class, "pending");

        // A small first chunk: a socket lives for hours with a frame every second or so, and the default chunk
        // (256 slots, about 1 KB) per open socket showed in the heap at fleet scale; the queue still grows.
        // Unsafe (not serialized) is enough: only this subscriber emits, and the transport signals it in sequence.
        private final Sinks.Many<String> frames = Sinks.unsafe().many().unicast().onBackpressureBuffer(
            Queues.<String>unbounded(SOCKET_QUEUE_CHUNK).get());
        /** The transport's subscription: cancelling it closes the socket. */
        private volatile Subscription socket;
        private volatile boolean closed;
        /** Until the socket opened or was refused; then null. */
        private volatile Pending pending;

        /** What the answer to the upgrade needs. */
        private record Pending(HttpRequest request, MonoSink<HttpResponse> answer,
                               AtomicReference<Flux<String>> framesOut) {
        }

        Upgrade(HttpRequest request, MonoSink<HttpResponse> answer, AtomicReference<Flux<String>> framesOut) {
            this.pending = new Pending(request, answer, framesOut);
        }

        /** The answer, taken once. */
        private Pending take() {
            Pending taken = pending;
            if (taken != null && PENDING.compareAndSet(this, taken, null)) {
                return taken;
            }
            return null;
        }

        /** The transport subscribed to the outbound frames: the socket is open. */
        void opened(Subscription outbound) {
            Pending taken = take();
            if (taken != null) {
                taken.framesOut().set(frames.asFlux().doFinally(signal -> close()));
                taken.answer().success(new HttpResponse(taken.request(), SWITCHING_PROTOCOLS, HttpHeaders.empty(),
                    null));
            }
        }

        void cancelUnlessOpen() {
            if (take() != null) {
                close();
            }
        }

        private void close() {
            closed = true;
            Subscription s = socket;
            if (s != null) {
                s.cancel();
            }
        }

        @Override
        public void onSubscribe(Subscription s) {
            socket = s;
            if (closed) {
                s.cancel();
                return;
            }
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String frame) {
            frames.tryEmitNext(frame);
        }

        @Override
        public void onError(Throwable error) {
            Pending taken = take();
            if (taken == null) {
                frames.tryEmitError(error);
            } else if (error instanceof WebSocketRefusedException refused) {
                taken.answer().success(new HttpResponse(taken.request(), refused.status(), HttpHeaders.empty(),
                    null));
            } else {
                taken.answer().error(error);
            }
        }

        @Override
        public void onComplete() {
            Pending taken = take();
            if (taken == null) {
                frames.tryEmitComplete();
            } else {
                taken.answer().error(new TransportException("The websocket for " + taken.request().operation()
                    + " closed before it opened", true, null));
            }
        }
    }

    /**
     * The wire end of one call: counts the attempts that may have reached the server (those under way, and those that
     * ended any other way than "certainly not sent").
     */
    private static final class Wire implements HttpPipelineNext {
        private final HttpPipelineNext transport;
        private final AtomicInteger mayHaveLeft = new AtomicInteger();

        Wire(HttpPipelineNext transport) {
            this.transport = transport;
        }

        @Override
        public Mono<HttpResponse> send(HttpRequest request) {
            return Mono.defer(() -> {
                mayHaveLeft.incrementAndGet();
                return transport.send(request).doOnError(TransportException.class, error -> {
                    if (!error.requestMayHaveBeenSent()) {
                        mayHaveLeft.decrementAndGet();
                    }
                });
            });
        }

        boolean mayHaveReachedTheServer() {
            return mayHaveLeft.get() > 0;
        }
    }

    public List<HttpPipelinePolicy> policies() {
        return policies;
    }

    public HttpTransport transport() {
        return transport;
    }
}
