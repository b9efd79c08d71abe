package io.github.connectedcar.redis;

import io.github.connectedcar.usage.AccountLockout;
import io.github.connectedcar.usage.RecordedUsage;
import io.github.connectedcar.usage.RefreshPermit;
import io.github.connectedcar.usage.RequestLimits;
import io.github.connectedcar.usage.RequestPermit;
import io.github.connectedcar.usage.UsageStore;
import io.github.connectedcar.usage.UsageStoreException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;

/**
 * Counts an account's use in Redis, so that every process and machine using the account (replicas of a service, a
 * cron job, command lines on two laptops) shares one request budget, one status-refresh interval per car and one
 * lockout, and together never exceed them.
 *
 * <p>Each method is one Lua script, so it is atomic across every process that uses the same Redis, and applies the
 * same rules as the in-memory and file stores. An account's keys all carry the account in braces (one Redis Cluster
 * slot): {@code <prefix>usage:{<account>}:requests} is a sorted set of the counted requests (score: the instant in
 * microseconds since the epoch, member: a unique name), {@code :refreshes:<VIN>} the same for each car's status
 * refreshes, with {@code :refreshed} the set of those cars, and {@code :lockout} a hash of the failures in a row and
 * the end of the lockout. The requests expire one window after the last one counted and the refreshes once they are
 * older than they are kept; the lockout stays until a success clears it. Instants are kept to the microsecond.
 *
 * <p>Every method is lazy: nothing is sent before subscription, and the connection is opened at the first call (a
 * failed connection is tried again at the next call; a lost one is re-established by Lettuce). No call blocks. When
 * Redis is down or slow, every call fails with a {@link RedisUsageUnavailableException} (a
 * {@link UsageStoreException}, so the SDK fails the request that needed the count) within
 * {@link RedisUsageStoreOptions#commandTimeout()} (twice that when it must connect first); nothing is counted in the
 * process instead. A script that a hung Redis runs after the call timed out still counts, which errs on the side of
 * the budget. Scripts go by their SHA-1 ({@code EVALSHA}); the text is sent only when Redis answers {@code NOSCRIPT}
 * (first use, a restart, a fail-over). {@link #toString()} shows the address without any password.
 */
public final class RedisUsageStore implements UsageStore, AutoCloseable {
    private static final String FORMAT_NUMBER = "local function n(x) return string.format('%.0f', x) end\n";

    /**
     * KEYS: requests. ARGV: now, window, perWindow, burstPeriod, perBurst, a unique member (durations and instants in
     * microseconds). Gives {refused limit or '', retryAt or '', used in window, used in burst, next slot or ''}.
     */
    private static final LuaScript ACQUIRE_REQUEST = LuaScript.of(FORMAT_NUMBER + """
        local key = KEYS[1]
        local now, window, burst = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[4])
        local perWindow, perBurst = tonumber(ARGV[3]), tonumber(ARGV[5])
        for _, late in ipairs(redis.call('zrangebyscore', key, '(' .. n(now), '+inf')) do
          redis.call('zadd', key, n(now), late)
        end
        redis.call('zremrangebyscore', key, '-inf', n(now - window))
        local used = redis.call('zcard', key)
        local inBurst = redis.call('zcount', key, '(' .. n(now - burst), '+inf')
        local oldest = redis.call('zrange', key, 0, 0, 'withscores')[2]
        local nextSlot = oldest and n(tonumber(oldest) + window) or ''
        if used >= perWindow then return {'WINDOW', nextSlot, used, inBurst, nextSlot} end
        if inBurst >= perBurst then
          local freeing = redis.call('zrange', key, used - perBurst, used - perBurst, 'withscores')[2]
          return {'BURST', n(tonumber(freeing) + burst), used, inBurst, nextSlot}
        end
        redis.call('zadd', key, n(now), ARGV[6])
        redis.call('pexpire', key, n(math.max(1, math.ceil(window / 1000))))
        if not oldest then nextSlot = n(now + window) end
        return {'', '', used + 1, inBurst + 1, nextSlot}
        """);
    /** KEYS: requests or one car's refreshes. ARGV: the instant. Removes one entry counted at exactly that instant. */
    private static final LuaScript REMOVE_ONE_AT = LuaScript.of("""
        local found = redis.call('zrangebyscore', KEYS[1], ARGV[1], ARGV[1], 'limit', 0, 1)[1]
        if found then return redis.call('zrem', KEYS[1], found) end
        return 0
        """);
    /**
     * KEYS: refreshed cars, this car's refreshes. ARGV: now, minInterval, keepSince, a unique member, the VIN, the
     * prefix of every car's refreshes key. Gives {last refresh or '', retryAt or ''}.
     */
    private static final LuaScript ACQUIRE_REFRESH = LuaScript.of(FORMAT_NUMBER + """
        local now, interval, keepSince = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
        local latest = redis.call('zrevrange', KEYS[2], 0, 0, 'withscores')[2]
        local last = latest and math.min(tonumber(latest), now)
        if last and interval > 0 and now < last + interval then return {n(last), n(last + interval)} end
        redis.call('zadd', KEYS[2], n(now), ARGV[4])
        redis.call('sadd', KEYS[1], ARGV[5])
        local keep = n(math.max(1, math.ceil((now - keepSince) / 1000)))
        for _, vin in ipairs(redis.call('smembers', KEYS[1])) do
          local key = ARGV[6] .. vin
          for _, late in ipairs(redis.call('zrangebyscore', key, '(' .. n(now), '+inf')) do
            redis.call('zadd', key, n(now), late)
          end
          redis.call('zremrangebyscore', key, '-inf', '(' .. n(keepSince))
          if redis.call('exists', key) == 0 then redis.call('srem', KEYS[1], vin) end
        end
        redis.call('pexpire', KEYS[1], keep)
        redis.call('pexpire', KEYS[2], keep)
        return {last and n(last) or '', ''}
        """);
    /** KEYS: refreshed cars, this car's refreshes. ARGV: the instant, the VIN. Removes one refresh at that instant. */
    private static final LuaScript FORGET_REFRESH = LuaScript.of("""
        local found = redis.call('zrangebyscore', KEYS[2], ARGV[1], ARGV[1], 'limit', 0, 1)[1]
        if not found then return 0 end
        redis.call('zrem', KEYS[2], found)
        if redis.call('exists', KEYS[2]) == 0 then redis.call('srem', KEYS[1], ARGV[2]) end
        return 1
        """);
    /**
     * KEYS: lockout. ARGV: '1' for a failure or '0' for a success, at, failuresToOpen, coolDown. Gives {failures in a
     * row, locked until or ''}.
     */
    private static final LuaScript RECORD_AUTHENTICATION = LuaScript.of(FORMAT_NUMBER + """
        if ARGV[1] == '0' then
          redis.call('del', KEYS[1])
          return {0, ''}
        end
        local failures = redis.call('hincrby', KEYS[1], 'failures', 1)
        if failures >= tonumber(ARGV[3]) then
          redis.call('hset', KEYS[1], 'lockedUntil', n(tonumber(ARGV[2]) + tonumber(ARGV[4])))
        end
        return {failures, redis.call('hget', KEYS[1], 'lockedUntil') or ''}
        """);
    /** KEYS: lockout. Gives {failures in a row, locked until or ''}. */
    private static final LuaScript READ_LOCKOUT = LuaScript.of("""
        local failures = tonumber(redis.call('hget', KEYS[1], 'failures') or '0')
        return {failures, redis.call('hget', KEYS[1], 'lockedUntil') or ''}
        """);
    /**
     * KEYS: requests, refreshed cars, lockout. ARGV: the prefix of every car's refreshes key. Gives {request instants,
     * {{VIN, instants...}...}, failures in a row, locked until or ''}, instants oldest first.
     */
    private static final LuaScript LOAD = LuaScript.of("""
        local function scores(key)
          local scored, list = redis.call('zrange', key, 0, -1, 'withscores'), {}
          for i = 2, #scored, 2 do list[#list + 1] = scored[i] end
          return list
        end
        local refreshes = {}
        for _, vin in ipairs(redis.call('smembers', KEYS[2])) do
          local instants = scores(ARGV[1] .. vin)
          if #instants > 0 then
            table.insert(instants, 1, vin)
            refreshes[#refreshes + 1] = instants
          end
        end
        return {scores(KEYS[1]), refreshes, redis.call('hget', KEYS[3], 'failures') or '0',
          redis.call('hget', KEYS[3], 'lockedUntil') or ''}
        """);

    private final RedisLink link;
    private final RedisUsageStoreOptions options;
    /** Members are this store's random name and a counter, so that no two processes count under one member. */
    private final String memberPrefix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + "-";
    private final AtomicLong members = new AtomicLong();

    private RedisUsageStore(RedisLink link, RedisUsageStoreOptions options) {
        this.link = link;
        this.options = options;
    }

    /**
     * A store on the Redis server at {@code uri} ({@code redis://HOST:PORT[/DB]}, {@code rediss://} for TLS, with
     * {@code user:password@} if the server asks for them), with the default options. Lazy: nothing connects before
     * the first call. The store owns the Lettuce client it creates: {@link #close()} it when done.
     *
     * @throws IllegalArgumentException when {@code uri} is not a Redis URI
     */
    public static RedisUsageStore connect(String uri) {
        return connect(uri, RedisUsageStoreOptions.defaults());
    }

    /**
     * As {@link #connect(String)}, with these options. The client it creates times out commands and connection
     * attempts after {@link RedisUsageStoreOptions#commandTimeout()}, rejects commands at once while disconnected
     * instead of queueing them, and reconnects within a second of Redis coming back.
     *
     * @throws IllegalArgumentException when {@code uri} is not a Redis URI
     */
    public static RedisUsageStore connect(String uri, RedisUsageStoreOptions options) {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(options, "options");
        return new RedisUsageStore(RedisLink.owned(uri, options.commandTimeout()), options);
    }

    /**
     * A store on a Lettuce client the application already has (its resources, options and threads are used). Lazy:
     * the store opens its own connection to {@code uri} at the first call and {@link #close()} closes that
     * connection; the client stays the caller's to shut down, after closing the store. Calls are bounded by
     * {@link RedisUsageStoreOptions#commandTimeout()} whatever the client's own timeouts.
     */
    public static RedisUsageStore connect(RedisClient client, RedisURI uri, RedisUsageStoreOptions options) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(options, "options");
        return new RedisUsageStore(RedisLink.borrowed(client, uri, options.commandTimeout()), options);
    }

    /** The Redis server, as {@code redis://host:port[/db]}, without credentials. */
    public String address() {
        return link.address();
    }

    public RedisUsageStoreOptions options() {
        return options;
    }

    /**
     * {@inheritDoc} One atomic read of the account's keys.
     *
     * @throws RedisUsageUnavailableException (as an error signal) when Redis is down or slow
     * @throws UsageStoreException            (as an error signal) when Redis refused the script or a value is not a
     *                                        number
     */
    @Override
    public Mono<RecordedUsage> load(String account) {
        Objects.requireNonNull(account, "account");
        return script("reading the usage of account '" + account + "'", LOAD,
            new String[] {requestsKey(account), refreshedKey(account), lockoutKey(account)}, refreshesKey(account, ""))
            .map(answer -> toUsage(account, answer));
    }

    /**
     * {@inheritDoc} One small script: the lockout hash alone.
     *
     * @throws RedisUsageUnavailableException (as an error signal) when Redis is down or slow
     */
    @Override
    public Mono<AccountLockout> lockout(String account) {
        Objects.requireNonNull(account, "account");
        return script("reading the lockout of account '" + account + "'", READ_LOCKOUT,
            new String[] {lockoutKey(account)})
            .map(answer -> new AccountLockout(((Long) answer.get(0)).intValue(), instantOrNull(answer.get(1))));
    }

    /**
     * {@inheritDoc}
     *
     * @throws RedisUsageUnavailableException (as an error signal) when Redis is down or slow
     */
    @Override
    public Mono<RequestPermit> acquireRequest(String account, Instant now, RequestLimits limits) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(limits, "limits");
        return script("counting a request of account '" + account + "'", ACQUIRE_REQUEST,
            new String[] {requestsKey(account)}, micros(now), micros(limits.window()),
            Integer.toString(limits.perWindow()), micros(limits.burstPeriod()), Integer.toString(limits.perBurst()),
            newMember())
            .map(answer -> {
                String refusedBy = (String) answer.get(0);
                int usedInWindow = ((Long) answer.get(2)).intValue();
                int usedInBurst = ((Long) answer.get(3)).intValue();
                Instant nextSlot = instantOrNull(answer.get(4));
                return refusedBy.isEmpty() ? RequestPermit.granted(usedInWindow, usedInBurst, nextSlot)
                    : RequestPermit.refused(RequestPermit.Limit.valueOf(refusedBy), instantOrNull(answer.get(1)),
                        usedInWindow, usedInBurst, nextSlot);
            });
    }

    /**
     * {@inheritDoc}
     *
     * @throws RedisUsageUnavailableException (as an error signal) when Redis is down or slow
     */
    @Override
    public Mono<Void> releaseRequest(String account, Instant at) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(at, "at");
        return script("giving back a request of account '" + account + "'", REMOVE_ONE_AT,
            new String[] {requestsKey(account)}, micros(at)).then();
    }

    /**
     * {@inheritDoc}
     *
     * @throws RedisUsageUnavailableException (as an error signal) when Redis is down or slow
     */
    @Override
    public Mono<RefreshPermit> acquireStatusRefresh(String account, String vin, Instant now, Duration minInterval,
                                                    Instant keepSince) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(vin, "vin");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(minInterval, "minInterval");
        Objects.requireNonNull(keepSince, "keepSince");
        return script("counting a status refresh of account '" + account + "'", ACQUIRE_REFRESH,
            new String[] {refreshedKey(account), refreshesKey(account, vin)}, micros(now), micros(minInterval),
            micros(keepSince), newMember(), vin, refreshesKey(account, ""))
            .map(answer -> new RefreshPermit(instantOrNull(answer.get(0)), instantOrNull(answer.get(1))));
    }

    /**
     * {@inheritDoc}
     *
     * @throws RedisUsageUnavailableException (as an error signal) when Redis is down or slow
     */
    @Override
    public Mono<Void> forgetStatusRefresh(String account, String vin, Instant at) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(vin, "vin");
        Objects.requireNonNull(at, "at");
        return script("forgetting a status refresh of account '" + account + "'", FORGET_REFRESH,
            new String[] {refreshedKey(account), refreshesKey(account, vin)}, micros(at), vin).then();
    }

    /**
     * {@inheritDoc}
     *
     * @throws RedisUsageUnavailableException (as an error signal) when Redis is down or slow
     */
    @Override
    public Mono<AccountLockout> recordAuthentication(String account, Instant at, boolean failed, int failuresToOpen,
                                                     Duration coolDown) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(coolDown, "coolDown");
        return script("recording an authentication of account '" + account + "'", RECORD_AUTHENTICATION,
            new String[] {lockoutKey(account)}, failed ? "1" : "0", micros(at), Integer.toString(failuresToOpen),
            micros(coolDown))
            .map(answer -> new AccountLockout(((Long) answer.get(0)).intValue(), instantOrNull(answer.get(1))));
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
        return "RedisUsageStore[" + link.address() + "]";
    }

    /**
     * Runs one script, connecting first if needed; the connection and the exchange are each bounded by the command
     * timeout. Failures to reach Redis or to get its answer in time become {@link RedisUsageUnavailableException}.
     */
    private Mono<List<Object>> script(String doing, LuaScript script, String[] keys, String... arguments) {
        return link.exchange(redis -> script.<List<Object>>run(redis, ScriptOutputType.MULTI, keys, arguments))
            .onErrorMap(error -> !(error instanceof UsageStoreException || error instanceof IllegalStateException),
                error -> failed(doing, error));
    }

    private UsageStoreException failed(String doing, Throwable error) {
        String address = link.address();
        if (RedisLink.isRefusal(error)) {
            return new UsageStoreException("Redis at " + address + " refused a command while " + doing + ": "
                + error.getMessage(), error);
        }
        return new RedisUsageUnavailableException("Redis at " + address + " " + link.whyFailed(error) + " while "
            + doing + ". No request is sent without its count; check that Redis runs and can be reached from here, "
            + "the store reconnects by itself once it can.", address, error);
    }

    @SuppressWarnings("unchecked")
    private RecordedUsage toUsage(String account, List<Object> answer) {
        try {
            List<Instant> requests = ((List<Object>) answer.get(0)).stream().map(RedisUsageStore::instant).toList();
            Map<String, List<Instant>> refreshes = new HashMap<>();
            for (Object car : (List<Object>) answer.get(1)) {
                List<Object> vinAndInstants = (List<Object>) car;
                refreshes.put((String) vinAndInstants.get(0), vinAndInstants.subList(1, vinAndInstants.size())
                    .stream().map(RedisUsageStore::instant).toList());
            }
            int failures = Integer.parseInt((String) answer.get(2));
            return new RecordedUsage(requests, refreshes, new AccountLockout(failures, instantOrNull(answer.get(3))));
        } catch (RuntimeException e) {
            throw new UsageStoreException("The usage of account '" + account + "' in " + this + " (keys "
                + requestsKey(account) + " and its companions) holds a value that is not a number. It was left "
                + "untouched: delete those keys to start counting afresh.", e);
        }
    }

    private String newMember() {
        return memberPrefix + members.incrementAndGet();
    }

    private String usageKey(String account) {
        // The braces make every key of one account hash to one slot, as the scripts need on a Redis Cluster.
        return options.keyPrefix() + "usage:{" + account + "}";
    }

    private String requestsKey(String account) {
        return usageKey(account) + ":requests";
    }

    private String refreshedKey(String account) {
        return usageKey(account) + ":refreshed";
    }

    private String refreshesKey(String account, String vin) {
        return usageKey(account) + ":refreshes:" + vin;
    }

    private String lockoutKey(String account) {
        return usageKey(account) + ":lockout";
    }

    private static String micros(Instant instant) {
        return Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, instant));
    }

    private static String micros(Duration duration) {
        return Long.toString(TimeUnit.MICROSECONDS.convert(duration));
    }

    /** An instant in microseconds as Redis gives it (a score may come as {@code 1.7e15}); none when empty. */
    private static Instant instantOrNull(Object micros) {
        return micros == null || "".equals(micros) ? null : instant(micros);
    }

    private static Instant instant(Object micros) {
        return Instant.EPOCH.plus(new BigDecimal(micros.toString()).longValueExact(), ChronoUnit.MICROS);
    }
}
