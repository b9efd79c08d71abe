package io.connectedcar;

import io.connectedcar.auth.AuthAsyncClient;
import io.connectedcar.auth.Authentication;
import io.connectedcar.command.CommandOptions;
import io.connectedcar.exception.AuthenticationRequiredException;
import io.connectedcar.http.HttpTransport;
import io.connectedcar.http.policy.LockoutPolicy;
import io.connectedcar.http.policy.QuotaPolicy;
import io.connectedcar.http.policy.RetryPolicy;
import io.connectedcar.implementation.CommandSupport;
import io.connectedcar.implementation.FordApi;
import io.connectedcar.implementation.FordCalls;
import io.connectedcar.implementation.StatusStream;
import io.connectedcar.implementation.VehicleListMapper;
import io.connectedcar.model.Vehicle;
import io.connectedcar.model.VehicleStatus;
import io.connectedcar.usage.UsageStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Flux;

/**
 * The reactive client of one FordPass account. Every method returns a lazy publisher: nothing is sent until
 * subscription, and each subscription is a new call. Build it with {@link ConnectedCarClientBuilder}.
 */
public final class ConnectedCarAsyncClient implements AutoCloseable {
    private final FordCalls calls;
    private final Authentication auth;
    private final RetryPolicy retry;
    private final QuotaPolicy quota;
    private final LockoutPolicy lockout;
    private final StatusStreamOptions streamOptions;
    private final HttpTransport ownedTransport;
    private final CommandSupport commands;
    /** One shared status stream per car: one socket however many subscribers. */
    private final ConcurrentHashMap<String, Flux<VehicleStatus>> statusStreams = new ConcurrentHashMap<>();

    ConnectedCarAsyncClient(FordCalls calls, Authentication auth, RetryPolicy retry, QuotaPolicy quota,
                            LockoutPolicy lockout, StatusStreamOptions streamOptions, HttpTransport ownedTransport,
                            CommandOptions commandOptions, Duration capabilityCacheTtl, UsageStore usage,
                            String account) {
        this.calls = calls;
        this.auth = auth;
        this.retry = retry;
        this.quota = quota;
        this.lockout = lockout;
        this.streamOptions = streamOptions;
        this.ownedTransport = ownedTransport;
        this.commands = CommandSupport.create(calls, this::vehicles, commandOptions, capabilityCacheTtl, usage,
            account);
    }

    /** Login, refresh and logout of this account. */
    public AuthAsyncClient auth() {
        return auth.client();
    }

    /**
     * The account's vehicles with their profiles and capabilities (one call to Ford's vehicle list). Lazy.
     *
     * @return the vehicles; empty when the account has none
     * @throws AuthenticationRequiredException (as an error signal) when there is no usable login
     * @throws io.connectedcar.exception.ServiceException (as an error signal) when Ford answers with an error
     * @throws io.connectedcar.exception.DecodeException (as an error signal) when the answer is not JSON
     */
    public Flux<Vehicle> vehicles() {
        return calls.json(calls.request(FordApi.VEHICLE_DASHBOARD)
                .withBody(FordApi.VEHICLE_DASHBOARD_BODY.getBytes(StandardCharsets.UTF_8), "application/json"))
            .flatMapIterable(VehicleListMapper::toVehicles);
    }

    /**
     * The client of one car. Sends nothing.
     *
     * @throws IllegalArgumentException when the VIN is not 17 letters and digits
     */
    public VehicleAsyncClient vehicle(String vin) {
        return new VehicleAsyncClient(Vins.checked(vin), calls, this);
    }

    /**
     * A snapshot of this client's counters: the request budget left, the lockout guard's state, commands sent and
     * followed, the telemetry checks that cost, and Resilience4j's retry counts. Sends nothing.
     */
    public ClientMetrics metrics() {
        var commandMetrics = commands.engine().metrics();
        return new ClientMetrics(ClientMetrics.Quota.of(quota), ClientMetrics.Lockout.of(lockout),
            commandMetrics.commandsSent(), commandMetrics.commandsFollowed(),
            commandMetrics.checks(), ClientMetrics.RetryCounts.of(retry.reads()),
            ClientMetrics.RetryCounts.of(retry.writes()));
    }

    /** Resilience4j's retry of reads, for its metrics. */
    public RetryPolicy retryPolicy() {
        return retry;
    }

    FordCalls calls() {
        return calls;
    }

    /**
     * The shared status stream of a car: connected while it has subscribers, replaying the latest status. Lazy: the
     * shared stream is looked up on each subscription. A stream that ended (with an error, such as a lost login) is
     * dropped before its subscribers hear of it, so the next subscription starts a new one instead of being replayed
     * the old ending forever.
     */
    Flux<VehicleStatus> statusUpdates(String vin) {
        return Flux.defer(() -> statusStreams.computeIfAbsent(vin, this::newStatusStream));
    }

    private Flux<VehicleStatus> newStatusStream(String vin) {
        AtomicReference<Flux<VehicleStatus>> self = new AtomicReference<>();
        Flux<VehicleStatus> shared = new StatusStream(vin, calls, auth.tokens(), streamOptions).flux()
            .doOnTerminate(() -> statusStreams.remove(vin, self.get()))
            .replay(1)
            .refCount();
        self.set(shared);
        return shared;
    }

    CommandSupport commands() {
        return commands;
    }

    /** The default options of this client's commands (see {@link ConnectedCarClientBuilder#commandOptions}). */
    public CommandOptions commandOptions() {
        return commands.defaults();
    }

    /** Closes the transport if the builder made it. */
    @Override
    public void close() {
        if (ownedTransport != null) {
            ownedTransport.close();
        }
    }

    @Override
    public String toString() {
        return "ConnectedCarAsyncClient[account=" + auth.tokens().account() + ", region=" + calls.region().name()
            + ", " + calls.endpoints() + "]";
    }
}
