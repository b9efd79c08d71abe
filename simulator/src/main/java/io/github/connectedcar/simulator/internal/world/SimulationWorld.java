package io.github.connectedcar.simulator.internal.world;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import io.github.connectedcar.simulator.clock.SimulatedClock;
import io.github.connectedcar.simulator.command.CommandTimings;
import io.github.connectedcar.simulator.internal.account.AccountProfile;
import io.github.connectedcar.simulator.internal.account.AccountState;
import io.github.connectedcar.simulator.internal.vehicle.ChangeSet;
import io.github.connectedcar.simulator.internal.vehicle.SimulatedVehicle;
import io.github.connectedcar.simulator.internal.vehicle.TelemetryRenderer;
import io.github.connectedcar.simulator.vehicle.VehicleSpec;

/**
 * Every account and vehicle of the simulation, and the one lock that serialises changes to vehicles. Each access
 * first plays the vehicles up to the clock's "now", then applies the change, then tells listeners what changed, all
 * under the lock so listeners see changes in order. Critical sections are short and purely in memory, so calling
 * from an event loop is fine.
 */
public final class SimulationWorld {

    private final SimulatedClock clock;
    private final CommandTimings timings;
    private final List<AccountProfile> profiles;
    private final List<VehicleUpdateListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, AccountState> accounts = new LinkedHashMap<>();
    private final Map<String, SimulatedVehicle> vehicles = new LinkedHashMap<>();

    /**
     * @throws IllegalArgumentException when two accounts share a username or a VIN
     */
    public SimulationWorld(SimulatedClock clock, CommandTimings timings, List<AccountProfile> profiles) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timings = Objects.requireNonNull(timings, "timings");
        this.profiles = List.copyOf(profiles);
        List<String> vins = profiles.stream().flatMap(a -> a.vehicles().stream()).map(VehicleSpec::vin).toList();
        if (vins.stream().distinct().count() != vins.size()) {
            throw new IllegalArgumentException("A VIN belongs to more than one account: " + vins);
        }
        if (profiles.stream().map(a -> key(a.username())).distinct().count() != profiles.size()) {
            throw new IllegalArgumentException("Two accounts share a username");
        }
        rebuild();
    }

    public void addListener(VehicleUpdateListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Back to the initial state of every account and vehicle, at the clock's current time. */
    public synchronized void reset() {
        rebuild();
    }

    private void rebuild() {
        accounts.clear();
        vehicles.clear();
        Instant now = clock.now();
        for (AccountProfile account : profiles) {
            accounts.put(key(account.username()), new AccountState(account));
            for (VehicleSpec spec : account.vehicles()) {
                vehicles.put(spec.vin(), new SimulatedVehicle(spec, account.username(), timings, now));
            }
        }
    }

    /** Plays every vehicle up to now, publishing each step's changes as it happens. */
    public synchronized void catchUp() {
        Instant now = clock.now();
        for (SimulatedVehicle v : vehicles.values()) {
            v.advanceTo(now, () -> publish(v));
        }
        publish();
    }

    /**
     * Runs {@code action} on a vehicle brought up to now, then publishes its changes.
     *
     * @return the action's result, or empty when no vehicle has this VIN
     */
    public synchronized <T> Optional<T> withVehicle(String vin, Function<SimulatedVehicle, T> action) {
        SimulatedVehicle v = vehicles.get(normalise(vin));
        if (v == null) {
            return Optional.empty();
        }
        catchUp();
        try {
            return Optional.ofNullable(action.apply(v));
        } finally {
            publish();
        }
    }

    /**
     * Runs {@code action} on one account's vehicles (brought up to now), e.g. to render the vehicle list. The list
     * must not escape the action.
     */
    public synchronized <T> T withVehiclesOf(String username, Function<List<SimulatedVehicle>, T> action) {
        catchUp();
        List<SimulatedVehicle> owned = new ArrayList<>();
        for (SimulatedVehicle v : vehicles.values()) {
            if (v.owner().equalsIgnoreCase(username)) {
                owned.add(v);
            }
        }
        try {
            return action.apply(owned);
        } finally {
            publish();
        }
    }

    /** Runs {@code action} on every vehicle (brought up to now). The list must not escape the action. */
    public synchronized <T> T withAllVehicles(Function<List<SimulatedVehicle>, T> action) {
        catchUp();
        try {
            return action.apply(List.copyOf(vehicles.values()));
        } finally {
            publish();
        }
    }

    /** Whether the VIN belongs to that account. */
    public synchronized boolean owns(String username, String vin) {
        SimulatedVehicle v = vehicles.get(normalise(vin));
        return v != null && v.owner().equalsIgnoreCase(username);
    }

    /** Whether any account has this VIN. */
    public synchronized boolean exists(String vin) {
        return vehicles.containsKey(normalise(vin));
    }

    public synchronized Optional<AccountState> account(String username) {
        return username == null ? Optional.empty() : Optional.ofNullable(accounts.get(key(username)));
    }

    public synchronized List<AccountState> accounts() {
        return List.copyOf(accounts.values());
    }

    public SimulatedClock clock() {
        return clock;
    }

    private void publish() {
        for (SimulatedVehicle v : vehicles.values()) {
            publish(v);
        }
    }

    private void publish(SimulatedVehicle v) {
        ChangeSet changes = v.drainChanges();
        if (changes.isEmpty()) {
            return;
        }
        for (VehicleUpdateListener listener : listeners) {
            if (listener.wants(v.vin())) {
                listener.onVehicleUpdate(v.vin(), TelemetryRenderer.partial(v, changes));
            }
        }
    }

    private static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    private static String normalise(String vin) {
        return vin == null ? "" : vin.toUpperCase(Locale.ROOT);
    }
}
