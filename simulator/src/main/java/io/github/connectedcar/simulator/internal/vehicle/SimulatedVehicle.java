package io.github.connectedcar.simulator.internal.vehicle;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.github.connectedcar.simulator.command.CommandTimings;
import io.github.connectedcar.simulator.vehicle.VehicleSpec;

import static io.github.connectedcar.simulator.internal.vehicle.MetricNames.*;

/**
 * One simulated car, made of parts: its {@link Body}, {@link Charging}, {@link Driving}, a {@link RemoteStart}, the
 * {@link MpsFeatures}, the {@link Settings} set by command, and the {@link CommandExecution} that runs commands on
 * them. A small discrete-event simulation: everything that will happen is on the car's {@link Timeline}, ordered by
 * simulated time, and {@link #advanceTo(Instant, Runnable)} plays it up to a given instant, so the outcome depends
 * only on simulated time, never on how often it is called. What changed waits in the {@link ChangeTracker} until
 * {@link #drainChanges() drained}; {@link TelemetryRenderer} renders the state.
 *
 * <p>Neither the car nor its parts are thread-safe: the
 * {@link io.github.connectedcar.simulator.internal.world.SimulationWorld} serialises all access.
 */
public final class SimulatedVehicle {

    /** At the start, every metric was last reported this long before. */
    private static final Duration REPORTED_BEFORE_START = Duration.ofMinutes(15);

    private final VehicleSpec spec;
    private final String owner;
    private final String vehicleId;
    private final String deviceId;
    private final Timeline timeline;
    private final ChangeTracker changes;
    private final Body body;
    private final RemoteStart remoteStart;
    private final Charging charging;
    private final Driving driving;
    private final MpsFeatures mps;
    private final Settings settings = new Settings();
    private final CommandExecution commands;

    /**
     * A vehicle in the state its spec describes, its metrics last reported 15 minutes before {@code start}.
     */
    public SimulatedVehicle(VehicleSpec spec, String owner, CommandTimings timings, Instant start) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.owner = Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(timings, "timings");
        this.vehicleId = stableUuid("vehicle:" + spec.vin());
        this.deviceId = stableUuid("device:" + spec.vin());
        this.timeline = new Timeline(start.minus(REPORTED_BEFORE_START));
        this.changes = new ChangeTracker(timeline);
        this.body = new Body(spec, timeline, changes);
        this.remoteStart = new RemoteStart(timeline, changes);
        this.mps = new MpsFeatures(timeline);
        // The parts below ask the car for their siblings, but only once it is running, never while it is built.
        this.charging = new Charging(this);
        this.driving = new Driving(this);
        this.commands = new CommandExecution(this, timings);
        reportEverything();
        changes.drain();
        timeline.playUntil(start, () -> { });
        charging.resume();
    }

    // ---------------------------------------------------------------- identity

    public VehicleSpec spec() {
        return spec;
    }

    public String vin() {
        return spec.vin();
    }

    /** The username of the account the vehicle belongs to. */
    public String owner() {
        return owner;
    }

    /** Autonomic's vehicle id (stable per VIN). */
    public String vehicleId() {
        return vehicleId;
    }

    /** Autonomic's device (modem) id (stable per VIN). */
    public String deviceId() {
        return deviceId;
    }

    // ---------------------------------------------------------------- time and changes

    /** The simulated instant the vehicle has been played up to. */
    public Instant now() {
        return timeline.now();
    }

    /**
     * Plays every scheduled action due up to {@code target}, in time order, running {@code afterEachAction} after
     * each one, so that a jump of simulated time still reports every intermediate step (a command's
     * {@code REQUEST_QUEUED}, then {@code RECEIVED_BY_DEVICE}, then {@code SUCCESS}) instead of only the last.
     */
    public void advanceTo(Instant target, Runnable afterEachAction) {
        timeline.playUntil(target, afterEachAction);
    }

    /** Names of everything changed since the last call; clears the record. */
    public ChangeSet drainChanges() {
        return changes.drain();
    }

    /** Brings the continuous processes, charging and driving, up to now before a discrete change. */
    void settle() {
        charging.integrate();
        driving.integrate();
    }

    /** What a status refresh does: every metric is reported afresh. */
    void reportEverything() {
        changes.touch(ODOMETER, SPEED, POSITION, HEADING, COMPASS_DIRECTION, IGNITION_STATUS, GEAR_LEVER_POSITION,
            REMOTE_START_COUNTDOWN_TIMER, ALARM_STATUS, PANIC_ALARM_STATUS, DOOR_STATUS, DOOR_LOCK_STATUS, HOOD_STATUS,
            WINDOW_STATUS, TIRE_PRESSURE, TIRE_PRESSURE_STATUS, TIRE_PRESSURE_SYSTEM_STATUS, OUTSIDE_TEMPERATURE,
            BATTERY_STATE_OF_CHARGE, BATTERY_VOLTAGE, INDICATORS, CUSTOM_METRICS, CONFIGURATIONS,
            DISPLAY_SYSTEM_OF_MEASURE);
        if (spec.engineType().hasFuelTank()) {
            changes.touch(FUEL_LEVEL, FUEL_RANGE, OIL_LIFE_REMAINING, ENGINE_COOLANT_TEMP);
        }
        if (spec.engineType().isPlugIn()) {
            charging.reportBattery();
            charging.reportCharger();
            changes.touch(XEV_BATTERY_CAPACITY, XEV_BATTERY_TEMPERATURE, XEV_DEPARTURE_SCHEDULES);
        }
        changes.stateChanged(STATE_COMMAND_PRECLUSION);
        changes.stateChanged(STATE_DEVICE_CONNECTIVITY);
    }

    // ---------------------------------------------------------------- parts

    /** Doors, locks and alarms, windows, tyres, warning lamps, 12 V battery, deep sleep. */
    public Body body() {
        return body;
    }

    /** Traction battery and charger. */
    public Charging charging() {
        return charging;
    }

    /** Motion, position, odometer, fuel. */
    public Driving driving() {
        return driving;
    }

    /** Guard mode and zone lighting. */
    public MpsFeatures mps() {
        return mps;
    }

    /** Charge settings, departure times, software updates. */
    public Settings settings() {
        return settings;
    }

    /** The commands sent to the car. */
    public CommandExecution commands() {
        return commands;
    }

    RemoteStart remoteStart() {
        return remoteStart;
    }

    Timeline timeline() {
        return timeline;
    }

    ChangeTracker changes() {
        return changes;
    }

    // ---------------------------------------------------------------- admin view

    /** A few facts for the admin view. */
    public Map<String, Object> summary() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("vin", spec.vin());
        s.put("owner", owner);
        s.put("model", spec.model());
        s.put("engineType", spec.engineType().name());
        s.put("now", timeline.now().toString());
        s.put("odometerKm", round1(driving.odometerKm()));
        if (spec.engineType().hasFuelTank()) {
            s.put("fuelLevelPercent", round1(driving.fuelLevelPercent()));
        }
        if (spec.engineType().isPlugIn()) {
            s.put("stateOfChargePercent", round1(charging.actualStateOfCharge()));
            s.put("pluggedIn", charging.isPluggedIn());
            s.put("charging", charging.isCharging());
        }
        s.put("locked", body.locked());
        s.put("openDoors", body.openDoors().stream().map(Enum::name).toList());
        s.put("deepSleep", body.deepSleep());
        s.put("remoteStartSecondsLeft", remoteStart.secondsLeft());
        s.put("speedKmh", driving.speedKmh());
        s.put("guardMode", mps.guardMode().name());
        s.put("pendingCommands", commands.pending());
        return s;
    }

    private static String stableUuid(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
