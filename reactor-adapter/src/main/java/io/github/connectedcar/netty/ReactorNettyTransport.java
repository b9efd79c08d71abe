package io.github.connectedcar.netty;

import io.github.connectedcar.http.HttpHeaders;
import io.github.connectedcar.http.HttpRequest;
import io.github.connectedcar.http.HttpResponse;
import io.github.connectedcar.http.HttpTransport;
import io.github.connectedcar.http.TransportException;
import io.github.connectedcar.http.TransportOptions;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.HttpResources;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * The default {@link HttpTransport}: Reactor Netty's HTTP client over a pool of REST connections, and websockets on
 * Netty's own websocket codec over connections of their own, on the same event loops and resolver, with the same
 * TLS context (the host name is checked against the certificate, as for https).
 *
 * <p>Connections: REST calls share a pool of {@link TransportOptions#maxConnections()}; when all are busy a call
 * waits in a queue of up to {@link TransportOptions#maxPendingCalls()} (the call's deadline bounds the wait) instead
 * of failing. A websocket is long-lived, so it never takes a pooled slot: each opens a connection of its own, closed
 * with the socket. Thousands of open status streams therefore leave every REST slot to calls.
 *
 * <p>What it does on the wire: HTTP/1.1; request headers sent exactly as given (name spelling kept);
 * {@code Accept-Encoding: gzip} sent and gzip bodies inflated; redirects never followed (a 302 comes back as a
 * response with its {@code Location}); each request sent once, with no retry of its own (the pipeline's retry policy
 * decides, and a command must never be sent twice); the whole body read before the response is emitted, which returns
 * the connection to the pool, up to {@link TransportOptions#maxResponseBytes()} (past it the connection is closed and
 * the call ends with {@link io.github.connectedcar.http.ResponseTooLargeException}). TLS trusts the JDK's trust store, or
 * {@link TransportOptions#trustStore()} when given, or uses the {@link SslContext} given to the {@link Builder}; with
 * the JDK's trust store, TLS is set up at the first https or wss call, so http alone never reads it. Host names are
 * resolved by Reactor Netty's DNS resolver, set up at the first host name (an IP address needs none).
 * Nothing here blocks.
 *
 * <p>Every method returning a publisher is lazy: nothing is sent until subscription, and each subscription sends
 * again. Errors arrive as {@link TransportException} signals saying whether the request may have reached the server.
 *
 * <p>Create one with {@link #builder()} (or through {@link ReactorNettyTransportProvider}), share it, and
 * {@link #close()} it when done.
 */
public final class ReactorNettyTransport implements HttpTransport {

    /** Name of the connection pool (shows in Reactor Netty's logs and metrics). */
    public static final String POOL_NAME = "connectedcar";

    /**
     * How long a pooled connection may stay idle before it is retired. Servers and load balancers drop idle
     * keep-alive connections (often after 60 s or less); a request written onto one they have just dropped fails and
     * may count as "may have been sent", so connections are retired before that happens.
     */
    public static final Duration DEFAULT_MAX_IDLE_TIME = Duration.ofSeconds(20);

    /** Largest websocket message accepted, after joining its fragments; status pushes are tens of kilobytes. */
    public static final int MAX_WEBSOCKET_MESSAGE_BYTES = 1024 * 1024;

    /**
     * How a websocket reads from its socket: a small first guess (a push is a few hundred bytes to a few kilobytes)
     * that grows with what arrives; one instance shared by every socket instead of one each.
     */
    private static final AdaptiveRecvByteBufAllocator SOCKET_READS = new AdaptiveRecvByteBufAllocator(64, 512, 65536);

    private static final Logger LOG = LoggerFactory.getLogger(ReactorNettyTransport.class);
    private static final byte[] EMPTY = new byte[0];

    private final TransportOptions options;
    private final ConnectionProvider connectionProvider;
    /** For http URIs: plain, no TLS set up. */
    private final HttpClient client;
    /**
     * The https client ({@link #client} with TLS) and the TLS context of wss sockets. Made at the first call that
     * needs them when the JDK's trust store is used (reading it takes a noticeable part of a command line's start,
     * and an http endpoint, such as a local simulator, never needs it); at once otherwise.
     */
    private final Mono<Secured> secured;
    /** Whether {@link #secured} has made its clients (a test looks). */
    private final AtomicBoolean tlsReady = new AtomicBoolean();
    /** How websockets connect: Reactor Netty's event loops and resolver; made at the first websocket. */
    private volatile Bootstrap websockets;
    /** The open websockets, ended on {@link #close()}: they are outside the pool, whose disposal would not. */
    private final Set<WebSocketConnection> openSockets = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** The last REST headers converted for Netty, only read once made. */
    private volatile Converted lastHeaders;

    /** The https client and the TLS context. */
    private record Secured(HttpClient client, SslContext sslContext) {
    }

    /** @param sslContext the TLS context, or {@code null} for one built from the JDK's trust store when first needed */
    private ReactorNettyTransport(TransportOptions options, SslContext sslContext) {
        this.options = options;
        this.connectionProvider = ConnectionProvider.builder(POOL_NAME)
            .maxConnections(options.maxConnections())
            .maxIdleTime(DEFAULT_MAX_IDLE_TIME)
            .pendingAcquireMaxCount(options.maxPendingCalls())
            .pendingAcquireTimeout(options.maxPendingWait())
            .build();
        this.client = configured(HttpClient.create(connectionProvider), options);
        if (sslContext != null) {
            this.secured = Mono.just(secured(sslContext));
        } else {
            // Reading the trust store is file I/O: never on an event loop, where the first https call may start.
            this.secured = Mono.fromCallable(() -> secured(Builder.trustingSslContext(null)))
                .subscribeOn(Schedulers.boundedElastic())
                .cache();
        }
    }

    private Secured secured(SslContext sslContext) {
        Secured made = new Secured(client.secure(spec -> spec.sslContext(sslContext)), sslContext);
        tlsReady.set(true);
        return made;
    }

    private static HttpClient configured(HttpClient client, TransportOptions options) {
        return client
            // Reactor Netty's DNS resolver only once a host name is to be resolved (an IP address needs none).
            .resolver(new DnsWhenNeeded(() -> client.configuration().defaultAddressResolverGroup()))
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, millis(options.connectTimeout()))
            .responseTimeout(options.responseTimeout())
            .compress(true)
            // The login flow must see each 302 and its Location itself.
            .followRedirect(false)
            // Reactor Netty would otherwise resend once on some connection failures; only the pipeline may decide.
            .disableRetry(true);
    }

    /** Whether the TLS clients have been made: at build with a trust store or context given, else at the first https or wss call. */
    boolean tlsReady() {
        return tlsReady.get();
    }

    private static boolean isSecure(URI uri, String scheme) {
        return scheme.equalsIgnoreCase(uri.getScheme());
    }

    /** A builder with {@link TransportOptions#defaults()} and the JDK's trust store. */
    public static Builder builder() {
        return new Builder();
    }

    /** The options this transport was built with. */
    public TransportOptions options() {
        return options;
    }

    /**
     * Sends the request once and reads the whole response body. Lazy: nothing is sent until subscription, and each
     * subscription sends again. Cancelling before the response has been read closes the connection instead of
     * returning it to the pool.
     *
     * @param request the request; its method, URI, headers and body are sent as they are
     * @return the response, whatever its status (4xx and 5xx are responses, not errors)
     * @throws NullPointerException     (thrown) when {@code request} is null
     * @throws IllegalArgumentException (as an error signal) when a header name or value cannot be sent on HTTP/1.1;
     *                                  nothing is sent
     * @throws TransportException       (as an error signal) when no response arrived; it says whether the request may
     *                                  have reached the server
     * @throws IllegalStateException    (as an error signal) for an https request when the JDK's trust store cannot
     *                                  be read; nothing is sent
     */
    @Override
    public Mono<HttpResponse> send(HttpRequest request) {
        Objects.requireNonNull(request, "request");
        return Mono.defer(() -> {
            if (closed.get()) {
                return Mono.error(TransportErrors.closed(request.operation(), request.uri()));
            }
            io.netty.handler.codec.http.HttpHeaders headers;
            try {
                headers = restHeaders(request.headers());
            } catch (IllegalArgumentException e) {
                return Mono.error(new IllegalArgumentException(
                    request.operation() + ": a header cannot be sent (" + e.getMessage() + ")", e));
            }
            byte[] body = request.body();
            if (isSecure(request.uri(), "https")) {
                return secured.flatMap(tls -> exchange(tls.client(), request, headers, body));
            }
            return exchange(client, request, headers, body);
        });
    }

    private Mono<HttpResponse> exchange(HttpClient client, HttpRequest request,
                                        io.netty.handler.codec.http.HttpHeaders headers, byte[] body) {
        return client
                .request(HttpMethod.valueOf(request.method().name()))
                .uri(request.uri())
                .send((req, out) -> {
                    // header(..) sets one name at a time so Reactor Netty's own headers (Host, Accept-Encoding)
                    // stay unless the request overrides them.
                    headers.forEach(h -> req.header(h.getKey(), h.getValue()));
                    return body == null ? out : out.sendByteArray(Mono.just(body));
                })
                .response((response, content) -> readBody(request, response, content))
                .next()
                .onErrorMap(e -> !(e instanceof TransportException),
                    e -> TransportErrors.forRequest(request.operation(), request.uri(), options.responseTimeout(),
                        e));
    }

    /**
     * Opens a websocket and exchanges text frames. Lazy: the socket opens on subscription.
     *
     * <p>Outbound frames are sent as {@code outbound} emits them. When {@code outbound} completes the socket stays
     * open (a status stream has nothing more to say but still listens); it closes when the server closes it, which
     * completes the returned {@code Flux}, or when the subscription is cancelled (a close frame is sent, then the
     * connection closed), or when the transport is closed (the {@code Flux} completes). Pings are answered, fragments
     * joined up to {@link #MAX_WEBSOCKET_MESSAGE_BYTES}, binary frames ignored. Frames are given as the subscriber asks
     * for them: while it asks for none, the socket is not read. The connect timeout bounds the connection (host name
     * resolved), the response timeout the upgrade's answer; an open socket has no timeout.
     *
     * @param uri      a {@code ws://} or {@code wss://} URI
     * @param headers  headers of the upgrade request (the bearer token among them), sent as spelled
     * @param outbound text frames to send
     * @return the text frames received; completes when the server closes the socket
     * @throws NullPointerException (thrown) when an argument is null
     * @throws TransportException   (as an error signal) when the socket cannot be opened (not sent), when the upgrade is
     *                              refused (the message names the status) or when the socket breaks; an error signalled
     *                              by {@code outbound} itself arrives unchanged
     * @throws IllegalStateException (as an error signal) for a wss URI when the JDK's trust store cannot be read
     */
    @Override
    public Flux<String> websocket(URI uri, HttpHeaders headers, Publisher<String> outbound) {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(outbound, "outbound");
        return Flux.defer(() -> {
            if (closed.get()) {
                return Flux.error(TransportErrors.closed("websocket", uri));
            }
            io.netty.handler.codec.http.HttpHeaders upgradeHeaders;
            try {
                upgradeHeaders = nettyHeaders(headers);
            } catch (IllegalArgumentException e) {
                return Flux.error(new IllegalArgumentException(
                    "websocket: a header cannot be sent (" + e.getMessage() + ")", e));
            }
            if (isSecure(uri, "wss")) {
                return secured.flatMapMany(tls -> socket(tls.sslContext(), uri, upgradeHeaders, outbound));
            }
            return socket(null, uri, upgradeHeaders, outbound);
        });
    }

    /** One socket per subscription, on Netty's websocket codec ({@link WebSocketConnection} says why). */
    private Flux<String> socket(SslContext tls, URI uri, io.netty.handler.codec.http.HttpHeaders upgradeHeaders,
                                Publisher<String> outbound) {
        Bootstrap bootstrap = websocketBootstrap();
        return new Flux<>() {
            @Override
            public void subscribe(CoreSubscriber<? super String> frames) {
                WebSocketConnection socket = new WebSocketConnection(uri, upgradeHeaders,
                    MAX_WEBSOCKET_MESSAGE_BYTES, options, frames, outbound, openSockets);
                openSockets.add(socket);
                socket.connect(bootstrap, uri, tls);
                if (closed.get()) {
                    socket.closeWithTransport();
                }
            }
        };
    }

    private Bootstrap websocketBootstrap() {
        Bootstrap made = websockets;
        if (made == null) {
            // Reactor Netty's own event loops, channel type (epoll where available) and resolver, as the REST client.
            LoopResources loops = HttpResources.get();
            EventLoopGroup group = loops.onClient(LoopResources.DEFAULT_NATIVE);
            made = new Bootstrap()
                .group(group)
                .channel(loops.onChannelClass(SocketChannel.class, group))
                .resolver(client.configuration().resolver())
                // The connection enforces the connect timeout itself (WebSocketConnection says why).
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 0)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.RCVBUF_ALLOCATOR, SOCKET_READS);
            websockets = made;
        }
        return made;
    }

    /**
     * Releases the connection pool and closes open websockets; open connections are closed. Idempotent and
     * non-blocking. Calls made afterwards
     * fail with a {@link TransportException} saying that nothing was sent.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            LOG.debug("Closing transport pool {}", POOL_NAME);
            // dispose() subscribes to disposeLater() and returns at once; the event loops are Reactor Netty's
            // shared ones and stay for other clients.
            connectionProvider.dispose();
            openSockets.forEach(WebSocketConnection::closeWithTransport);
        }
    }

    /**
     * The response with its whole body, read piece by piece up to {@link TransportOptions#maxResponseBytes()}: past
     * it (or when the declared length is past it) the error cancels the body, which closes the connection instead of
     * returning it to the pool, so a huge answer never sits in memory.
     */
    private Mono<HttpResponse> readBody(HttpRequest request, HttpClientResponse response, ByteBufFlux content) {
        int limit = options.maxResponseBytes();
        String declared = response.responseHeaders().get(HttpHeaderNames.CONTENT_LENGTH);
        long length = declared == null ? -1 : declaredLength(declared);
        if (length > limit) {
            return Mono.error(TransportErrors.tooLarge(request.operation(), request.uri(), limit));
        }
        return content
            .reduceWith(() -> new Body(length), (body, piece) -> {
                if (body.size + piece.readableBytes() > limit) {
                    throw TransportErrors.tooLarge(request.operation(), request.uri(), limit);
                }
                body.append(piece);
                return body;
            })
            .map(body -> toResponse(request, response, body.bytes()))
            .defaultIfEmpty(toResponse(request, response, EMPTY));
    }

    /**
     * A body as its pieces arrive, copied once into an array of the declared length when there is one (the usual
     * case; a growing {@code ByteArrayOutputStream} fed a copy of each piece cost a local read about a tenth of its
     * time).
     */
    private static final class Body {
        private static final int FIRST_CAPACITY = 8 * 1024;
        private byte[] buffer;
        private int size;

        /** @param declaredLength the Content-Length, or -1 */
        Body(long declaredLength) {
            buffer = new byte[declaredLength >= 0 ? (int) declaredLength : FIRST_CAPACITY];
        }

        void append(ByteBuf piece) {
            int length = piece.readableBytes();
            if (size + length > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(size + length, buffer.length * 2));
            }
            piece.getBytes(piece.readerIndex(), buffer, size, length);
            size += length;
        }

        byte[] bytes() {
            return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
        }
    }

    /** The length a Content-Length header declares, or -1 when it is malformed (left to Netty). */
    private static long declaredLength(String contentLength) {
        try {
            return Long.parseLong(contentLength.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * {@link #nettyHeaders} of a call's headers; the last ones converted are kept (never changed once made), as the
     * pipeline hands the same headers for every read of one car with one token.
     */
    private io.netty.handler.codec.http.HttpHeaders restHeaders(HttpHeaders headers) {
        Converted last = lastHeaders;
        if (last != null && last.headers() == headers) {
            return last.netty();
        }
        io.netty.handler.codec.http.HttpHeaders netty = nettyHeaders(headers);
        lastHeaders = new Converted(headers, netty);
        return netty;
    }

    /** Headers (by identity) and their Netty form. */
    private record Converted(HttpHeaders headers, io.netty.handler.codec.http.HttpHeaders netty) {
    }

    /** Validated Netty headers with the names spelled as given; throws IllegalArgumentException on a bad one. */
    private static io.netty.handler.codec.http.HttpHeaders nettyHeaders(HttpHeaders headers) {
        io.netty.handler.codec.http.HttpHeaders netty = DefaultHttpHeadersFactory.headersFactory().newHeaders();
        headers.toMap().forEach(netty::set);
        return netty;
    }

    private static HttpResponse toResponse(HttpRequest request, HttpClientResponse response, byte[] body) {
        // Core's headers hold one value per name: the first one received (HttpHeaders.of keeps the first of names
        // that differ only in case).
        Map<String, String> first = new LinkedHashMap<>();
        response.responseHeaders().forEach(h -> first.putIfAbsent(h.getKey(), h.getValue()));
        return new HttpResponse(request, response.status().code(), HttpHeaders.of(first), body);
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }

    /**
     * Builds a {@link ReactorNettyTransport}. Not thread-safe; {@link #build()} may be called more than once, each
     * time making a transport with its own connection pool.
     */
    public static final class Builder {
        private TransportOptions options = TransportOptions.defaults();
        private SslContext sslContext;

        private Builder() {
        }

        /** Timeouts, pool size and trust store; {@link TransportOptions#defaults()} unless set. */
        public Builder options(TransportOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * A client {@link SslContext} to use instead of one built from the trust store, for example to pin
         * certificates or add a client certificate. Optional; cannot be combined with
         * {@link TransportOptions#trustStore()}.
         */
        public Builder sslContext(SslContext sslContext) {
            Objects.requireNonNull(sslContext, "sslContext");
            if (!sslContext.isClient()) {
                throw new IllegalArgumentException("sslContext must be a client context");
            }
            this.sslContext = sslContext;
            return this;
        }

        /**
         * Makes the transport; opens no connection. A trust store given in the options is read now (on the caller's
         * thread); the JDK's own is read at the first https or wss call (on a thread where blocking is allowed, never
         * on an event loop), so a transport used for http alone never reads it.
         *
         * @throws IllegalStateException when both an SslContext and a trust store were given, or when the trust
         *                               store cannot be used
         */
        public ReactorNettyTransport build() {
            if (sslContext != null && options.trustStore() != null) {
                throw new IllegalStateException(
                    "Give either TransportOptions.trustStore() or an sslContext(...), not both");
            }
            if (sslContext == null && options.trustStore() == null) {
                return new ReactorNettyTransport(options, null);
            }
            return new ReactorNettyTransport(options,
                sslContext != null ? sslContext : trustingSslContext(options.trustStore()));
        }

        private static SslContext trustingSslContext(KeyStore trustStore) {
            try {
                TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                // A null key store means the JDK's default trust store (cacerts or javax.net.ssl.trustStore).
                trust.init(trustStore);
                return SslContextBuilder.forClient().trustManager(trust).build();
            } catch (GeneralSecurityException | SSLException e) {
                throw new IllegalStateException("Cannot build a TLS context from the "
                    + (trustStore == null ? "JDK's trust store" : "given trust store of type "
                    + trustStore.getType().toLowerCase(Locale.ROOT)), e);
            }
        }
    }
}
