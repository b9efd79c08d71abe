package io.github.connectedcar.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.http.DeadlineOptions;
import io.github.connectedcar.http.HttpHeaders;
import io.github.connectedcar.http.HttpMethod;
import io.github.connectedcar.http.HttpRequest;
import io.github.connectedcar.http.HttpResponse;
import io.github.connectedcar.http.HttpTransport;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/**
 * {@link HttpPipeline#websocket} over a transport that holds what a real one holds while a socket is open: the
 * subscriber of the frames received and the subscription of the outbound frames. An open socket lives for hours;
 * what stays reachable from those and from the caller's subscription is what each open socket costs in heap.
 */
@Tag("unit")
class HttpPipelineWebSocketUnitTests {
    private static final Duration VERIFY = Duration.ofSeconds(5);
    private static final URI SOCKET = URI.create("wss://api.autonomic.ai/v1beta/telemetry/sources/fordpass/x/ws");

    private final SocketHoldingTransport transport = new SocketHoldingTransport();
    /** Puts a token on the upgrade, as the token policy does. */
    private final HttpPipeline pipeline = new HttpPipeline(transport, DeadlineOptions.defaults(),
        List.of((request, next) -> next.send(request.withHeader("Authorization", "Bearer socket-token"))));

    @Test
    void theSessionSaysWhichTokenTheUpgradeCarried() {
        StepVerifier.create(pipeline.websocket(upgrade(), Flux.never()))
            .assertNext(session -> {
                assertThat(session.upgrade().status()).isEqualTo(HttpPipeline.SWITCHING_PROTOCOLS);
                assertThat(session.upgrade().request().headers().get("Authorization"))
                    .isEqualTo("Bearer socket-token");
            })
            .expectComplete()
            .verify(VERIFY);
    }

    @Test
    void anOpenSocketKeepsNothingOfItsUpgrade() {
        List<String> received = new CopyOnWriteArrayList<>();
        // Like a status stream: reads the frames for as long as the socket is open, holding its subscription.
        Disposable reading = pipeline.websocket(upgrade(), Flux.never())
            .flatMapMany(WebSocketSession::frames)
            .subscribe(received::add);
        transport.push("{\"_data\":{}}");
        assertThat(received).containsExactly("{\"_data\":{}}");

        List<Object> alive = new ArrayList<>(transport.held);
        alive.add(reading);
        List<String> upgradeKept = reachable(alive).stream()
            .filter(o -> o instanceof HttpRequest || o instanceof HttpHeaders || o instanceof HttpResponse
                || o instanceof MonoSink || o instanceof HttpPipeline || o instanceof URI)
            .map(o -> o.getClass().getName())
            .toList();
        assertThat(upgradeKept).as("what an open socket keeps of its upgrade").isEmpty();

        reading.dispose();
        assertThat(transport.cancelled).isTrue();
    }

    @Test
    void framesReceivedBeforeTheSessionIsReadAreKept() {
        WebSocketSession session = pipeline.websocket(upgrade(), Flux.never()).block(VERIFY);
        transport.push("first");
        transport.push("second");

        StepVerifier.create(session.frames())
            .expectNext("first", "second")
            .then(() -> transport.push("third"))
            .expectNext("third")
            .thenCancel()
            .verify(VERIFY);
        assertThat(transport.cancelled).isTrue();
    }

    private static HttpRequest upgrade() {
        return HttpRequest.of(HttpMethod.GET, SOCKET, "telemetryWebSocket");
    }

    /**
     * Every object reachable from {@code roots} through fields, arrays and atomic references. Objects of the JDK's
     * own classes are not looked into (their fields are closed to reflection) except those, which hold
     * references of their own; a reference kept only inside another JDK type would be missed, none is here.
     */
    private static Set<Object> reachable(List<Object> roots) {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object> next = new ArrayDeque<>(roots);
        Consumer<Object> visit = o -> {
            if (o != null) {
                next.push(o);
            }
        };
        while (!next.isEmpty()) {
            Object o = next.pop();
            if (o instanceof Class || !seen.add(o)) {
                continue;
            }
            Class<?> type = o.getClass();
            if (type.isArray()) {
                if (!type.getComponentType().isPrimitive()) {
                    for (int i = 0; i < Array.getLength(o); i++) {
                        visit.accept(Array.get(o, i));
                    }
                }
            } else if (o instanceof AtomicReference<?> ref) {
                visit.accept(ref.get());
            } else if (o instanceof AtomicReferenceArray<?> refs) {
                for (int i = 0; i < refs.length(); i++) {
                    visit.accept(refs.get(i));
                }
            } else if (!type.getName().startsWith("java.")) {
                for (Class<?> c = type; c != null && !c.getName().startsWith("java."); c = c.getSuperclass()) {
                    for (Field field : c.getDeclaredFields()) {
                        if (!Modifier.isStatic(field.getModifiers()) && !field.getType().isPrimitive()) {
                            visit.accept(read(field, o));
                        }
                    }
                }
            }
        }
        return seen;
    }

    private static Object read(Field field, Object o) {
        try {
            field.setAccessible(true);
            Object value = field.get(o);
            return value;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new AssertionError("cannot read " + field, e);
        }
    }

    /**
     * Opens every socket at once and holds, for the socket's life, the frames' subscriber and the outbound frames'
     * subscriber, as the Netty transport does.
     */
    private static final class SocketHoldingTransport implements HttpTransport {
        final List<Object> held = new CopyOnWriteArrayList<>();
        volatile CoreSubscriber<? super String> frames;
        volatile boolean cancelled;

        @Override
        public Mono<HttpResponse> send(HttpRequest request) {
            return Mono.error(new UnsupportedOperationException("websockets only"));
        }

        @Override
        public Flux<String> websocket(URI uri, HttpHeaders headers, Publisher<String> outbound) {
            return new Flux<>() {
                @Override
                public void subscribe(CoreSubscriber<? super String> actual) {
                    frames = actual;
                    held.add(actual);
                    actual.onSubscribe(new Subscription() {
                        @Override
                        public void request(long n) {
                        }

                        @Override
                        public void cancel() {
                            cancelled = true;
                        }
                    });
                    Sending sending = new Sending();
                    held.add(sending);
                    outbound.subscribe(sending);
                }
            };
        }

        void push(String frame) {
            frames.onNext(frame);
        }

        @Override
        public void close() {
        }
    }

    /** Holds its subscription, as a sender does. */
    private static final class Sending implements Subscriber<String> {
        private Subscription subscription;

        @Override
        public void onSubscribe(Subscription s) {
            subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(String frame) {
            subscription.request(1);
        }

        @Override
        public void onError(Throwable error) {
        }

        @Override
        public void onComplete() {
        }
    }
}
