package io.connectedcar.http.internal;

import io.connectedcar.http.HttpHeaders;
import io.connectedcar.http.HttpRequest;
import io.connectedcar.http.HttpResponse;
import io.connectedcar.http.HttpTransport;
import io.connectedcar.http.TransportException;
import io.connectedcar.http.WebSocketRefusedException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.reactivestreams.Publisher;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Policies in order, closest to the API first and closest to the wire last, then the transport. Immutable and
 * shared by every call of one client. A websocket upgrade passes the same policies as any call: the transport's
 * answer to the upgrade reaches them as an HTTP response (101 when the socket opened, the refusal's status
 * otherwise), so the user agent, the lockout guard, the token policy, the budget and the log treat it like any call.
 */
public final class HttpPipeline {
    /** The status of the answer to an upgrade whose socket opened. */
    public static final int SWITCHING_PROTOCOLS = 101;

    private final HttpTransport transport;
    private final List<HttpPipelinePolicy> policies;

    public HttpPipeline(HttpTransport transport, List<HttpPipelinePolicy> policies) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.policies = List.copyOf(policies);
    }

    /**
     * Sends a request through every policy. Lazy: nothing is sent until subscription; each subscription sends anew.
     */
    public Mono<HttpResponse> send(HttpRequest request) {
        Objects.requireNonNull(request, "request");
        return Mono.defer(() -> next(0, transport::send).send(request));
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
            // The last attempt's frames: a policy may open the socket more than once (a renewed token after a 401).
            AtomicReference<Flux<String>> frames = new AtomicReference<>();
            return next(0, request -> open(request, outbound, frames)).send(upgrade).flatMap(response -> {
                if (response.status() != SWITCHING_PROTOCOLS) {
                    return Mono.error(new WebSocketRefusedException("The websocket upgrade for " + upgrade.operation()
                        + " was refused with HTTP " + response.status(), response.status(), null));
                }
                return Mono.just(new WebSocketSession(response, frames.get()));
            });
        });
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
            Sinks.Many<String> frames = Sinks.many().unicast().onBackpressureBuffer();
            AtomicBoolean opened = new AtomicBoolean();
            Disposable.Swap socket = Disposables.swap();
            Flux<String> sent = Flux.from(outbound).doOnSubscribe(subscription -> {
                if (opened.compareAndSet(false, true)) {
                    framesOut.set(frames.asFlux().doFinally(signal -> socket.dispose()));
                    answer.success(new HttpResponse(request, SWITCHING_PROTOCOLS, HttpHeaders.empty(), null));
                }
            });
            socket.update(transport.websocket(request.uri(), request.headers(), sent).subscribe(
                frames::tryEmitNext,
                error -> {
                    if (opened.get()) {
                        frames.tryEmitError(error);
                    } else if (error instanceof WebSocketRefusedException refused) {
                        answer.success(new HttpResponse(request, refused.status(), HttpHeaders.empty(), null));
                    } else {
                        answer.error(error);
                    }
                },
                () -> {
                    if (opened.get()) {
                        frames.tryEmitComplete();
                    } else {
                        answer.error(new TransportException("The websocket for " + request.operation()
                            + " closed before it opened", true, null));
                    }
                }));
            answer.onCancel(() -> {
                if (!opened.get()) {
                    socket.dispose();
                }
            });
        });
    }

    public List<HttpPipelinePolicy> policies() {
        return policies;
    }

    public HttpTransport transport() {
        return transport;
    }
}
