package io.github.connectedcar;

import io.github.connectedcar.auth.AuthClient;
import io.github.connectedcar.internal.Blocking;
import io.github.connectedcar.model.Vehicle;
import java.time.Duration;
import java.util.List;

/**
 * The blocking client of one FordPass account: each method calls {@link ConnectedCarAsyncClient} and waits at most
 * {@link ClientOptions#blockTimeout()}, throwing the same typed exceptions (or
 * {@link io.github.connectedcar.exception.OperationTimeoutException}). Do not use it on a reactive event loop.
 */
public final class ConnectedCarClient implements AutoCloseable {
    private final ConnectedCarAsyncClient async;
    private final Duration timeout;

    ConnectedCarClient(ConnectedCarAsyncClient async, ClientOptions options) {
        this.async = async;
        this.timeout = options.blockTimeout();
    }

    /** Login, refresh and logout, blocking. */
    public AuthClient auth() {
        return new AuthClient(async.auth(), timeout);
    }

    /** The account's vehicles; see {@link ConnectedCarAsyncClient#vehicles()}. */
    public List<Vehicle> vehicles() {
        return Blocking.awaitAll(async.vehicles(), timeout, "the vehicle list");
    }

    /** The blocking client of one car. */
    public VehicleClient vehicle(String vin) {
        return new VehicleClient(async.vehicle(vin), timeout);
    }

    /** How long each call waits for its answer. */
    public Duration blockTimeout() {
        return timeout;
    }

    /** The reactive client behind this one. */
    public ConnectedCarAsyncClient async() {
        return async;
    }

    @Override
    public void close() {
        async.close();
    }
}
