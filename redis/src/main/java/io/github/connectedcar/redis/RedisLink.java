package io.github.connectedcar.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * One store's connection to Redis, shared by both stores' code: a Lettuce client (the store's own, or the
 * application's), one connection opened at the first call and kept (Lettuce re-establishes it when it drops; a
 * failed attempt is not cached, so the next call tries again), every exchange bounded by the command timeout, and
 * the address as a user would write it, without credentials.
 */
final class RedisLink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisLink.class);
    /** A client of our own reconnects quickly once Redis is back (Lettuce's default waits up to 30 s). */
    private static final Delay RECONNECT_DELAY = Delay.exponential(Duration.ofMillis(10), Duration.ofSeconds(1), 2,
        TimeUnit.MILLISECONDS);

    private final RedisClient client;
    private final ClientResources ownedResources;
    private final String address;
    private final Duration commandTimeout;
    private final Mono<StatefulRedisConnection<String, String>> connection;
    private final AtomicReference<StatefulRedisConnection<String, String>> opened = new AtomicReference<>();
    private volatile boolean closed;

    private RedisLink(RedisClient client, ClientResources ownedResources, RedisURI uri, Duration commandTimeout) {
        this.client = client;
        this.ownedResources = ownedResources;
        this.address = describe(uri);
        this.commandTimeout = commandTimeout;
        this.connection = Mono.defer(() -> closed ? Mono.error(new IllegalStateException("The store on " + address
                + " is closed")) : Mono.fromCompletionStage(client.connectAsync(StringCodec.UTF8, uri)))
            .timeout(commandTimeout, Mono.error(() -> new RedisConnectionException("no connection within "
                + commandTimeout.toMillis() + " ms")))
            .doOnNext(open -> {
                opened.set(open);
                if (closed) {
                    open.closeAsync(); // closed while connecting
                }
            })
            .cacheInvalidateIf(open -> false);
    }

    /**
     * A link with a client of its own, which times out commands and connection attempts after
     * {@code commandTimeout}, rejects commands at once while disconnected and reconnects within a second.
     *
     * @throws IllegalArgumentException when {@code uri} is not a Redis URI (the message never repeats it: it may hold
     *                                  a password)
     */
    static RedisLink owned(String uri, Duration commandTimeout) {
        Objects.requireNonNull(uri, "uri");
        RedisURI redisUri;
        try {
            redisUri = RedisURI.create(uri);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not a Redis URI; expected redis://HOST:PORT[/DB] (" + e.getClass()
                .getSimpleName() + ")");
        }
        redisUri.setTimeout(commandTimeout);
        ClientResources resources = ClientResources.builder().reconnectDelay(RECONNECT_DELAY).build();
        RedisClient client = RedisClient.create(resources, redisUri);
        client.setOptions(ClientOptions.builder()
            .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
            .socketOptions(SocketOptions.builder().connectTimeout(commandTimeout).build())
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .build());
        return new RedisLink(client, resources, redisUri, commandTimeout);
    }

    /** A link on the application's client; closing the link closes its connection only. */
    static RedisLink borrowed(RedisClient client, RedisURI uri, Duration commandTimeout) {
        return new RedisLink(Objects.requireNonNull(client, "client"), null, Objects.requireNonNull(uri, "uri"),
            commandTimeout);
    }

    /** The server as {@code redis://host:port[/db]}, without credentials. */
    String address() {
        return address;
    }

    /**
     * One exchange, connecting first if needed; the connection and the exchange are each bounded by the command
     * timeout. Errors come as Lettuce's; {@link #whyFailed} says what they mean.
     */
    <T> Mono<T> exchange(Function<RedisReactiveCommands<String, String>, Mono<T>> exchange) {
        return connection.flatMap(open -> exchange.apply(open.reactive()).timeout(commandTimeout));
    }

    /** Whether Redis answered with an error (as opposed to being unreachable or slow). */
    static boolean isRefusal(Throwable error) {
        return error instanceof RedisCommandExecutionException;
    }

    /** What went wrong reaching Redis, for a message: "did not answer within N ms" or "could not be reached (…)". */
    String whyFailed(Throwable error) {
        return error instanceof TimeoutException || error instanceof RedisCommandTimeoutException
            ? "did not answer within " + commandTimeout.toMillis() + " ms"
            : "could not be reached (" + rootMessage(error) + ")";
    }

    /**
     * Closes the connection, and the Lettuce client when the link created it. Blocks for at most a few seconds: call it
     * from the application's own thread, not from an event loop.
     */
    @Override
    public void close() {
        closed = true;
        StatefulRedisConnection<String, String> open = opened.getAndSet(null);
        if (open != null) {
            open.close();
        }
        if (ownedResources != null) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            try {
                ownedResources.shutdown(0, 2, TimeUnit.SECONDS).get(3, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                LOG.debug("The threads of the client for {} did not stop in time ({})", address, e.toString());
            }
        }
    }

    /** The server as a user would write it, with no user name or password. */
    static String describe(RedisURI uri) {
        String database = uri.getDatabase() == 0 ? "" : "/" + uri.getDatabase();
        if (uri.getSocket() != null) {
            return "redis-socket://" + uri.getSocket() + database;
        }
        if (!uri.getSentinels().isEmpty()) {
            return "redis-sentinel://" + uri.getSentinels().stream()
                .map(sentinel -> sentinel.getHost() + ":" + sentinel.getPort())
                .collect(Collectors.joining(",")) + database + "#" + uri.getSentinelMasterId();
        }
        return (uri.isSsl() ? "rediss://" : "redis://") + uri.getHost() + ":" + uri.getPort() + database;
    }

    static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
