package io.connectedcar;

import io.connectedcar.implementation.Blocking;
import io.connectedcar.model.Vehicle;
import io.connectedcar.model.VehicleStatus;
import java.time.Duration;

/** The blocking client of one car; each method waits for {@link VehicleAsyncClient} with a timeout. */
public final class VehicleClient {
    private final VehicleAsyncClient async;
    private final Duration timeout;

    VehicleClient(VehicleAsyncClient async, Duration timeout) {
        this.async = async;
        this.timeout = timeout;
    }

    public String vin() {
        return async.vin();
    }

    /** The car's status; see {@link VehicleAsyncClient#status()}. */
    public VehicleStatus status() {
        return Blocking.await(async.status(), timeout, "the status of " + async.vin());
    }

    /** The car's model, engine and capabilities; see {@link VehicleAsyncClient#details()}. */
    public Vehicle details() {
        return Blocking.await(async.details(), timeout, "the details of " + async.vin());
    }

    /** The reactive client behind this one. */
    public VehicleAsyncClient async() {
        return async;
    }
}
