package io.github.connectedcar;

import io.github.connectedcar.auth.AuthAsyncClient;
import io.github.connectedcar.command.CommandOptions;
import io.github.connectedcar.exception.AuthenticationRequiredException;
import io.github.connectedcar.model.Vehicle;
import io.github.connectedcar.status.FleetOptions;
import io.github.connectedcar.status.FleetStatus;
import io.github.connectedcar.status.internal.Fleet;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Flux;

/**
 * The reactive client of one FordPass account. Every method returns a lazy publisher: nothing is sent until
 * subscription, and each subscription is a new call. Build it with {@link ConnectedCarClientBuilder}.
 */
public final class ConnectedCarAsyncClient implements AutoCloseable {
    private final ClientContext context;
    private final AuthAsyncClient auth;

    ConnectedCarAsyncClient(ClientContext context) {
        this.context = context;
        this.auth = new LoginWithVehicleList(context.auth().client(), context.calls(),
            context.commands().engine().capabilities());
    }

    /**
     * Login, refresh and logout of this account. A completed login also reads the vehicle list once (one call) and
     * keeps it, so that commands check their capability without a call of their own.
     */
    public AuthAsyncClient auth() {
        return auth;
    }

    /**
     * The account's vehicles with their profiles and capabilities (one call to Ford's vehicle list). The list read
     * is kept for the commands' capability checks (and {@link #fleetStatus()}), which then make no call of their
     * own. Lazy.
     *
     * @return the vehicles; empty when the account has none
     * @throws AuthenticationRequiredException (as an error signal) when there is no usable login
     * @throws io.github.connectedcar.exception.ServiceException (as an error signal) when Ford answers with an error
     * @throws io.github.connectedcar.exception.DecodeException (as an error signal) when the answer is not JSON
     */
    public Flux<Vehicle> vehicles() {
        return context.calls().vehicles().collectList()
            .doOnNext(context.commands().engine().capabilities()::offer)
            .flatMapIterable(list -> list);
    }

    /**
     * Every car of the account as one stream of statuses: the account's vehicle list (the one the capability checks
     * keep, so usually no call), then each car's {@link VehicleAsyncClient#statusUpdates()}, opened gently with
     * {@link FleetOptions#defaults()}. See {@link #fleetStatus(Collection, FleetOptions)}. Lazy.
     *
     * @throws AuthenticationRequiredException (as an error signal) when there is no usable login
     * @throws io.github.connectedcar.exception.ServiceException (as an error signal) when the vehicle list cannot be read
     */
    public Flux<FleetStatus> fleetStatus() {
        return context.commands().engine().capabilities().vehicles()
            .map(Vehicle::vin)
            .collectList()
            .flatMapMany(vins -> fleetStatus(vins, FleetOptions.defaults()));
    }

    /**
     * These cars as one stream of statuses, with {@link FleetOptions#defaults()}. Lazy.
     *
     * @throws IllegalArgumentException when a VIN is not 17 letters and digits
     * @see #fleetStatus(Collection, FleetOptions)
     */
    public Flux<FleetStatus> fleetStatus(Collection<String> vins) {
        return fleetStatus(vins, FleetOptions.defaults());
    }

    /**
     * These cars as one stream of statuses: each car's {@link VehicleAsyncClient#statusUpdates()} (first its current
     * status, then every change), tagged with its VIN, all merged. Lazy: nothing is opened until subscription.
     *
     * <p>Opening is spread in time so that Ford never sees a burst: a car starts opening at most every
     * {@link FleetOptions#openInterval()}, and at most {@link FleetOptions#maxOpening()} cars are opening (between
     * subscribing to their stream and their first status) at a time. Each car then keeps its own websocket (outside
     * the REST connection pool), shared with any other subscriber of that car.
     *
     * <p>A car whose stream fails (unknown VIN, first read refused, lost login) emits one
     * {@link FleetStatus#failed} item and leaves the fleet; the other cars go on. The stream does not complete while
     * a car is followed; cancelling it closes every car's stream that has no other subscriber.
     *
     * @param vins    the cars; duplicates are followed once
     * @param options how the cars are opened
     * @throws IllegalArgumentException (thrown) when a VIN is not 17 letters and digits
     * @throws NullPointerException     (thrown) when an argument is null
     */
    public Flux<FleetStatus> fleetStatus(Collection<String> vins, FleetOptions options) {
        Objects.requireNonNull(options, "options");
        List<String> checked = Objects.requireNonNull(vins, "vins").stream().map(Vins::checked).distinct().toList();
        return Fleet.of(checked, options, vin -> vehicle(vin).statusUpdates());
    }

    /**
     * The client of one car. Sends nothing.
     *
     * @throws IllegalArgumentException when the VIN is not 17 letters and digits
     */
    public VehicleAsyncClient vehicle(String vin) {
        return new VehicleAsyncClient(Vins.checked(vin), context, context.commands().defaults());
    }

    /**
     * A snapshot of this client's counters: the request budget left, the lockout guard's state, token renewals,
     * commands sent and followed, the telemetry checks that cost, and the retry counts. Sends nothing.
     */
    public ClientMetrics metrics() {
        return ClientMetrics.of(context);
    }

    /** The default options of this client's commands (see {@link ConnectedCarClientBuilder#commandOptions}). */
    public CommandOptions commandOptions() {
        return context.commands().defaults();
    }

    /**
     * A blocking view of this client: the same login, token caches, budget, counters and status streams, each call
     * waiting at most {@code blockTimeout}. Closing the view closes this client too.
     *
     * @param blockTimeout how long a blocking call waits for its answer
     * @return the blocking client
     * @throws IllegalArgumentException when {@code blockTimeout} is not positive
     */
    public ConnectedCarClient blocking(Duration blockTimeout) {
        return new ConnectedCarClient(this, new ClientOptions(blockTimeout));
    }

    /** What this client shares with its vehicle clients; for tests of this package. */
    ClientContext context() {
        return context;
    }

    /** Closes the transport if the builder made it. */
    @Override
    public void close() {
        if (context.ownedTransport() != null) {
            context.ownedTransport().close();
        }
    }

    @Override
    public String toString() {
        return "ConnectedCarAsyncClient[account=" + context.account() + ", region=" + context.calls().region().name()
            + ", " + context.calls().endpoints() + "]";
    }
}
