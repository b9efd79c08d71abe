package io.github.connectedcar.netty;

import io.github.connectedcar.http.ResponseTooLargeException;
import io.github.connectedcar.http.TransportException;
import io.github.connectedcar.http.WebSocketRefusedException;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import io.netty.handler.timeout.ReadTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.SSLHandshakeException;
import reactor.core.Exceptions;
import reactor.netty.channel.AbortedException;
import reactor.netty.http.client.PrematureCloseException;

/**
 * Turns what Reactor Netty and Netty signal into core's {@link TransportException}, deciding whether the request may
 * have reached the server. Only a failure that certainly happened before any byte of the request was written says
 * "not sent"; anything unknown says "may have been sent", because a command must never be sent twice.
 *
 * <p>Messages name the operation and the host and port, never the path, query, headers or body (they may hold
 * secrets), and never copy a cause's message.
 */
final class TransportErrors {

    // Reactor Netty's pool exceptions live in a shaded, non-API package; they are recognised by name, and a rename
    // only makes them fall back to the safe "may have been sent".
    private static final String POOL_PACKAGE = "reactor.netty.internal.shaded.reactor.pool.";
    private static final String POOL_ACQUIRE_TIMEOUT = POOL_PACKAGE + "PoolAcquireTimeoutException";
    private static final String POOL_PENDING_LIMIT = POOL_PACKAGE + "PoolAcquirePendingLimitException";
    private static final String POOL_SHUTDOWN = POOL_PACKAGE + "PoolShutdownException";

    private static final String CLOSED_BEFORE_SEND = AbortedException.beforeSend().getMessage();
    private static final int MAX_CAUSE_DEPTH = 16;

    /** What happened, and whether the request may have left. */
    private record Failure(String what, boolean requestMayHaveBeenSent) {}

    private TransportErrors() {
    }

    /**
     * The exception for a failed HTTP exchange.
     *
     * @param operation       the operation's name, from {@code HttpRequest.operation()}
     * @param uri             the request's URI; only its host and port are used
     * @param responseTimeout the configured response timeout, to say how long was waited
     * @param error           what Reactor Netty signalled
     */
    static TransportException forRequest(String operation, URI uri, Duration responseTimeout, Throwable error) {
        Throwable cause = Exceptions.unwrap(error);
        String hostPort = hostAndPort(uri);
        Failure failure = classify(cause, hostPort, responseTimeout);
        return new TransportException(message(operation, failure), failure.requestMayHaveBeenSent(), cause);
    }

    /**
     * The exception for a websocket that could not be opened or broke.
     *
     * @param uri             the websocket URI; only its host and port are used
     * @param responseTimeout the configured response timeout (it bounds the upgrade's answer)
     * @param error           what Reactor Netty signalled
     */
    static TransportException forWebsocket(URI uri, Duration responseTimeout, Throwable error) {
        return forWebsocket(hostAndPort(uri), responseTimeout, error);
    }

    /**
     * The exception for a websocket that could not be opened or broke; one already made here passes unchanged.
     *
     * @param hostPort        the websocket's {@code host:port} ({@link #hostAndPort})
     * @param responseTimeout the configured response timeout (it bounds the upgrade's answer)
     * @param error           what Netty signalled
     */
    static TransportException forWebsocket(String hostPort, Duration responseTimeout, Throwable error) {
        Throwable cause = Exceptions.unwrap(error);
        if (cause instanceof TransportException known) {
            return known;
        }
        if (cause instanceof WebSocketClientHandshakeException refused) {
            Failure failure = upgradeRefused(refused, hostPort);
            return refused.response() == null
                ? new TransportException(message("websocket", failure), failure.requestMayHaveBeenSent(), cause)
                : new WebSocketRefusedException(message("websocket", failure), refused.response().status().code(),
                    cause);
        }
        Failure failure = classify(cause, hostPort, responseTimeout);
        return new TransportException(message("websocket", failure), failure.requestMayHaveBeenSent(), cause);
    }

    /** The exception for a response body past the limit: the request was sent, the connection is closed. */
    static ResponseTooLargeException tooLarge(String operation, URI uri, int limit) {
        return new ResponseTooLargeException(operation + ": the response from " + hostAndPort(uri) + " is larger than "
            + describeBytes(limit) + " (TransportOptions.maxResponseBytes), so reading stopped and the connection was "
            + "closed; the request may have reached the server. Ford's answers are far smaller: check the endpoint "
            + "and what stands in between (a proxy or a captive portal).", limit);
    }

    private static String describeBytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB"
            : bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }

    /** The exception for a call on a closed transport: nothing is sent. */
    static TransportException closed(String operation, URI uri) {
        return new TransportException(message(operation, closedFailure(hostAndPort(uri))), false, null);
    }

    /** {@code host:port}, with the scheme's default port when the URI has none. */
    static String hostAndPort(URI uri) {
        int port = uri.getPort();
        if (port < 0) {
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            port = scheme.equals("https") || scheme.equals("wss") ? 443 : 80;
        }
        return uri.getHost() + ":" + port;
    }

    private static String message(String operation, Failure failure) {
        return operation + ": " + failure.what()
            + (failure.requestMayHaveBeenSent() ? "; the request may have reached the server"
                : "; the request was not sent");
    }

    private static Failure upgradeRefused(WebSocketClientHandshakeException refused, String hostPort) {
        // Either way the upgrade request was written, so it may have been (or was) read.
        if (refused.response() == null) {
            return new Failure("the websocket upgrade at " + hostPort + " got no valid handshake response", true);
        }
        return new Failure("the websocket upgrade at " + hostPort + " was refused with status "
            + refused.response().status().code(), true);
    }

    private static Failure closedFailure(String hostPort) {
        return new Failure("the transport is closed (" + hostPort + ")", false);
    }

    private static Failure classify(Throwable error, String hostPort, Duration responseTimeout) {
        // The most specific known failure anywhere in the cause chain decides; wrappers (Netty's DecoderException,
        // Reactor's ReactiveException) say nothing themselves.
        List<Throwable> chain = causeChain(error);
        for (Throwable t : chain) {
            Failure known = known(t, hostPort, responseTimeout);
            if (known != null) {
                return known;
            }
        }
        for (Throwable t : chain) {
            if (t instanceof IOException) {
                return new Failure("the connection to " + hostPort + " failed" + (isReset(t) ? " (reset by peer)" : ""),
                    true);
            }
        }
        return new Failure("the exchange with " + hostPort + " failed", true);
    }

    private static List<Throwable> causeChain(Throwable error) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = error; t != null && chain.size() < MAX_CAUSE_DEPTH && seen.add(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static Failure known(Throwable t, String hostPort, Duration responseTimeout) {
        // Not sent: no connection was made, so no byte of the request left.
        if (t instanceof ConnectTimeoutException) {
            return new Failure("timed out connecting to " + hostPort, false);
        }
        if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
            return new Failure((isRefused(t) ? "connection refused by " : "could not connect to ") + hostPort, false);
        }
        if (t instanceof UnknownHostException) {
            return new Failure("could not resolve the host of " + hostPort, false);
        }
        if (t instanceof SSLHandshakeException) {
            // Reactor Netty writes the request only once the TLS handshake has completed.
            return new Failure("the TLS handshake with " + hostPort + " failed", false);
        }
        if (t instanceof AbortedException && CLOSED_BEFORE_SEND.equals(t.getMessage())) {
            // Reactor Netty raises this when the connection closed before the request's headers were written,
            // typically a pooled connection the server had just dropped.
            return new Failure("the connection to " + hostPort + " closed before the request was written", false);
        }
        String className = t.getClass().getName();
        if (className.equals(POOL_ACQUIRE_TIMEOUT)) {
            return new Failure("no pooled connection to " + hostPort + " became free in time", false);
        }
        if (className.equals(POOL_PENDING_LIMIT)) {
            return new Failure("too many requests are waiting for a connection to " + hostPort, false);
        }
        if (className.equals(POOL_SHUTDOWN)) {
            return closedFailure(hostPort);
        }
        // May have been sent: the connection was up when these happened.
        if (t instanceof ReadTimeoutException) {
            return new Failure("no response from " + hostPort + " within " + describe(responseTimeout), true);
        }
        if (t instanceof PrematureCloseException) {
            return new Failure("the connection to " + hostPort + " closed before the response was complete", true);
        }
        return null;
    }

    private static boolean isRefused(Throwable t) {
        return t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains("refused");
    }

    private static boolean isReset(Throwable t) {
        return t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains("reset");
    }

    private static String describe(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }
}
