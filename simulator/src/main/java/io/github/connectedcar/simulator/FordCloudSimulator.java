package io.github.connectedcar.simulator;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;

import io.github.connectedcar.simulator.clock.SimulatedClock;
import io.github.connectedcar.simulator.command.CommandTimings;
import io.github.connectedcar.simulator.fault.FaultInjector;
import io.github.connectedcar.simulator.internal.account.AccountState;
import io.github.connectedcar.simulator.internal.auth.TokenKind;
import io.github.connectedcar.simulator.internal.auth.TokenRegistry;
import io.github.connectedcar.simulator.internal.http.SimRequest;
import io.github.connectedcar.simulator.internal.server.HttpFrontEnd;
import io.github.connectedcar.simulator.internal.service.CloudServices;
import io.github.connectedcar.simulator.internal.service.PushService;
import io.github.connectedcar.simulator.internal.service.ServiceContext;
import io.github.connectedcar.simulator.internal.world.SimulationWorld;
import io.github.connectedcar.simulator.protocol.FordProtocol;
import io.github.connectedcar.simulator.record.RequestLog;

/**
 * A stand-in for Ford's connected-vehicle cloud, speaking its HTTP and websocket protocol on one loopback base URL:
 * B2C sign-in with PKCE, Ford's token service, Autonomic's token exchange, vehicle list and messages, telemetry,
 * commands that progress over simulated time, websocket push, per-account quotas, and injectable faults. Every Ford
 * path is served under {@link #baseUrl()} exactly as Ford spells it, so an SDK pointed at this single base (its
 * "all endpoints at one URL" switch) talks to it unchanged.
 *
 * <pre>{@code
 * try (FordCloudSimulator sim = FordCloudSimulator.builder().speed(0).build().start()) {
 *     String base = sim.baseUrl();                 // e.g. http://127.0.0.1:54321
 *     sim.vehicle(VehicleSpec.DEFAULT_F150_VIN).openDoor(Door.REAR_LEFT);
 *     sim.clock().advance(Duration.ofSeconds(10)); // commands progress, charging integrates, pushes go out
 * }
 * }</pre>
 *
 * <p>The same controls are reachable over HTTP under {@code /_simulator/…} (see {@link #ADMIN_ENDPOINTS}).
 * Thread-safe.
 */
public final class FordCloudSimulator implements AutoCloseable {

    /** The admin endpoints, for discovery (also answered by {@code GET /_simulator}). */
    public static final List<String> ADMIN_ENDPOINTS = AdminApi.ENDPOINTS;

    private static final Logger LOG = LoggerFactory.getLogger(FordCloudSimulator.class);

    private final String host;
    private final int requestedPort;
    private final Duration tickInterval;
    private final List<SimulatedAccount> accounts;
    private final QuotaPolicy initialQuota;
    private final SimulatedClock clock;
    private final SimulationWorld world;
    private final TokenRegistry tokens = new TokenRegistry();
    private final AtomicReference<QuotaPolicy> quota;
    private final RequestLog requests;
    private final PushService push;
    private final FaultInjector faults;
    private final HttpFrontEnd frontEnd;

    private DisposableServer server;
    private Disposable ticker;
    private boolean closed;

    private FordCloudSimulator(Builder b) {
        this.host = b.host;
        this.requestedPort = b.port;
        this.tickInterval = b.tickInterval;
        this.initialQuota = b.quota;
        this.clock = new SimulatedClock(b.startTime == null ? Instant.now().truncatedTo(ChronoUnit.SECONDS)
            : b.startTime, b.speed);
        this.accounts = List.copyOf(b.accounts.isEmpty() ? List.of(SimulatedAccount.demo()) : b.accounts);
        this.world = new SimulationWorld(clock, b.commandTimings,
            accounts.stream().map(SimulatedAccount::profile).toList());
        this.quota = new AtomicReference<>(b.quota);
        this.requests = new RequestLog(b.requestLogCapacity);
        ServiceContext context = new ServiceContext(world, clock, tokens, b.tokenLifetimes.byKind(),
            () -> quota.get().limits());
        CloudServices services = new CloudServices(context, b.commandTimings, b.keepAliveInterval);
        this.push = services.push();
        this.faults = new FaultInjector(push::drop);
        this.frontEnd = new HttpFrontEnd(services.router(), new AdminApi(this).router(), push, faults, requests,
            clock, this::accountOf);
        clock.onJump(this::tick);
    }

    /** A builder with the defaults: loopback, a free port, real-time speed, the demo account. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds the server (blocking the caller until it listens) and starts simulated time's background tick.
     *
     * @return this
     * @throws IllegalStateException when already started or closed
     */
    public synchronized FordCloudSimulator start() {
        if (closed) {
            throw new IllegalStateException("This simulator was closed; build a new one");
        }
        if (server != null) {
            throw new IllegalStateException("Already started at " + baseUrl());
        }
        server = frontEnd.bind(host, requestedPort);
        ticker = Flux.interval(tickInterval, Schedulers.parallel()).subscribe(i -> tick());
        LOG.info("Ford cloud simulator listening at {}", baseUrl());
        return this;
    }

    /** Plays the world up to now and lets websockets send keep-alives or expire. Never throws. */
    private void tick() {
        try {
            world.catchUp();
            push.tick(clock.now());
        } catch (RuntimeException e) {
            LOG.error("Simulator tick failed", e);
        }
    }

    /**
     * The one base URL for every role, e.g. {@code http://127.0.0.1:54321}.
     *
     * @throws IllegalStateException before {@link #start()}
     */
    public String baseUrl() {
        return "http://" + hostForUrl() + ":" + port();
    }

    /** The websocket base ({@code ws://…}) of the same server. */
    public String websocketBaseUrl() {
        return "ws://" + hostForUrl() + ":" + port();
    }

    private String hostForUrl() {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /**
     * The bound port.
     *
     * @throws IllegalStateException before {@link #start()}
     */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("Not started");
        }
        return server.port();
    }

    public synchronized boolean isRunning() {
        return server != null && !server.isDisposed();
    }

    /**
     * An authorize URL as the FordPass app builds it (docs/ford-api.md §3.1, North America, en-US) for a PKCE S256
     * challenge, pointing at this simulator. Handy for tests and {@link BrowserLogin}.
     */
    public String authorizeUrl(String codeChallenge) {
        Objects.requireNonNull(codeChallenge, "codeChallenge");
        String scope = URLEncoder.encode(FordProtocol.SCOPE, StandardCharsets.UTF_8).replace("+", "%20");
        return baseUrl() + "/" + FordProtocol.B2C_TENANT + "/" + FordProtocol.POLICY_PREFIX
            + "en-US/oauth2/v2.0/authorize"
            + "?redirect_uri=" + URLEncoder.encode(FordProtocol.FORD_REDIRECT_URI, StandardCharsets.UTF_8)
            + "&response_type=code&max_age=3600"
            + "&code_challenge=" + codeChallenge + "&code_challenge_method=S256"
            + "&scope=" + scope
            + "&client_id=" + FordProtocol.CLIENT_ID
            + "&ui_locales=en-US&language_code=en-US"
            + "&ford_application_id=" + FordProtocol.APP_ID_NORTH_AMERICA
            + "&country_code=USA";
    }

    /** Simulated time: read it, speed it up, or advance it. */
    public SimulatedClock clock() {
        return clock;
    }

    /** Shorthand for {@code clock().advance(duration)}: everything due happens before it returns. */
    public void advance(Duration duration) {
        clock.advance(duration);
    }

    /** Shorthand for {@code clock().setSpeed(speed)}. */
    public void setSpeed(double speed) {
        clock.setSpeed(speed);
    }

    /**
     * Back to the beginning: clock at its start instant and speed, vehicles in their initial state, no tokens (every
     * client must sign in again), quota counters cleared and the initial policy restored, faults cleared,
     * websockets dropped, request record emptied.
     */
    public void reset() {
        faults.clear();
        push.drop("/");
        tokens.clear();
        quota.set(initialQuota);
        clock.reset();
        world.reset();
        requests.clear();
    }

    /** The accounts as configured. */
    public List<SimulatedAccount> accounts() {
        return accounts;
    }

    /**
     * Controls of one vehicle.
     *
     * @throws IllegalArgumentException for an unknown VIN
     */
    public VehicleControl vehicle(String vin) {
        Objects.requireNonNull(vin, "vin");
        String upper = vin.toUpperCase(Locale.ROOT);
        if (!world.exists(upper)) {
            throw new IllegalArgumentException("No simulated vehicle " + vin);
        }
        return new VehicleControl(world, upper);
    }

    /** Arms, lists and clears injected faults; drops websockets. */
    public FaultInjector faults() {
        return faults;
    }

    /** What the simulator received (redacted). */
    public RequestLog requests() {
        return requests;
    }

    /**
     * Expires an account's access tokens (B2C, CAT, TMC) now: the next call with one answers 401 and the client
     * must refresh. Open websockets end at their next tick.
     *
     * @return how many tokens were expired
     * @throws IllegalArgumentException for an unknown account
     */
    public int expireTokens(String username) {
        return expireTokens(username, false);
    }

    /**
     * Expires an account's tokens; with {@code includeRefreshTokens} also its refresh tokens and unused codes, so
     * the person must sign in again.
     *
     * @return how many tokens were expired
     * @throws IllegalArgumentException for an unknown account
     */
    public int expireTokens(String username, boolean includeRefreshTokens) {
        requireAccount(username);
        EnumSet<TokenKind> kinds = EnumSet.noneOf(TokenKind.class);
        for (TokenKind kind : TokenKind.values()) {
            if (kind.isAccessToken() || includeRefreshTokens) {
                kinds.add(kind);
            }
        }
        int count = tokens.expireAll(username, kinds, clock.now());
        push.tick(clock.now());
        return count;
    }

    /**
     * Re-enables a disabled account and clears its quota counters.
     *
     * @throws IllegalArgumentException for an unknown account
     */
    public void enableAccount(String username) {
        requireAccount(username).enable();
    }

    /**
     * @throws IllegalArgumentException for an unknown account
     */
    public boolean isAccountDisabled(String username) {
        return requireAccount(username).isDisabled();
    }

    /** The quota policy in force. */
    public QuotaPolicy quota() {
        return quota.get();
    }

    /** Replaces the quota policy (counters are kept). */
    public void setQuota(QuotaPolicy policy) {
        quota.set(Objects.requireNonNull(policy, "policy"));
    }

    /** How many websockets are open. */
    public int openWebsockets() {
        return push.openSessions();
    }

    /** Runtime state of every account (admin view). */
    List<AccountState> accountStates() {
        return world.accounts();
    }

    SimulationWorld world() {
        return world;
    }

    private AccountState requireAccount(String username) {
        return world.account(username)
            .orElseThrow(() -> new IllegalArgumentException("No simulated account " + username));
    }

    /** Names the account of a request's credential (CAT in auth-token, TMC in Authorization), for the record. */
    private String accountOf(SimRequest request) {
        String credential = request.header("auth-token");
        if (credential == null) {
            String authorization = request.header("authorization");
            if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                credential = authorization.substring(7).strip();
            }
        }
        return credential == null ? null : tokens.find(credential).map(t -> t.username()).orElse(null);
    }

    /** Stops the server and the tick; open websockets are dropped. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (ticker != null) {
            ticker.dispose();
        }
        push.drop("/");
        if (server != null) {
            server.disposeNow(Duration.ofSeconds(5));
            LOG.info("Ford cloud simulator at port {} stopped", server.port());
        }
    }

    @Override
    public String toString() {
        return "FordCloudSimulator[" + (isRunning() ? baseUrl() : "not running") + ", " + clock + "]";
    }

    /** Builder of {@link FordCloudSimulator}; every setting has a sensible default. */
    public static final class Builder {

        /** Default interface: loopback only. */
        public static final String DEFAULT_HOST = "127.0.0.1";
        /** Default simulated-time keep-alive interval of the websocket. */
        public static final Duration DEFAULT_KEEP_ALIVE_INTERVAL = Duration.ofSeconds(30);
        /** Default real-time interval at which simulated time is played forward in the background. */
        public static final Duration DEFAULT_TICK_INTERVAL = Duration.ofMillis(100);

        private String host = DEFAULT_HOST;
        private int port;
        private double speed = 1.0;
        private Instant startTime;
        private final List<SimulatedAccount> accounts = new ArrayList<>();
        private QuotaPolicy quota = QuotaPolicy.defaults();
        private TokenLifetimes tokenLifetimes = TokenLifetimes.defaults();
        private CommandTimings commandTimings = CommandTimings.defaults();
        private Duration keepAliveInterval = DEFAULT_KEEP_ALIVE_INTERVAL;
        private Duration tickInterval = DEFAULT_TICK_INTERVAL;
        private int requestLogCapacity = RequestLog.DEFAULT_CAPACITY;

        private Builder() {
        }

        /** Interface to bind; loopback by default. */
        public Builder host(String value) {
            this.host = Objects.requireNonNull(value, "host");
            return this;
        }

        /**
         * Port to bind; 0 (the default) picks a free one.
         *
         * @throws IllegalArgumentException outside 0–65535
         */
        public Builder port(int value) {
            if (value < 0 || value > 65_535) {
                throw new IllegalArgumentException("port must be within [0, 65535], got " + value);
            }
            this.port = value;
            return this;
        }

        /**
         * Simulated seconds per real second: 1 by default, 60 for demos, 0 to move time only with
         * {@link SimulatedClock#advance(Duration)} (deterministic tests).
         *
         * @throws IllegalArgumentException when negative or not finite
         */
        public Builder speed(double value) {
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("speed must be a finite number >= 0, got " + value);
            }
            this.speed = value;
            return this;
        }

        /** The simulated instant at start (and after {@link #reset()}); by default the real time at build. */
        public Builder startTime(Instant value) {
            this.startTime = Objects.requireNonNull(value, "startTime");
            return this;
        }

        /** Adds an account; without any, the {@linkplain SimulatedAccount#demo() demo account} is used. */
        public Builder account(SimulatedAccount value) {
            accounts.add(Objects.requireNonNull(value, "account"));
            return this;
        }

        public Builder quota(QuotaPolicy value) {
            this.quota = Objects.requireNonNull(value, "quota");
            return this;
        }

        public Builder tokenLifetimes(TokenLifetimes value) {
            this.tokenLifetimes = Objects.requireNonNull(value, "tokenLifetimes");
            return this;
        }

        public Builder commandTimings(CommandTimings value) {
            this.commandTimings = Objects.requireNonNull(value, "commandTimings");
            return this;
        }

        /**
         * Simulated time between websocket keep-alives.
         *
         * @throws IllegalArgumentException unless positive
         */
        public Builder keepAliveInterval(Duration value) {
            this.keepAliveInterval = positive(value, "keepAliveInterval");
            return this;
        }

        /**
         * Real time between background plays of simulated time (granularity of pushes at speed > 0).
         *
         * @throws IllegalArgumentException unless positive
         */
        public Builder tickInterval(Duration value) {
            this.tickInterval = positive(value, "tickInterval");
            return this;
        }

        /**
         * How many requests the record keeps.
         *
         * @throws IllegalArgumentException unless >= 1
         */
        public Builder requestLogCapacity(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("requestLogCapacity must be >= 1");
            }
            this.requestLogCapacity = value;
            return this;
        }

        /**
         * @throws IllegalArgumentException when accounts share a username or VIN
         */
        public FordCloudSimulator build() {
            return new FordCloudSimulator(this);
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + value);
            }
            return value;
        }
    }
}
