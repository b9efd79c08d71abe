package io.github.connectedcar.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.http.HttpHeaders;
import io.github.connectedcar.http.HttpMethod;
import io.github.connectedcar.http.HttpRequest;
import io.github.connectedcar.http.TransportException;
import io.github.connectedcar.http.TransportOptions;
import io.github.connectedcar.http.WebSocketRefusedException;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;
import reactor.test.StepVerifier;

/**
 * {@link ReactorNettyTransport#websocket} against a fresh Reactor Netty websocket server per test (port 0), which
 * refuses the upgrade unless the bearer token is right.
 */
@Tag("integration")
class ReactorNettyWebsocketIntegrationTests {

    private static final Duration VERIFY = Duration.ofSeconds(5);
    private static final String TOKEN = "Bearer tmc-token";
    private static final HttpHeaders AUTHORIZED = HttpHeaders.empty()
        .with("Authorization", TOKEN)
        .with("X-Spelled-Like-This", "yes");

    private final AtomicReference<io.netty.handler.codec.http.HttpHeaders> upgradeHeaders = new AtomicReference<>();
    private final Sinks.Empty<Void> serverSocketClosed = Sinks.empty();
    private volatile BiFunction<WebsocketInbound, WebsocketOutbound, Publisher<Void>> handler;
    private DisposableServer server;
    private ReactorNettyTransport transport;

    @BeforeEach
    void startServer() {
        server = HttpServer.create()
            .host("localhost")
            .port(0)
            .route(routes -> routes
                .get("/ws", (request, response) -> {
                    upgradeHeaders.set(request.requestHeaders().copy());
                    if (!TOKEN.equals(request.requestHeaders().get("Authorization"))) {
                        return response.status(401).send();
                    }
                    return response.sendWebsocket((in, out) -> {
                        in.withConnection(connection -> connection.onDispose(serverSocketClosed::tryEmitEmpty));
                        return handler.apply(in, out);
                    });
                })
                .get("/ping", (request, response) -> response.sendString(Mono.just("pong"))))
            .bindNow();
        transport = ReactorNettyTransport.builder().build();
    }

    @AfterEach
    void stopServer() {
        transport.close();
        server.disposeNow(VERIFY);
    }

    @Test
    void exchangesTextFramesAndCompletesWhenTheServerCloses() {
        // Greets, echoes two frames, then returns, which makes the server close the socket.
        handler = (in, out) -> out.sendString(Flux.concat(
            Mono.just("hello"),
            in.receive().asString().take(2).map(text -> "echo:" + text)));

        StepVerifier.create(transport.websocket(wsUri(), AUTHORIZED, Flux.just("a", "b")))
            .expectNext("hello", "echo:a", "echo:b")
            .expectComplete()
            .verify(VERIFY);

        io.netty.handler.codec.http.HttpHeaders received = upgradeHeaders.get();
        assertThat(received.get("Authorization")).isEqualTo(TOKEN);
        assertThat(received.get("X-Spelled-Like-This")).isEqualTo("yes");
        assertThat(received.names()).contains("X-Spelled-Like-This");
    }

    @Test
    void sendsOutboundFramesAsTheyCome() {
        handler = (in, out) -> out.sendString(in.receive().asString().map(text -> "echo:" + text));
        Sinks.Many<String> outbound = Sinks.many().unicast().onBackpressureBuffer();

        StepVerifier.create(transport.websocket(wsUri(), AUTHORIZED, outbound.asFlux()))
            .then(() -> outbound.tryEmitNext("{\"accessToken\":\"first\"}"))
            .expectNext("echo:{\"accessToken\":\"first\"}")
            .then(() -> outbound.tryEmitNext("{\"accessToken\":\"second\"}"))
            .expectNext("echo:{\"accessToken\":\"second\"}")
            .thenCancel()
            .verify(VERIFY);
    }

    @Test
    void keepsTheSocketOpenAfterOutboundCompletes() {
        handler = (in, out) -> out.sendString(Flux.concat(
            Mono.just("first"),
            Mono.delay(Duration.ofMillis(300)).thenReturn("second")));

        StepVerifier.create(transport.websocket(wsUri(), AUTHORIZED, Flux.empty()))
            .expectNext("first", "second")
            .expectComplete()
            .verify(VERIFY);
    }

    @Test
    void keepsAnIdleSocketOpenBeyondTheResponseTimeout() {
        transport.close();
        transport = ReactorNettyTransport.builder()
            .options(TransportOptions.defaults().withResponseTimeout(Duration.ofMillis(200)))
            .build();
        handler = (in, out) -> out.sendString(Flux.concat(
            Mono.just("first"),
            Mono.delay(Duration.ofMillis(600)).thenReturn("after a quiet spell")));

        StepVerifier.create(transport.websocket(wsUri(), AUTHORIZED, Flux.never()))
            .expectNext("first", "after a quiet spell")
            .expectComplete()
            .verify(VERIFY);
    }

    @Test
    void cancellingClosesTheSocket() {
        handler = (in, out) -> out.sendString(Flux.concat(Mono.just("hello"), Flux.never()));

        StepVerifier.create(transport.websocket(wsUri(), AUTHORIZED, Flux.never()))
            .expectNext("hello")
            .thenCancel()
            .verify(VERIFY);

        StepVerifier.create(serverSocketClosed.asMono())
            .expectComplete()
            .verify(VERIFY);
    }

    @Test
    void reportsARefusedUpgradeWithItsStatus() {
        handler = (in, out) -> out.sendString(Mono.just("must not be reached"));
        HttpHeaders expiredToken = HttpHeaders.empty().with("Authorization", "Bearer expired-secret");

        StepVerifier.create(transport.websocket(wsUri(), expiredToken, Flux.never()))
            .expectErrorSatisfies(error -> {
                assertThat(error).isInstanceOf(TransportException.class);
                assertThat(error.getMessage())
                    .contains("websocket", "401", "localhost:" + server.port())
                    .doesNotContain("expired-secret");
            })
            .verify(VERIFY);
    }

    @Test
    void reportsAnUnreachableServerAsNotSent() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        StepVerifier.create(transport.websocket(URI.create("ws://127.0.0.1:" + closedPort + "/ws"), AUTHORIZED,
                Flux.never()))
            .expectErrorSatisfies(error -> {
                assertThat(error).isInstanceOf(TransportException.class);
                assertThat(((TransportException) error).requestMayHaveBeenSent()).isFalse();
                assertThat(error.getMessage()).contains("websocket", "127.0.0.1:" + closedPort);
            })
            .verify(VERIFY);
    }

    @Test
    void passesAnErrorOfTheOutboundPublisherOnUnchanged() {
        handler = (in, out) -> out.sendString(Flux.never());
        IllegalStateException tokenUnavailable = new IllegalStateException("no token to rotate to");

        StepVerifier.create(transport.websocket(wsUri(), AUTHORIZED, Flux.error(tokenUnavailable)))
            .expectErrorSatisfies(error -> assertThat(error).isSameAs(tokenUnavailable))
            .verify(VERIFY);
        StepVerifier.create(serverSocketClosed.asMono())
            .expectComplete()
            .verify(VERIFY);
    }

    @Test
    void givesItsPooledConnectionBackWhenClosed() {
        useAPoolOfOne();
        handler = (in, out) -> out.sendString(Mono.just("bye"));

        StepVerifier.create(transport.websocket(wsUri(), AUTHORIZED, Flux.never()))
            .expectNext("bye")
            .expectComplete()
            .verify(VERIFY);
        // With a pool of one, this waits for the pool's acquire timeout if the websocket kept its connection.
        expectPong();
    }

    @Test
    void openSocketsTakeNoSlotOfTheRestPool() {
        useAPoolOfOne();
        handler = (in, out) -> out.sendString(Flux.just("open").concatWith(Flux.never()));
        List<Disposable> sockets = new ArrayList<>();
        List<String> opened = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 5; i++) {
            sockets.add(transport.websocket(wsUri(), AUTHORIZED, Flux.never()).subscribe(opened::add));
        }
        try {
            StepVerifier.create(Flux.interval(Duration.ofMillis(10)).filter(tick -> opened.size() == 5).next())
                .expectNextCount(1)
                .expectComplete()
                .verify(VERIFY);
            // Five sockets open on a pool of one: a call still gets the pooled connection at once.
            expectPong();
        } finally {
            sockets.forEach(Disposable::dispose);
        }
    }

    @Test
    void callsBeyondAFullPoolWaitTheirTurnInsteadOfFailing() {
        useAPoolOfOne();
        StepVerifier.create(Flux.range(0, 20)
                .flatMap(i -> transport.send(ping()), 20)
                .map(response -> response.bodyAsString()))
            .expectNextCount(20)
            .expectComplete()
            .verify(VERIFY);
    }

    @Test
    void opensNothingUntilSubscribed() {
        handler = (in, out) -> out.sendString(Mono.just("hello"));

        Flux<String> socket = transport.websocket(wsUri(), AUTHORIZED, Flux.never());

        assertThat(upgradeHeaders.get()).isNull();
        StepVerifier.create(socket).expectNext("hello").expectComplete().verify(VERIFY);
        assertThat(upgradeHeaders.get()).isNotNull();
    }

    @Test
    void opensASecureSocketTrustingTheGivenTrustStore() {
        DisposableServer secure = secureServer();
        try {
            useTheTestTrustStore();
            handler = (in, out) -> out.sendString(Mono.just("secure hello"));

            StepVerifier.create(transport.websocket(URI.create("wss://localhost:" + secure.port() + "/ws"),
                    AUTHORIZED, Flux.never()))
                .expectNext("secure hello")
                .expectComplete()
                .verify(VERIFY);
        } finally {
            secure.disposeNow(VERIFY);
        }
    }

    @Test
    void refusesASecureSocketWhoseCertificateDoesNotNameTheHostWithoutSending() {
        DisposableServer secure = secureServer();
        try {
            useTheTestTrustStore();
            handler = (in, out) -> out.sendString(Mono.just("must not be reached"));

            // A trusted certificate, but issued for "localhost" only, reached by IP address.
            StepVerifier.create(transport.websocket(URI.create("wss://127.0.0.1:" + secure.port() + "/ws"),
                    AUTHORIZED, Flux.never()))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(TransportException.class);
                    assertThat(((TransportException) error).requestMayHaveBeenSent()).isFalse();
                    assertThat(error.getMessage()).contains("TLS handshake");
                })
                .verify(VERIFY);
            assertThat(upgradeHeaders.get()).isNull();
        } finally {
            secure.disposeNow(VERIFY);
        }
    }

    @Test
    void answersThePingsOfTheServer() {
        handler = (in, out) -> out.sendObject(Flux.concat(
            Mono.just(new PingWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {1, 2, 3}))),
            in.receiveFrames()
                .filter(PongWebSocketFrame.class::isInstance)
                .map(pong -> new TextWebSocketFrame("pong carried " + pong.content().readableBytes() + " bytes"))
                .take(1)));

        StepVerifier.create(transport.websocket(wsUri(), AUTHORIZED, Flux.never()))
            .expectNext("pong carried 3 bytes")
            .expectComplete()
            .verify(VERIFY);
    }

    @Test
    void joinsAMessageSentInFragments() {
        handler = (in, out) -> out.sendObject(Flux.just(
            new TextWebSocketFrame(false, 0, "{\"_data\":"),
            new ContinuationWebSocketFrame(false, 0, "{\"speed\":"),
            new ContinuationWebSocketFrame(true, 0, "12}}")));

        StepVerifier.create(transport.websocket(wsUri(), AUTHORIZED, Flux.never()))
            .expectNext("{\"_data\":{\"speed\":12}}")
            .expectComplete()
            .verify(VERIFY);
    }

    @Test
    void givesFramesOnlyAsTheSubscriberAsksForThem() {
        handler = (in, out) -> out.sendString(Flux.just("1", "2", "3", "4", "5"));

        StepVerifier.create(transport.websocket(wsUri(), AUTHORIZED, Flux.never()), 1)
            .expectNext("1")
            .expectNoEvent(Duration.ofMillis(200))
            .thenRequest(2)
            .expectNext("2", "3")
            .expectNoEvent(Duration.ofMillis(200))
            .thenRequest(10)
            .expectNext("4", "5")
            .expectComplete()
            .verify(VERIFY);
    }

    @Test
    void closingTheTransportEndsItsOpenSockets() {
        handler = (in, out) -> out.sendString(Flux.concat(Mono.just("open"), Flux.never()));

        StepVerifier.create(transport.websocket(wsUri(), AUTHORIZED, Flux.never()))
            .expectNext("open")
            .then(transport::close)
            .expectComplete()
            .verify(VERIFY);
        StepVerifier.create(serverSocketClosed.asMono())
            .expectComplete()
            .verify(VERIFY);
    }

    @Test
    void reportsAConnectTimeoutAsNotSent() throws IOException {
        transport.close();
        transport = ReactorNettyTransport.builder()
            .options(TransportOptions.defaults().withConnectTimeout(Duration.ofMillis(300)))
            .build();
        // A listening socket that never accepts, its backlog filled: the kernel leaves further connects unanswered.
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> filling = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    Socket socket = new Socket();
                    try {
                        socket.connect(full.getLocalSocketAddress(), 100);
                        filling.add(socket);
                    } catch (IOException timedOut) {
                        socket.close();
                        break;
                    }
                }
                StepVerifier.create(transport.websocket(
                        URI.create("ws://127.0.0.1:" + full.getLocalPort() + "/ws"), AUTHORIZED, Flux.never()))
                    .expectErrorSatisfies(error -> {
                        assertThat(error).isInstanceOf(TransportException.class);
                        assertThat(((TransportException) error).requestMayHaveBeenSent()).isFalse();
                        assertThat(error.getMessage()).contains("timed out connecting to 127.0.0.1:");
                    })
                    .verify(VERIFY);
            } finally {
                for (Socket socket : filling) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void reportsA101WithAWrongAcceptKeyAsAFailedUpgradeNotARefusal() throws IOException {
        try (ServerSocket wrong = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(() -> {
                try (Socket socket = wrong.accept()) {
                    socket.getOutputStream().write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                        + "Connection: Upgrade\r\nSec-WebSocket-Accept: not-the-key\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                    socket.getInputStream().read(new byte[4096]);
                } catch (IOException closed) {
                    // The client hung up, as it should.
                }
            });
            answering.start();

            StepVerifier.create(transport.websocket(URI.create("ws://127.0.0.1:" + wrong.getLocalPort() + "/ws"),
                    AUTHORIZED, Flux.never()))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(TransportException.class)
                        .isNotInstanceOf(WebSocketRefusedException.class);
                    assertThat(((TransportException) error).requestMayHaveBeenSent()).isTrue();
                    assertThat(error.getMessage()).contains("no valid handshake response");
                })
                .verify(VERIFY);
        }
    }

    private DisposableServer secureServer() {
        return HttpServer.create()
            .host("localhost")
            .port(0)
            .secure(spec -> spec.sslContext(TestCertificates.nettyServerSslContext()))
            .route(routes -> routes.get("/ws", (request, response) -> {
                upgradeHeaders.set(request.requestHeaders().copy());
                return response.sendWebsocket((in, out) -> handler.apply(in, out));
            }))
            .bindNow();
    }

    private void useTheTestTrustStore() {
        transport.close();
        transport = ReactorNettyTransport.builder()
            .options(TransportOptions.defaults().withTrustStore(TestCertificates.trustStore()))
            .build();
    }

    private void useAPoolOfOne() {
        transport.close();
        transport = ReactorNettyTransport.builder()
            .options(TransportOptions.defaults().withMaxConnections(1))
            .build();
    }

    /** A call on the pooled connection, answered. */
    private void expectPong() {
        StepVerifier.create(transport.send(ping()))
            .assertNext(response -> assertThat(response.bodyAsString()).isEqualTo("pong"))
            .expectComplete()
            .verify(VERIFY);
    }

    private HttpRequest ping() {
        return HttpRequest.of(HttpMethod.GET, URI.create("http://localhost:" + server.port() + "/ping"), "ping");
    }

    private URI wsUri() {
        return URI.create("ws://localhost:" + server.port() + "/ws");
    }
}
