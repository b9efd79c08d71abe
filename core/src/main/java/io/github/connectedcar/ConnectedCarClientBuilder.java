package io.github.connectedcar;

import io.github.connectedcar.auth.InMemoryTokenStore;
import io.github.connectedcar.auth.TokenStore;
import io.github.connectedcar.auth.internal.Authentication;
import io.github.connectedcar.auth.internal.TokenPolicy;
import io.github.connectedcar.command.CommandOptions;
import io.github.connectedcar.command.internal.CommandSupport;
import io.github.connectedcar.ford.Endpoints;
import io.github.connectedcar.ford.Region;
import io.github.connectedcar.ford.internal.FordApi;
import io.github.connectedcar.ford.internal.FordCalls;
import io.github.connectedcar.http.DeadlineOptions;
import io.github.connectedcar.http.HttpTransport;
import io.github.connectedcar.http.HttpTransportProvider;
import io.github.connectedcar.http.RetryOptions;
import io.github.connectedcar.http.TransportOptions;
import io.github.connectedcar.http.internal.HttpPipeline;
import io.github.connectedcar.http.internal.LoggingPolicy;
import io.github.connectedcar.http.internal.RetryPolicy;
import io.github.connectedcar.http.internal.UserAgentPolicy;
import io.github.connectedcar.internal.SchedulerClock;
import io.github.connectedcar.protection.LockoutOptions;
import io.github.connectedcar.protection.QuotaOptions;
import io.github.connectedcar.protection.internal.LockoutPolicy;
import io.github.connectedcar.protection.internal.QuotaPolicy;
import io.github.connectedcar.status.StatusStreamOptions;
import io.github.connectedcar.status.internal.StatusStreams;
import io.github.connectedcar.usage.InMemoryUsageStore;
import io.github.connectedcar.usage.UsageStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The one way to make a client. Every setting has a sensible default; only a {@link TokenStore} that outlives the
 * process is worth choosing on day one ({@code FileTokenStore.inUserHome()}).
 *
 * <pre>{@code
 * ConnectedCarAsyncClient client = new ConnectedCarClientBuilder()
 *     .region(Region.of("US"))
 *     .tokenStore(FileTokenStore.inUserHome())
 *     .buildAsyncClient();
 * }</pre>
 */
public final class ConnectedCarClientBuilder {
    /** The account name under which tokens are stored when none is given. */
    public static final String DEFAULT_ACCOUNT = "default";
    /** The only User-Agent Ford accepts since October 2025: the FordPass app's HTTP library. */
    public static final String DEFAULT_USER_AGENT = FordApi.DEFAULT_USER_AGENT;
    /** How long the vehicle list is kept for the capability checks of commands. */
    public static final Duration DEFAULT_CAPABILITY_CACHE_TTL = Duration.ofHours(1);

    private Region region = Region.NORTH_AMERICA;
    private Endpoints endpoints = Endpoints.ford();
    private TokenStore tokenStore;
    private UsageStore usageStore;
    private String account = DEFAULT_ACCOUNT;
    private HttpTransport transport;
    private TransportOptions transportOptions = TransportOptions.defaults();
    private RetryOptions retryOptions = RetryOptions.defaults();
    private DeadlineOptions deadlineOptions = DeadlineOptions.defaults();
    private ClientOptions clientOptions = ClientOptions.defaults();
    private StatusStreamOptions statusStreamOptions = StatusStreamOptions.defaults();
    private Clock clock = SchedulerClock.UTC;
    private String userAgent = DEFAULT_USER_AGENT;
    private CommandOptions commandOptions = CommandOptions.defaults();
    private QuotaOptions quota = QuotaOptions.defaults();
    private LockoutOptions lockout = LockoutOptions.defaults();
    private Duration capabilityCacheTtl = DEFAULT_CAPABILITY_CACHE_TTL;

    /** The account's region (default North America). */
    public ConnectedCarClientBuilder region(Region value) {
        this.region = Objects.requireNonNull(value, "region");
        return this;
    }

    /** The account's region by name, original-SDK key or country code; see {@link Region#of(String)}. */
    public ConnectedCarClientBuilder region(String value) {
        return region(Region.of(value));
    }

    /** Where Ford lives (default Ford's production hosts); {@link Endpoints#allAt(String)} for a simulator. */
    public ConnectedCarClientBuilder endpoints(Endpoints value) {
        this.endpoints = Objects.requireNonNull(value, "endpoints");
        return this;
    }

    /** Where logins are kept (default: in memory, lost at exit). */
    public ConnectedCarClientBuilder tokenStore(TokenStore value) {
        this.tokenStore = Objects.requireNonNull(value, "tokenStore");
        return this;
    }

    /**
     * Where the requests and status refreshes of the account are counted, so that the request budget and the refresh
     * interval hold for every client and process that shares the store (default: in memory, a new count per client).
     * Use a {@code FileUsageStore} for programs on one machine, such as a command line run from cron beside a
     * service. The store is asked before each request, atomically; one that cannot be read or written fails the
     * request with a {@code UsageStoreException}, since the account would otherwise be unprotected.
     */
    public ConnectedCarClientBuilder usageStore(UsageStore value) {
        this.usageStore = Objects.requireNonNull(value, "usageStore");
        return this;
    }

    /**
     * The name the login and the usage are stored under, for several accounts in one store (default
     * {@value #DEFAULT_ACCOUNT}).
     */
    public ConnectedCarClientBuilder account(String value) {
        Objects.requireNonNull(value, "account");
        if (value.isBlank()) {
            throw new IllegalArgumentException("account must not be blank");
        }
        this.account = value;
        return this;
    }

    /** The transport (default: the one found through {@link HttpTransportProvider}); the caller closes it. */
    public ConnectedCarClientBuilder transport(HttpTransport value) {
        this.transport = Objects.requireNonNull(value, "transport");
        return this;
    }

    /** Settings of the default transport; ignored when a transport is given. */
    public ConnectedCarClientBuilder transportOptions(TransportOptions value) {
        this.transportOptions = Objects.requireNonNull(value, "transportOptions");
        return this;
    }

    /** How reads are retried (default {@link RetryOptions#defaults()}). */
    public ConnectedCarClientBuilder retryOptions(RetryOptions value) {
        this.retryOptions = Objects.requireNonNull(value, "retryOptions");
        return this;
    }

    /**
     * How long one call may take in all, retries included (default {@link DeadlineOptions#defaults()}: 75 s for a
     * read, 60 s for a command, 30 s for a token call). A call past it ends with
     * {@link io.github.connectedcar.http.DeadlineExceededException}.
     */
    public ConnectedCarClientBuilder deadlineOptions(DeadlineOptions value) {
        this.deadlineOptions = Objects.requireNonNull(value, "deadlineOptions");
        return this;
    }

    /** Settings of the blocking facade. */
    public ConnectedCarClientBuilder clientOptions(ClientOptions value) {
        this.clientOptions = Objects.requireNonNull(value, "clientOptions");
        return this;
    }

    /** How status streams stay current (default: websocket push, polling every 15 minutes as the fallback). */
    public ConnectedCarClientBuilder statusStreamOptions(StatusStreamOptions value) {
        this.statusStreamOptions = Objects.requireNonNull(value, "statusStreamOptions");
        return this;
    }

    /**
     * The clock for token expiry, the request budget's rolling window, the lockout guard's cool-down, the status
     * refresh guard and the kept vehicle list (default: Reactor's scheduler clock, virtual in {@code StepVerifier}
     * tests).
     */
    public ConnectedCarClientBuilder clock(Clock value) {
        this.clock = Objects.requireNonNull(value, "clock");
        return this;
    }

    /** The User-Agent (default {@value #DEFAULT_USER_AGENT}, the only one Ford accepts now). */
    public ConnectedCarClientBuilder userAgent(String value) {
        Objects.requireNonNull(value, "userAgent");
        if (value.isBlank()) {
            throw new IllegalArgumentException("userAgent must not be blank");
        }
        this.userAgent = value;
        return this;
    }

    /**
     * The account's request budget, shared by every call of the client (default {@link QuotaOptions#defaults()}: 250
     * requests per rolling 24 h, 20 per minute). {@link QuotaOptions#unlimited()} only for tests and simulators.
     */
    public ConnectedCarClientBuilder quota(QuotaOptions value) {
        this.quota = Objects.requireNonNull(value, "quota");
        return this;
    }

    /**
     * The lockout guard that stops calling Ford after repeated authentication failures (default
     * {@link LockoutOptions#defaults()}: 3 in a row, 30 minutes).
     */
    public ConnectedCarClientBuilder lockout(LockoutOptions value) {
        this.lockout = Objects.requireNonNull(value, "lockout");
        return this;
    }

    /**
     * How commands are followed and guarded, by default (default {@link CommandOptions#defaults()}); a vehicle
     * client can override them with {@code withCommandOptions(...)}.
     */
    public ConnectedCarClientBuilder commandOptions(CommandOptions value) {
        this.commandOptions = Objects.requireNonNull(value, "commandOptions");
        return this;
    }

    /**
     * How long the vehicle list is kept for the capability check before each command (default
     * {@link #DEFAULT_CAPABILITY_CACHE_TTL}); {@link Duration#ZERO} loads it for every command.
     *
     * @throws IllegalArgumentException when negative
     */
    public ConnectedCarClientBuilder capabilityCacheTtl(Duration value) {
        Objects.requireNonNull(value, "capabilityCacheTtl");
        if (value.isNegative()) {
            throw new IllegalArgumentException("capabilityCacheTtl must not be negative, was " + value);
        }
        this.capabilityCacheTtl = value;
        return this;
    }

    /**
     * Builds the reactive client. Sends nothing.
     *
     * @throws IllegalStateException when no transport was given and none is on the class path
     */
    public ConnectedCarAsyncClient buildAsyncClient() {
        boolean ownsTransport = transport == null;
        HttpTransport wire = ownsTransport ? HttpTransportProvider.load().create(transportOptions) : transport;
        TokenStore store = tokenStore != null ? tokenStore : new InMemoryTokenStore();
        // The store counts the account's use: the budget and the refresh guard ask it before each request.
        UsageStore usage = usageStore != null ? usageStore : new InMemoryUsageStore();

        UserAgentPolicy headers = new UserAgentPolicy(userAgent);
        RetryPolicy retry = new RetryPolicy(retryOptions, clock);
        // One lockout guard and one budget for the whole account: both pipelines share them.
        LockoutPolicy lockoutGuard = new LockoutPolicy(lockout, clock, usage, account);
        QuotaPolicy budget = new QuotaPolicy(quota, clock, usage, account);
        LoggingPolicy logging = new LoggingPolicy();

        // Closest to the API first, closest to the wire last. Token calls use the same policies but carry no token.
        // The lockout guard sits before the token policy (it sees a 401 only when a renewed token failed too); the
        // budget after the retry and token policies (every request that leaves pays, retries and re-sends included).
        HttpPipeline authPipeline = new HttpPipeline(wire, deadlineOptions,
            List.of(headers, retry, lockoutGuard, budget, logging));
        Authentication auth = Authentication.create(authPipeline, endpoints, region, clock, store, account);
        HttpPipeline dataPipeline = new HttpPipeline(wire, deadlineOptions, List.of(headers, retry,
            lockoutGuard, new TokenPolicy(auth.tokens()), budget, logging));

        FordCalls calls = new FordCalls(dataPipeline, endpoints, region, clock);
        StatusStreams statusStreams = new StatusStreams(calls, auth.tokens(), statusStreamOptions);
        CommandSupport commands = CommandSupport.create(calls, commandOptions, capabilityCacheTtl, usage, account,
            statusStreams);
        return new ConnectedCarAsyncClient(new ClientContext(account, calls, auth, commands, statusStreams, retry,
            budget, lockoutGuard, ownsTransport ? wire : null));
    }

    /** Builds the blocking client; every call blocks at most {@link ClientOptions#blockTimeout()}. */
    public ConnectedCarClient buildClient() {
        return new ConnectedCarClient(buildAsyncClient(), clientOptions);
    }
}
