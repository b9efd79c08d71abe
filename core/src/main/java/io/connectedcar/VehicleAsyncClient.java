package io.connectedcar;

import io.connectedcar.exception.VehicleNotFoundException;
import io.connectedcar.implementation.FordApi;
import io.connectedcar.implementation.FordCalls;
import io.connectedcar.implementation.TelemetryMapper;
import io.connectedcar.model.Vehicle;
import io.connectedcar.model.VehicleStatus;
import io.connectedcar.exception.ServiceException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The reactive client of one car. Every method returns a lazy publisher: nothing is sent until subscription, and
 * each subscription is a new call (and counts against the account's daily budget at Ford).
 */
public final class VehicleAsyncClient {
    private final String vin;
    private final FordCalls calls;
    private final ConnectedCarAsyncClient account;

    VehicleAsyncClient(String vin, FordCalls calls, ConnectedCarAsyncClient account) {
        this.vin = vin;
        this.calls = calls;
        this.account = account;
    }

    public String vin() {
        return vin;
    }

    /**
     * The car's status as last reported to Ford's cloud (one telemetry call; does not wake the car). Lazy.
     *
     * @throws VehicleNotFoundException (as an error signal) when the account has no such car
     * @throws io.connectedcar.exception.AuthenticationRequiredException (as an error signal) without a usable login
     * @throws ServiceException (as an error signal) when Ford answers with an error
     * @throws io.connectedcar.exception.DecodeException (as an error signal) when the answer is not telemetry JSON
     */
    public Mono<VehicleStatus> status() {
        return calls.json(calls.request(FordApi.TELEMETRY, vin))
            .onErrorMap(this::notFound)
            .map(TelemetryMapper::toStatus);
    }

    /**
     * The car's status as a stream: the current status first, then every change as Ford's cloud pushes it over a
     * websocket (or, when the socket cannot be kept open, as polling finds it every
     * {@link StatusStreamOptions#pollInterval()}). Never wakes the car. Lazy and shared: the first subscriber opens
     * one socket for all, a later subscriber gets the latest status at once, and the socket closes when the last
     * one cancels. The stream does not complete by itself; a WebFlux service can return it as server-sent events.
     *
     * @throws io.connectedcar.exception.AuthenticationRequiredException (as an error signal, ending the stream) when
     *         the login is lost
     * @throws VehicleNotFoundException (as an error signal) when the account has no such car
     */
    public Flux<VehicleStatus> statusUpdates() {
        return account.statusUpdates(vin).onErrorMap(this::notFound);
    }

    /**
     * The car's entry in the account's vehicle list: model, engine type, capabilities. Lazy.
     *
     * @throws VehicleNotFoundException (as an error signal) when the account has no such car
     */
    public Mono<Vehicle> details() {
        return account.vehicles()
            .filter(vehicle -> vin.equals(vehicle.vin()))
            .next()
            .switchIfEmpty(Mono.error(() -> new VehicleNotFoundException(vin, "The account has no vehicle with VIN "
                + vin + ". List its vehicles with vehicles().")));
    }

    private Throwable notFound(Throwable error) {
        if (error instanceof ServiceException service && service.getStatus() == 404) {
            return new VehicleNotFoundException(vin, "Ford knows no vehicle " + vin + " on this account (HTTP 404 "
                + "from " + service.getOperation() + "). Check the VIN with vehicles().");
        }
        return error;
    }

    @Override
    public String toString() {
        return "VehicleAsyncClient[" + vin + "]";
    }
}
