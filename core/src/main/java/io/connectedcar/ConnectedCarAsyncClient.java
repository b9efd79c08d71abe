package io.connectedcar;

import io.connectedcar.auth.AuthAsyncClient;
import io.connectedcar.command.CommandOptions;
import io.connectedcar.exception.AuthenticationRequiredException;
import io.connectedcar.model.Vehicle;
import reactor.core.publisher.Flux;

/**
 * The reactive client of one FordPass account. Every method returns a lazy publisher: nothing is sent until
 * subscription, and each subscription is a new call. Build it with {@link ConnectedCarClientBuilder}.
 */
public final class ConnectedCarAsyncClient implements AutoCloseable {
    private final ClientContext context;

    ConnectedCarAsyncClient(ClientContext context) {
        this.context = context;
    }

    /** Login, refresh and logout of this account. */
    public AuthAsyncClient auth() {
        return context.auth().client();
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
        return context.calls().vehicles();
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
