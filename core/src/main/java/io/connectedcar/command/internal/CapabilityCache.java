package io.connectedcar.command.internal;

import io.connectedcar.exception.CommandNotSupportedException;
import io.connectedcar.exception.VehicleNotFoundException;
import io.connectedcar.model.Capability;
import io.connectedcar.model.Vehicle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The account's vehicle list, kept for a while so that checking a command's capability does not cost a call per
 * command. One load at a time however many commands ask; a failed load is not kept; the list expires after its time
 * to live by the client's clock.
 */
public final class CapabilityCache {
    private record Entry(List<Vehicle> vehicles, Instant expiresAt) {
    }

    private final Mono<Entry> cached;

    /**
     * @param vehicles loads the vehicle list (one call to Ford)
     * @param clock    the client's clock
     * @param ttl      how long a loaded list is used; zero loads it for every check
     */
    public CapabilityCache(Supplier<Flux<Vehicle>> vehicles, Clock clock, Duration ttl) {
        Objects.requireNonNull(vehicles, "vehicles");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(ttl, "ttl");
        this.cached = Flux.defer(vehicles).collectList()
            .map(list -> new Entry(List.copyOf(list), clock.instant().plus(ttl)))
            .cacheInvalidateIf(entry -> !clock.instant().isBefore(entry.expiresAt()));
    }

    /** The account's vehicles, from the kept list (loaded once per time to live). Lazy. */
    public Flux<Vehicle> vehicles() {
        return cached.flatMapIterable(Entry::vehicles);
    }

    /**
     * The vehicle with this VIN, from the kept list. Lazy.
     *
     * @throws VehicleNotFoundException (as an error signal) when the account has no such vehicle
     */
    public Mono<Vehicle> vehicle(String vin) {
        return cached.flatMap(entry -> entry.vehicles().stream().filter(v -> v.vin().equals(vin)).findFirst()
            .map(Mono::just)
            .orElseGet(() -> Mono.error(new VehicleNotFoundException(vin, "The account has no vehicle with VIN " + vin
                + ", so nothing was sent. List its vehicles with vehicles()."))));
    }

    /**
     * Completes when the vehicle offers the capability. Lazy.
     *
     * @param what the command's name for the message, such as {@code remoteStart}
     * @throws CommandNotSupportedException (as an error signal) when it does not
     * @throws VehicleNotFoundException     (as an error signal) when the account has no such vehicle
     */
    public Mono<Void> require(String vin, String what, Capability capability) {
        return vehicle(vin).flatMap(vehicle -> vehicle.supports(capability) ? Mono.<Void>empty()
            : Mono.error(new CommandNotSupportedException("The vehicle list says " + vin
                + vehicle.modelName().map(m -> " (" + m + ")").orElse("") + " does not offer " + what
                + " (capability '" + capability.name() + "'), so " + what + " was not sent. If you know it does, "
                + "use CommandOptions.withSkipCapabilityCheck(true).", vin, what, capability.name())));
    }
}
