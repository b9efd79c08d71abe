package io.github.connectedcar.netty;

import io.github.connectedcar.http.TransportOptions;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Operators;

/**
 * One websocket on Netty's own codec: the upgrade, then text frames in and out until either side closes.
 *
 * <p>Why not Reactor Netty's websocket client: it keeps the upgrade's request, response, headers, URI and a copy
 * of the client's configuration for the socket's whole life, several kilobytes per socket, which thousands of open
 * status streams multiply. Here the upgrade's state is dropped once the server answers 101: an open socket holds its
 * channel, the frame codec, this handler and the caller's subscribers.
 *
 * <p>It is the channel's last handler and the {@link Subscription} of the frames received. Every signal to the
 * subscriber is sent on the channel's event loop. Frames the subscriber has not asked for wait in a small queue
 * while the channel stops reading from the socket, so a slow subscriber slows the server down instead of
 * filling the heap.
 */
final class WebSocketConnection extends ChannelInboundHandlerAdapter implements Subscription {

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketConnection.class);
    private static final AtomicLongFieldUpdater<WebSocketConnection> REQUESTED =
        AtomicLongFieldUpdater.newUpdater(WebSocketConnection.class, "requested");
    private static final String UPGRADE_TIMEOUT = "upgrade-timeout";
    /** The normal closure status (RFC 6455 §7.4.1), sent when the subscriber cancels. */
    private static final int NORMAL_CLOSURE = 1000;
    /** Marks a normal end among the ends that may wait for the backlog (the others are errors). */
    private static final Throwable COMPLETED = new Throwable("the socket closed normally");

    private final CoreSubscriber<? super String> inbound;
    private final Publisher<String> outbound;
    private final String hostPort;
    private final TransportOptions options;
    /** The transport's open sockets, which this one leaves when it is done with. */
    private final Set<WebSocketConnection> openSockets;

    /** Until the server answers the upgrade; dropped then, as the socket needs it no more. */
    private WebSocketClientHandshaker handshaker;
    private volatile Channel channel;
    private volatile long requested;
    /** Set once the subscriber cancelled or got its last signal: nothing more is sent to it. */
    private volatile boolean done;

    // Touched on the event loop only.
    private boolean open;
    private ArrayDeque<String> backlog;
    /** The end that waits for the backlog to drain: null, or {@link #COMPLETED}, or the error. */
    private Throwable pendingEnd;
    private Subscription sending;

    /**
     * @param uri            the {@code ws://} or {@code wss://} URI; kept only until the upgrade is answered
     * @param headers        the upgrade request's headers, sent as spelled
     * @param maxFrameBytes  the largest message accepted, after joining its fragments
     * @param options        the connect timeout, and the response timeout that bounds the upgrade's answer
     * @param inbound        the subscriber of the text frames received
     * @param outbound       the text frames to send, subscribed once the socket is open
     * @param openSockets    the transport's open sockets, which this one leaves when it is closed, failed or
     *                       cancelled
     */
    WebSocketConnection(URI uri, HttpHeaders headers, int maxFrameBytes, TransportOptions options,
                        CoreSubscriber<? super String> inbound, Publisher<String> outbound,
                        Set<WebSocketConnection> openSockets) {
        this.inbound = inbound;
        this.outbound = outbound;
        this.hostPort = TransportErrors.hostAndPort(uri);
        this.options = options;
        this.openSockets = openSockets;
        // As Reactor Netty's websocket client made it (extensions allowed), so the upgrade reads the same on the wire.
        this.handshaker = WebSocketClientHandshakerFactory.newHandshaker(uri, WebSocketVersion.V13, null, true,
            headers, maxFrameBytes);
    }

    /**
     * Connects with a copy of {@code bootstrap} (event loops, channel type, resolver and options set), with TLS when
     * {@code tls} is given. Signals {@code onSubscribe} first.
     */
    void connect(Bootstrap bootstrap, URI uri, SslContext tls) {
        inbound.onSubscribe(this);
        if (done) {
            return;
        }
        String host = uri.getHost();
        int port = Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1));
        Bootstrap connecting = bootstrap.clone().handler(new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel ch) {
                channel = ch;
                ChannelPipeline pipeline = ch.pipeline();
                if (tls != null) {
                    pipeline.addLast(sslHandler(ch, tls, host, port));
                }
                pipeline.addLast(UPGRADE_TIMEOUT,
                    new ReadTimeoutHandler(options.responseTimeout().toMillis(), TimeUnit.MILLISECONDS));
                pipeline.addLast(new HttpClientCodec());
                pipeline.addLast(WebSocketConnection.this);
            }
        });
        ChannelFuture connected = connecting.connect(InetSocketAddress.createUnresolved(host, port));
        channel = connected.channel();
        // The connect timeout of our own: Netty's stays referenced by the channel for its whole life.
        ScheduledFuture<?> timeout = channel.eventLoop().schedule(() -> {
            fail(new ConnectTimeoutException("connection timed out"));
            connected.channel().close();
        }, options.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        connected.addListener(result -> {
            timeout.cancel(false);
            if (!result.isSuccess()) {
                fail(result.cause());
            }
        });
        if (done) {
            // Cancelled while connecting.
            channel.close();
        }
    }

    private static SslHandler sslHandler(Channel ch, SslContext tls, String host, int port) {
        SslHandler handler = tls.newHandler(ch.alloc(), host, port);
        // Check that the certificate names the host, as an https client does.
        SSLEngine engine = handler.engine();
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        engine.setSSLParameters(parameters);
        return handler;
    }

    /** Ends the socket because the transport is closing: the subscriber sees the frames end. */
    void closeWithTransport() {
        Channel ch = channel;
        if (ch == null) {
            cancel();
            return;
        }
        ch.eventLoop().execute(() -> {
            end(COMPLETED);
            ch.close();
        });
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        handshaker.handshake(ctx.channel()).addListener(written -> {
            if (!written.isSuccess()) {
                fail(written.cause());
            }
        });
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!open) {
            try {
                if (msg instanceof HttpResponse response) {
                    answered(ctx, response);
                }
            } finally {
                // The upgrade's answer and whatever body it had: nothing of it is kept.
                ReferenceCountUtil.release(msg);
            }
            return;
        }
        if (msg instanceof TextWebSocketFrame text) {
            String frame = text.text();
            text.release();
            deliver(ctx, frame);
        } else if (msg instanceof PingWebSocketFrame ping) {
            ctx.writeAndFlush(new PongWebSocketFrame(ping.content()));
        } else if (msg instanceof CloseWebSocketFrame close) {
            // Answer the server's close and finish: the frames end normally.
            ctx.writeAndFlush(close).addListener(ChannelFutureListener.CLOSE);
            end(COMPLETED);
        } else {
            if (msg instanceof WebSocketFrame frame && !(msg instanceof PongWebSocketFrame)) {
                LOG.debug("Ignoring a non-text websocket frame ({})", frame.getClass().getSimpleName());
            }
            ReferenceCountUtil.release(msg);
        }
    }

    private void answered(ChannelHandlerContext ctx, HttpResponse response) {
        if (!HttpResponseStatus.SWITCHING_PROTOCOLS.equals(response.status())) {
            fail(new WebSocketClientHandshakeException("The websocket upgrade was refused with status "
                + response.status().code(), response));
            ctx.close();
            return;
        }
        WebSocketClientHandshaker upgrading = handshaker;
        handshaker = null;
        try {
            // Checks the accept key and swaps the HTTP codec for the frame codec.
            upgrading.finishHandshake(ctx.channel(), new DefaultFullHttpResponse(response.protocolVersion(),
                response.status(), Unpooled.EMPTY_BUFFER, response.headers(), EmptyHttpHeaders.INSTANCE));
        } catch (RuntimeException invalid) {
            // A 101 that does not complete the handshake (a wrong accept key): no socket, and no status to report.
            fail(new WebSocketClientHandshakeException("invalid websocket handshake response"));
            ctx.close();
            return;
        }
        ChannelPipeline pipeline = ctx.pipeline();
        pipeline.remove(UPGRADE_TIMEOUT);
        pipeline.addBefore(ctx.name(), null, new WebSocketFrameAggregator(upgrading.maxFramePayloadLength()));
        open = true;
        if (done) {
            ctx.close();
            return;
        }
        outbound.subscribe(new Sending(ctx.channel()));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (open) {
            end(COMPLETED);
        } else {
            end(TransportErrors.forWebsocket(hostPort, options.responseTimeout(),
                new IOException("the connection closed before the upgrade was answered")));
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(cause);
        ctx.close();
    }

    // --- frames to the subscriber (event loop) ----------------------------------------------------------------

    private void deliver(ChannelHandlerContext ctx, String frame) {
        if (done || pendingEnd != null) {
            return;
        }
        if ((backlog == null || backlog.isEmpty()) && take()) {
            inbound.onNext(frame);
            return;
        }
        if (backlog == null) {
            backlog = new ArrayDeque<>(4);
        }
        backlog.add(frame);
        // No demand: stop reading until there is.
        ctx.channel().config().setAutoRead(false);
    }

    /** Takes one unit of demand, if there is any. */
    private boolean take() {
        while (true) {
            long current = requested;
            if (current == 0) {
                return false;
            }
            if (current == Long.MAX_VALUE || REQUESTED.compareAndSet(this, current, current - 1)) {
                return true;
            }
        }
    }

    private void drain() {
        while (backlog != null && !backlog.isEmpty() && !done) {
            if (!take()) {
                return;
            }
            inbound.onNext(backlog.poll());
        }
        Channel ch = channel;
        if (pendingEnd != null) {
            Throwable end = pendingEnd;
            pendingEnd = null;
            signalEnd(end);
        } else if (ch != null && !ch.config().isAutoRead()) {
            ch.config().setAutoRead(true);
        }
    }

    /** The last signal, once the frames already received have been delivered. */
    private void end(Throwable end) {
        if (done || pendingEnd != null) {
            return;
        }
        if (backlog != null && !backlog.isEmpty() && end == COMPLETED) {
            pendingEnd = end;
            return;
        }
        signalEnd(end);
    }

    private void signalEnd(Throwable end) {
        if (done) {
            return;
        }
        done = true;
        backlog = null;
        stopSending();
        openSockets.remove(this);
        if (end == COMPLETED) {
            inbound.onComplete();
        } else {
            inbound.onError(end);
        }
    }

    /** A failure of the socket, on the event loop or not. */
    private void fail(Throwable cause) {
        Throwable error = TransportErrors.forWebsocket(hostPort, options.responseTimeout(), cause);
        onEventLoop(() -> end(error));
    }

    private void onEventLoop(Runnable task) {
        Channel ch = channel;
        if (ch == null || ch.eventLoop().inEventLoop()) {
            task.run();
        } else {
            ch.eventLoop().execute(task);
        }
    }

    private void stopSending() {
        Subscription s = sending;
        sending = null;
        if (s != null) {
            s.cancel();
        }
    }

    // --- Subscription ---------------------------------------------------------------------------------------

    @Override
    public void request(long n) {
        if (!Operators.validate(n)) {
            return;
        }
        Operators.addCap(REQUESTED, this, n);
        Channel ch = channel;
        if (ch != null) {
            onEventLoop(this::drain);
        }
    }

    @Override
    public void cancel() {
        if (done) {
            return;
        }
        done = true;
        openSockets.remove(this);
        Channel ch = channel;
        if (ch == null) {
            return; // connect() closes the channel it opens
        }
        onEventLoop(() -> {
            backlog = null;
            stopSending();
            if (open && ch.isActive()) {
                ch.writeAndFlush(new CloseWebSocketFrame(NORMAL_CLOSURE, null)).addListener(ChannelFutureListener.CLOSE);
            } else {
                ch.close();
            }
        });
    }

    @Override
    public String toString() {
        return "WebSocketConnection[" + hostPort + "]";
    }

    /** Sends the caller's frames, one at a time, for as long as the socket is open. */
    private final class Sending implements CoreSubscriber<String> {
        private final Channel ch;

        Sending(Channel ch) {
            this.ch = ch;
        }

        @Override
        public void onSubscribe(Subscription s) {
            onEventLoop(() -> {
                if (done) {
                    s.cancel();
                } else {
                    sending = s;
                    s.request(1);
                }
            });
        }

        @Override
        public void onNext(String frame) {
            ch.writeAndFlush(new TextWebSocketFrame(frame)).addListener(written -> {
                Subscription s = sending;
                if (written.isSuccess() && s != null) {
                    s.request(1);
                }
                // A failed write means the channel is closing: channelInactive ends the frames.
            });
        }

        @Override
        public void onError(Throwable error) {
            // The caller's own error reaches the subscriber unchanged, and the socket closes.
            onEventLoop(() -> {
                sending = null;
                end(error);
                ch.close();
            });
        }

        @Override
        public void onComplete() {
            // Nothing more to send; the socket stays open to receive.
            onEventLoop(() -> sending = null);
        }
    }
}
