package io.github.connectedcar.command.internal;

import io.github.connectedcar.exception.CommandNotSupportedException;
import io.github.connectedcar.exception.VehicleNotFoundException;
import io.github.connectedcar.model.Capability;
import io.github.connectedcar.model.Vehicle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The account's vehicle list, kept so that checking a command's capability costs no call: the list the client last
 * read (the one read at login, or by the application's own {@code vehicles()} call) is used until its time to live
 * has passed; only when none is kept is it loaded, once however many commands ask. A failed load is not kept; the
 * list expires by the client's clock.
 */
public final class CapabilityCache {
    private record Entry(List<Vehicle> vehicles, Instant expiresAt) {
    }

    private final Clock clock;
    private final Duration ttl;
    private final AtomicReference<Entry> kept = new AtomicReference<>();
    private final Mono<Entry> cached;

    /**
     * @param vehicles loads the vehicle list (one call to Ford)
     * @param clock    the client's clock
     * @param ttl      how long a loaded list is used; zero loads it for every check
     */
    public CapabilityCache(Supplier<Flux<Vehicle>> vehicles, Clock clock, Duration ttl) {
        Objects.requireNonNull(vehicles, "vehicles");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        // One load at a time; a list offered meanwhile (or the kept one expiring) makes the next ask load again.
        Mono<Entry> loading = Flux.defer(vehicles).collectList().map(this::keep);
        this.cached = loading.cacheInvalidateIf(entry -> entry != kept.get() || isExpired(entry));
    }

    /**
     * Keeps a vehicle list the client has just read (at login, or for the application), so that the next commands
     * check their capability against it without a call.
     *
     * @param vehicles the account's whole vehicle list, as Ford just gave it
     */
    public void offer(List<Vehicle> vehicles) {
        keep(vehicles);
    }

    /** Forgets the kept list (after a logout: the next login may be another account). */
    public void forget() {
        kept.set(null);
    }

    private Entry keep(List<Vehicle> vehicles) {
        Entry entry = new Entry(List.copyOf(vehicles), clock.instant().plus(ttl));
        kept.set(entry);
        return entry;
    }

    private boolean isExpired(Entry entry) {
        return !clock.instant().isBefore(entry.expiresAt());
    }

    private Mono<Entry> current() {
        return Mono.defer(() -> {
            Entry entry = kept.get();
            return entry != null && !isExpired(entry) ? Mono.just(entry) : cached;
        });
    }

    /** The account's vehicles, from the kept list (loaded once per time to live). Lazy. */
    public Flux<Vehicle> vehicles() {
        return current().flatMapIterable(Entry::vehicles);
    }

    /**
     * The vehicle with this VIN, from the kept list. Lazy.
     *
     * @throws VehicleNotFoundException (as an error signal) when the account has no such vehicle
     */
    public Mono<Vehicle> vehicle(String vin) {
        return current().flatMap(entry -> entry.vehicles().stream().filter(v -> v.vin().equals(vin)).findFirst()
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
