package io.github.connectedcar.redis;

import io.github.connectedcar.auth.TokenSet;
import io.github.connectedcar.auth.TokenStore;
import io.github.connectedcar.auth.TokenStoreException;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps tokens in Redis, so that several processes and machines (replicas of a service, a cron job, command lines on
 * two laptops) share one Ford login, and renew it once each time it expires.
 *
 * <p>Each account's token set is a hash under {@code <prefix>tokens:{<account>}}, with a version that every write
 * increments. {@link #renew} is a single flight across every process that uses the same Redis: one process holds
 * the account's renewal lease (a key with an expiry and a fencing number), the others wait until it is free and then
 * find the tokens it stored. The holder extends its lease while it renews; when it dies the lease runs out after
 * {@link RedisTokenStoreOptions#leaseLength()} and another takes over. The renewed tokens are written only if the
 * stored version is still the one read under the lease, so a stale writer can never replace a newer rotated refresh
 * token.
 *
 * <p>Every method is lazy: nothing is sent before subscription, and the connection is opened at the first call (a
 * failed connection is tried again at the next call; a lost one is re-established by Lettuce). No call blocks.
 * When Redis is down or slow, every call fails with a {@link RedisUnavailableException} within
 * {@link RedisTokenStoreOptions#commandTimeout()} (twice that when it must connect first); there is no fall-back to
 * another store. Tokens are
 * cached by each client's token manager until near their expiry, so reading a status costs no Redis round trip.
 * {@link #toString()} shows the address without any password; tokens never reach a log line.
 */
public final class RedisTokenStore implements TokenStore, AutoCloseable {
    /**
     * How long a renewal waits for another process's renewal of the same account (as the file store does); that one
     * takes at most the token manager's renewal timeout, or one lease length when its process died.
     */
    public static final Duration RENEWAL_LOCK_WAIT = Duration.ofSeconds(90);

    /** The first wait before asking again for a lease that another process holds; it doubles up to the next one. */
    private static final Duration FIRST_POLL = Duration.ofMillis(10);
    private static final Duration MAX_POLL = Duration.ofMillis(200);

    /** KEYS: lease, fence counter. ARGV: lease length in ms. Gives the new lease's fence, or 0 while it is taken. */
    private static final LuaScript ACQUIRE_LEASE = LuaScript.of("""
        if redis.call('exists', KEYS[1]) == 1 then return 0 end
        local fence = redis.call('incr', KEYS[2])
        redis.call('set', KEYS[1], fence, 'px', ARGV[1])
        return fence
        """);
    /** KEYS: lease. ARGV: fence, lease length in ms. Extends the lease only while it is still this holder's. */
    private static final LuaScript EXTEND_LEASE = LuaScript.of("""
        if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end
        return 0
        """);
    /** KEYS: lease. ARGV: fence. Frees the lease only if it is still this holder's (it may have run out and moved). */
    private static final LuaScript RELEASE_LEASE = LuaScript.of("""
        if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end
        return 0
        """);
    /**
     * KEYS: tokens, version counter. ARGV: the expected version ({@value #ANY_VERSION} for any, 0 for none stored),
     * then field, value pairs. Replaces the hash under a new version and gives it, or gives 0 when the stored version
     * is not the expected one. The counter outlives a deleted hash, so a version is never reused.
     */
    private static final LuaScript WRITE_TOKENS = LuaScript.of("""
        local stored = redis.call('hget', KEYS[1], 'version') or '0'
        if ARGV[1] ~= 'any' and stored ~= ARGV[1] then return 0 end
        local version = redis.call('incr', KEYS[2])
        redis.call('del', KEYS[1])
        redis.call('hset', KEYS[1], 'version', version, unpack(ARGV, 2))
        return version
        """);
    private static final String ANY_VERSION = "any";

    private static final String ACCESS_TOKEN = "accessToken";
    private static final String ACCESS_EXPIRES_AT = "accessExpiresAt";
    private static final String REFRESH_TOKEN = "refreshToken";
    private static final String REFRESH_EXPIRES_AT = "refreshExpiresAt";
    private static final String TMC_TOKEN = "tmcToken";
    private static final String TMC_EXPIRES_AT = "tmcExpiresAt";
    private static final String VERSION = "version";

    private static final Logger LOG = LoggerFactory.getLogger(RedisTokenStore.class);

    /** An account's stored tokens (empty when none) and their version (0 when none). */
    record StoredTokens(Optional<TokenSet> tokens, long version) {
    }

    private final RedisLink link;
    private final RedisTokenStoreOptions options;

    private RedisTokenStore(RedisLink link, RedisTokenStoreOptions options) {
        this.link = link;
        this.options = options;
    }

    /**
     * A store on the Redis server at {@code uri} ({@code redis://HOST:PORT[/DB]}, {@code rediss://} for TLS, with
     * {@code user:password@} if the server asks for them), with the default options. Lazy: nothing connects before
     * the first call.
     *
     * <p>The store owns the Lettuce client it creates: {@link #close()} it when done (it is {@link AutoCloseable}).
     *
     * @throws IllegalArgumentException when {@code uri} is not a Redis URI
     */
    public static RedisTokenStore connect(String uri) {
        return connect(uri, RedisTokenStoreOptions.defaults());
    }

    /**
     * As {@link #connect(String)}, with these options. The client it creates times out commands and connection
     * attempts after {@link RedisTokenStoreOptions#commandTimeout()}, rejects commands at once while disconnected
     * instead of queueing them, and reconnects within a second of Redis coming back.
     *
     * @throws IllegalArgumentException when {@code uri} is not a Redis URI
     */
    public static RedisTokenStore connect(String uri, RedisTokenStoreOptions options) {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(options, "options");
        return new RedisTokenStore(RedisLink.owned(uri, options.commandTimeout()), options);
    }

    /**
     * A store on a Lettuce client the application already has (its resources, options and threads are used). Lazy:
     * the store opens its own connection to {@code uri} at the first call and {@link #close()} closes that
     * connection; the client stays the caller's to shut down, after closing the store. Calls are bounded by
     * {@link RedisTokenStoreOptions#commandTimeout()} whatever the client's own timeouts.
     */
    public static RedisTokenStore connect(RedisClient client, RedisURI uri, RedisTokenStoreOptions options) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(options, "options");
        return new RedisTokenStore(RedisLink.borrowed(client, uri, options.commandTimeout()), options);
    }

    /** The Redis server, as {@code redis://host:port[/db]}, without credentials. */
    public String address() {
        return link.address();
    }

    public RedisTokenStoreOptions options() {
        return options;
    }

    /**
     * {@inheritDoc}
     *
     * @throws RedisUnavailableException (as an error signal) when Redis is down or slow
     * @throws TokenStoreException       (as an error signal) when the stored entry is malformed
     */
    @Override
    public Mono<TokenSet> load(String account) {
        Objects.requireNonNull(account, "account");
        return read(account).flatMap(stored -> Mono.justOrEmpty(stored.tokens()));
    }

    /**
     * {@inheritDoc} The write is one atomic script that gives the token set a new version; a renewal under way
     * elsewhere then stores nothing over it.
     *
     * @throws RedisUnavailableException (as an error signal) when Redis is down or slow
     */
    @Override
    public Mono<Void> save(String account, TokenSet tokens) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(tokens, "tokens");
        return write(account, tokens, ANY_VERSION).then();
    }

    /**
     * {@inheritDoc}
     *
     * @throws RedisUnavailableException (as an error signal) when Redis is down or slow
     */
    @Override
    public Mono<Void> delete(String account) {
        Objects.requireNonNull(account, "account");
        return redis("deleting the tokens of account '" + account + "'", redis -> redis.del(tokensKey(account)))
            .then();
    }

    /**
     * {@inheritDoc}
     *
     * <p>Exclusive across every process that uses this Redis: the account's renewal lease is taken first (waiting,
     * with polls that back off, while another process holds it, for at most {@link #RENEWAL_LOCK_WAIT}), extended
     * while {@code renewal} runs, and freed at the end, also on error or cancel (only if it is still this one's).
     * The tokens are read under the lease; new ones are written only if the stored version is still the one read,
     * else a warning says that a newer login was kept.
     *
     * @throws RedisUnavailableException (as an error signal) when Redis is down or slow before the renewal started
     * @throws TokenStoreException       (as an error signal) when the lease stayed taken for too long
     */
    @Override
    public Mono<TokenSet> renew(String account, Function<Optional<TokenSet>, Mono<TokenSet>> renewal) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(renewal, "renewal");
        return Mono.usingWhen(acquireLease(account),
            fence -> renewHolding(account, renewal).or(keepLease(account, fence)),
            fence -> releaseLease(account, fence),
            (fence, error) -> releaseLease(account, fence),
            fence -> releaseLease(account, fence));
    }

    /**
     * Closes the connection, and the Lettuce client when this store created it. Blocks for at most a few seconds:
     * call it from the application's own thread, not from an event loop.
     */
    @Override
    public void close() {
        link.close();
    }

    @Override
    public String toString() {
        return "RedisTokenStore[" + link.address() + "]";
    }

    /** The stored tokens and their version, in one atomic read. */
    Mono<StoredTokens> read(String account) {
        return redis("reading the tokens of account '" + account + "'",
                redis -> redis.hgetall(tokensKey(account)).collectMap(KeyValue::getKey, KeyValue::getValue))
            .map(fields -> fields.isEmpty() ? new StoredTokens(Optional.empty(), 0)
                : parse(account, fields));
    }

    /**
     * Writes the tokens if the stored version is still {@code expectedVersion} (0: none stored). Lazy.
     *
     * @return whether they were written
     */
    Mono<Boolean> compareAndSave(String account, TokenSet tokens, long expectedVersion) {
        return write(account, tokens, Long.toString(expectedVersion)).map(version -> version > 0);
    }

    private Mono<TokenSet> renewHolding(String account, Function<Optional<TokenSet>, Mono<TokenSet>> renewal) {
        return read(account).flatMap(stored -> renewal.apply(stored.tokens())
            .flatMap(fresh -> stored.tokens().filter(fresh::equals).isPresent()
                ? Mono.just(fresh)
                : saveRenewed(account, fresh, stored.version())));
    }

    /** Stores renewed tokens before they are used; when that fails they are given all the same (they are valid). */
    private Mono<TokenSet> saveRenewed(String account, TokenSet fresh, long readVersion) {
        return compareAndSave(account, fresh, readVersion)
            .doOnNext(written -> {
                if (!written) {
                    LOG.warn("The renewed tokens of account '{}' were not stored in {}: a newer login was stored "
                        + "there while they were renewed, and it is kept. This process uses the renewed tokens "
                        + "until it ends.", account, this);
                }
            })
            .onErrorResume(error -> {
                LOG.warn("Could not store the renewed tokens of account '{}' in {} ({}); they are kept in memory, "
                    + "but another process or a restart will need a new login", account, this, error.getMessage());
                return Mono.empty();
            })
            .thenReturn(fresh);
    }

    /** The account's renewal lease: its fence once taken, polling with back-off while another process holds it. */
    private Mono<Long> acquireLease(String account) {
        return tryLease(account, FIRST_POLL)
            .timeout(RENEWAL_LOCK_WAIT, Mono.error(() -> new TokenStoreException("Could not renew the tokens of "
                + "account '" + account + "': another process has held their renewal lease in " + this + " for "
                + RENEWAL_LOCK_WAIT.toSeconds() + " s. It may be stuck renewing them; the next call tries again.",
                null)));
    }

    private Mono<Long> tryLease(String account, Duration wait) {
        return redis("taking the renewal lease of account '" + account + "'",
                redis -> ACQUIRE_LEASE.<Long>run(redis, ScriptOutputType.INTEGER,
                    new String[] {leaseKey(account), fenceKey(account)}, millis(options.leaseLength())))
            .flatMap(fence -> fence > 0 ? Mono.just(fence) : Mono.delay(wait)
                .then(Mono.defer(() -> tryLease(account, min(wait.multipliedBy(2), MAX_POLL)))));
    }

    /**
     * Never signals: extends the lease every third of its length while the renewal runs (it is cancelled when the
     * renewal ends). Stops once the lease turns out lost; a failed extension is tried again at the next tick.
     */
    private Mono<TokenSet> keepLease(String account, long fence) {
        return Flux.interval(options.leaseLength().dividedBy(3))
            .onBackpressureDrop()
            .concatMap(tick -> redis("extending the renewal lease of account '" + account + "'",
                    redis -> EXTEND_LEASE.<Long>run(redis, ScriptOutputType.INTEGER, new String[] {leaseKey(account)},
                        Long.toString(fence), millis(options.leaseLength())))
                .map(extended -> extended > 0)
                .onErrorResume(error -> {
                    LOG.debug("Could not extend the renewal lease of account '{}' ({})", account, error.getMessage());
                    return Mono.just(true);
                }))
            .takeWhile(held -> {
                if (!held) {
                    LOG.warn("The renewal lease of account '{}' in {} ran out before the renewal ended; another "
                        + "process may renew too, and only the first token set renewed is stored", account, this);
                }
                return held;
            })
            .then(Mono.never());
    }

    /** Frees the lease if it is still this one's; when that fails, it runs out by itself. */
    private Mono<Void> releaseLease(String account, long fence) {
        return redis("releasing the renewal lease of account '" + account + "'",
                redis -> RELEASE_LEASE.<Long>run(redis, ScriptOutputType.INTEGER, new String[] {leaseKey(account)},
                    Long.toString(fence)))
            .onErrorResume(error -> {
                LOG.debug("Could not release the renewal lease of account '{}' ({}); it runs out in {}", account,
                    error.getMessage(), options.leaseLength());
                return Mono.empty();
            })
            .then();
    }

    /** Writes the tokens under a new version if the stored one is {@code expected}; gives that version, else 0. */
    private Mono<Long> write(String account, TokenSet tokens, String expected) {
        List<String> arguments = new ArrayList<>(List.of(expected,
            ACCESS_TOKEN, tokens.accessToken(),
            ACCESS_EXPIRES_AT, tokens.accessExpiresAt().toString(),
            REFRESH_TOKEN, tokens.refreshToken()));
        if (tokens.refreshExpiresAt() != null) {
            arguments.addAll(List.of(REFRESH_EXPIRES_AT, tokens.refreshExpiresAt().toString()));
        }
        if (tokens.tmcToken() != null) {
            arguments.addAll(List.of(TMC_TOKEN, tokens.tmcToken(), TMC_EXPIRES_AT, tokens.tmcExpiresAt().toString()));
        }
        return redis("storing the tokens of account '" + account + "'",
            redis -> WRITE_TOKENS.<Long>run(redis, ScriptOutputType.INTEGER,
                new String[] {tokensKey(account), versionKey(account)}, arguments.toArray(String[]::new)));
    }

    private StoredTokens parse(String account, Map<String, String> fields) {
        try {
            String access = fields.get(ACCESS_TOKEN);
            String refresh = fields.get(REFRESH_TOKEN);
            String accessExpires = fields.get(ACCESS_EXPIRES_AT);
            String refreshExpires = fields.get(REFRESH_EXPIRES_AT);
            String tmc = fields.get(TMC_TOKEN);
            String tmcExpires = fields.get(TMC_EXPIRES_AT);
            String version = fields.get(VERSION);
            if (access == null || refresh == null || accessExpires == null || version == null) {
                throw new IllegalArgumentException("missing fields");
            }
            return new StoredTokens(Optional.of(new TokenSet(access, Instant.parse(accessExpires), refresh,
                refreshExpires == null ? null : Instant.parse(refreshExpires), tmcExpires == null ? null : tmc,
                tmc == null || tmcExpires == null ? null : Instant.parse(tmcExpires))), Long.parseLong(version));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new TokenStoreException("The tokens of account '" + account + "' in " + this + " (key "
                + tokensKey(account) + ") are incomplete or malformed. They were left untouched: log in again to "
                + "replace them.", e);
        }
    }

    /**
     * One exchange with Redis, connecting first if needed; the connection and the exchange are each bounded by the
     * command timeout (a cold start of the client takes part of a second of its own). Failures to reach Redis
     * or to get its answer in time become {@link RedisUnavailableException}, an error Redis answered becomes a
     * {@link TokenStoreException}.
     */
    private <T> Mono<T> redis(String doing, Function<RedisReactiveCommands<String, String>, Mono<T>> exchange) {
        return link.exchange(exchange)
            .onErrorMap(error -> !(error instanceof TokenStoreException || error instanceof IllegalStateException),
                error -> failed(doing, error));
    }

    private TokenStoreException failed(String doing, Throwable error) {
        String address = link.address();
        if (RedisLink.isRefusal(error)) {
            return new TokenStoreException("Redis at " + address + " refused a command while " + doing + ": "
                + error.getMessage(), error);
        }
        return new RedisUnavailableException("Redis at " + address + " " + link.whyFailed(error) + " while " + doing
            + ". Check that it runs and can be reached from here; the store reconnects by itself once it can.",
            address, error);
    }

    private String tokensKey(String account) {
        // The braces make every key of one account hash to one slot, as the scripts need on a Redis Cluster.
        return options.keyPrefix() + "tokens:{" + account + "}";
    }

    private String versionKey(String account) {
        return tokensKey(account) + ":version";
    }

    private String leaseKey(String account) {
        return tokensKey(account) + ":renewal";
    }

    private String fenceKey(String account) {
        return tokensKey(account) + ":fence";
    }

    private static String millis(Duration duration) {
        return Long.toString(duration.toMillis());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
