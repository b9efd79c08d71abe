package io.connectedcar.simulator.internal.vehicle;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.connectedcar.simulator.command.CommandTimings;
import io.connectedcar.simulator.internal.command.CommandRecord;
import io.connectedcar.simulator.internal.command.CommandState;
import io.connectedcar.simulator.internal.command.CommandType;
import io.connectedcar.simulator.vehicle.Door;
import io.connectedcar.simulator.vehicle.EngineType;
import io.connectedcar.simulator.vehicle.VehicleSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static io.connectedcar.simulator.internal.vehicle.MetricNames.*;
import static io.connectedcar.simulator.internal.vehicle.Numbers.clamp;

/**
 * One simulated car: its state, the processes that change it over time (charging, driving, a remote-start countdown,
 * command progress) and what it reports. A small discrete-event simulation: everything that will happen is on an
 * agenda ordered by simulated time, and {@link #advanceTo(Instant, Runnable)} plays the agenda up to a given instant, so the
 * outcome depends only on simulated time, never on how often it is called.
 *
 * <p>State fields are package-private so that {@link TelemetryRenderer} can read them; everything else changes
 * them through methods. Not thread-safe: the {@link io.connectedcar.simulator.internal.world.SimulationWorld} serialises all
 * access.
 */
public final class SimulatedVehicle {

    /** How often a charging car reports its battery. */
    static final Duration CHARGING_REPORT_INTERVAL = Duration.ofSeconds(60);
    /** How often a moving car reports position and odometer. */
    static final Duration DRIVING_REPORT_INTERVAL = Duration.ofSeconds(10);
    /** A remote start runs 15 minutes ({@code remoteStartCountdownTimer} starts at 900). */
    static final Duration REMOTE_START_RUN = Duration.ofSeconds(900);
    /** Extending a remote start never runs the engine longer than 30 minutes from now. */
    static final Duration REMOTE_START_MAX = Duration.ofSeconds(1800);
    /** 12 V state of charge a status refresh costs: waking the modem drains the battery (ford-api §7). */
    static final double STATUS_REFRESH_12V_COST = 0.3;
    /** Above this state of charge the charger tapers to 60 % power. */
    static final double TAPER_FROM_PERCENT = 80;

    private final VehicleSpec spec;
    private final String owner;
    private final String vehicleId;
    private final String deviceId;
    private final CommandTimings timings;

    double odometerKm;
    double fuelLevelPercent;
    double latitude;
    double longitude;
    double altitude;
    double heading;
    double speedKmh;
    boolean ignitionOn;
    Instant remoteStartEndsAt;
    double energyKwh;
    boolean pluggedIn;
    boolean charging;
    double chargePowerKw;
    double targetStateOfChargePercent;
    String chargeDisplayStatus;
    ObjectNode remoteStartEvent;

    final Map<String, CommandRecord> commandsByStateKey = new LinkedHashMap<>();
    private final Map<String, CommandRecord> commandsById = new HashMap<>();

    private final Timeline timeline;
    private final ChangeTracker changes;
    private final Body body;
    private final MpsFeatures mps;
    private final Settings settings = new Settings();
    private Instant lastChargeIntegration;
    private Instant lastDriveIntegration;
    private boolean chargingLoopScheduled;
    private boolean drivingLoopScheduled;
    private long remoteStartGeneration;

    /** The outcome of executing a command on the car. */
    private record Outcome(boolean success, String oemErrorCode, String oemErrorContext, List<String> metrics) {
        static Outcome succeeded(String... metrics) {
            return new Outcome(true, null, null, List.of(metrics));
        }

        static Outcome failed(String code, String context) {
            return new Outcome(false, code, context, List.of());
        }
    }

    /**
     * A vehicle in the state its spec describes, its metrics last reported 15 minutes before {@code start}.
     */
    public SimulatedVehicle(VehicleSpec spec, String owner, CommandTimings timings, Instant start) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.timings = Objects.requireNonNull(timings, "timings");
        this.vehicleId = stableUuid("vehicle:" + spec.vin());
        this.deviceId = stableUuid("device:" + spec.vin());
        this.timeline = new Timeline(start.minus(Duration.ofMinutes(15)));
        this.changes = new ChangeTracker(timeline);
        this.body = new Body(spec, timeline, changes);
        this.mps = new MpsFeatures(timeline);
        this.odometerKm = spec.odometerKm();
        this.fuelLevelPercent = spec.engineType().hasFuelTank() ? spec.fuelLevelPercent() : 0;
        this.latitude = spec.latitude();
        this.longitude = spec.longitude();
        this.altitude = spec.altitude();
        this.heading = spec.heading();
        this.energyKwh = spec.batteryCapacityKwh() * spec.stateOfChargePercent() / 100;
        this.pluggedIn = spec.engineType().isPlugIn() && spec.pluggedIn();
        this.charging = pluggedIn && spec.charging();
        this.chargePowerKw = spec.chargePowerKw();
        this.targetStateOfChargePercent = spec.targetStateOfChargePercent();
        this.chargeDisplayStatus = !pluggedIn ? "NOT_PLUGGED_IN" : charging ? "IN_PROGRESS" : "NOT_READY";
        touchAll();
        changes.drain();
        timeline.playUntil(start, () -> { });
        if (charging) {
            startChargingLoop();
        }
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

    /** The simulated instant the vehicle has been played up to. */
    public Instant now() {
        return timeline.now();
    }

    // ---------------------------------------------------------------- time

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

    ChangeTracker changes() {
        return changes;
    }

    /** Doors, locks, windows, tyres, warning lamps, 12 V battery, deep sleep. */
    public Body body() {
        return body;
    }

    /** Guard mode and zone lighting. */
    public MpsFeatures mps() {
        return mps;
    }

    /** Charge settings, departure times, software updates. */
    public Settings settings() {
        return settings;
    }

    private void touch(String... metrics) {
        changes.touch(metrics);
    }

    /** What a status refresh does: every metric is reported afresh. */
    private void touchAll() {
        touch(ODOMETER, SPEED, POSITION, HEADING, COMPASS_DIRECTION, IGNITION_STATUS, GEAR_LEVER_POSITION,
            REMOTE_START_COUNTDOWN_TIMER, ALARM_STATUS, PANIC_ALARM_STATUS, DOOR_STATUS, DOOR_LOCK_STATUS, HOOD_STATUS,
            WINDOW_STATUS, TIRE_PRESSURE, TIRE_PRESSURE_STATUS, TIRE_PRESSURE_SYSTEM_STATUS, OUTSIDE_TEMPERATURE,
            BATTERY_STATE_OF_CHARGE, BATTERY_VOLTAGE, INDICATORS, CUSTOM_METRICS, CONFIGURATIONS,
            DISPLAY_SYSTEM_OF_MEASURE);
        if (spec.engineType().hasFuelTank()) {
            touch(FUEL_LEVEL, FUEL_RANGE, OIL_LIFE_REMAINING, ENGINE_COOLANT_TEMP);
        }
        if (spec.engineType().isPlugIn()) {
            touchBattery();
            touchCharger();
            touch(XEV_BATTERY_CAPACITY, XEV_BATTERY_TEMPERATURE, XEV_DEPARTURE_SCHEDULES);
        }
        changes.stateChanged(STATE_COMMAND_PRECLUSION);
        changes.stateChanged(STATE_DEVICE_CONNECTIVITY);
    }

    private void touchBattery() {
        touch(XEV_BATTERY_STATE_OF_CHARGE, XEV_BATTERY_ACTUAL_STATE_OF_CHARGE, XEV_BATTERY_RANGE,
            XEV_BATTERY_ENERGY_REMAINING, XEV_BATTERY_TIME_TO_FULL_CHARGE);
    }

    private void touchCharger() {
        touch(XEV_PLUG_CHARGER_STATUS, XEV_BATTERY_CHARGE_DISPLAY_STATUS, XEV_BATTERY_CHARGER_VOLTAGE_OUTPUT,
            XEV_BATTERY_CHARGER_CURRENT_OUTPUT, XEV_BATTERY_TIME_TO_FULL_CHARGE);
    }

    // ---------------------------------------------------------------- derived values

    /** The battery's actual state of charge in percent. */
    double actualStateOfCharge() {
        return spec.batteryCapacityKwh() <= 0 ? 0 : Math.min(100, energyKwh / spec.batteryCapacityKwh() * 100);
    }

    /** What the dashboard shows: the actual value rounded to a whole percent. */
    double displayedStateOfCharge() {
        return Math.round(actualStateOfCharge());
    }

    double batteryRangeKm() {
        return energyKwh / spec.kwhPer100Km() * 100;
    }

    double fuelRangeKm() {
        return spec.tankLiters() * fuelLevelPercent / 100 / spec.litersPer100Km() * 100;
    }

    /** Minutes until the target is reached at the current power, 0 when not charging. */
    double minutesToFull() {
        if (!charging || chargePowerKw <= 0) {
            return 0;
        }
        double missingKwh = Math.max(0, spec.batteryCapacityKwh() * targetStateOfChargePercent / 100 - energyKwh);
        return Math.ceil(missingKwh / effectiveChargePower() * 60);
    }

    private double effectiveChargePower() {
        return actualStateOfCharge() >= TAPER_FROM_PERCENT ? chargePowerKw * 0.6 : chargePowerKw;
    }

    /** Seconds left of a remote start, 0 when the engine is not remotely running. */
    long remoteStartSecondsLeft() {
        if (remoteStartEndsAt == null || !remoteStartEndsAt.isAfter(timeline.now())) {
            return 0;
        }
        return Duration.between(timeline.now(), remoteStartEndsAt).toSeconds();
    }

    boolean driving() {
        return speedKmh > 0;
    }

    // ---------------------------------------------------------------- continuous processes

    private void startChargingLoop() {
        lastChargeIntegration = timeline.now();
        if (!chargingLoopScheduled) {
            chargingLoopScheduled = true;
            timeline.after(CHARGING_REPORT_INTERVAL, this::chargingReport);
        }
    }

    private void chargingReport() {
        integrateCharging();
        if (charging) {
            timeline.after(CHARGING_REPORT_INTERVAL, this::chargingReport);
        } else {
            chargingLoopScheduled = false;
        }
    }

    /** Adds the energy charged since the last integration; stops at the target. */
    private void integrateCharging() {
        if (!charging || lastChargeIntegration == null) {
            lastChargeIntegration = timeline.now();
            return;
        }
        double hours = Duration.between(lastChargeIntegration, timeline.now()).toMillis() / 3_600_000.0;
        lastChargeIntegration = timeline.now();
        if (hours <= 0) {
            return;
        }
        double targetKwh = spec.batteryCapacityKwh() * targetStateOfChargePercent / 100;
        energyKwh = Math.min(Math.max(targetKwh, energyKwh), energyKwh + effectiveChargePower() * hours);
        if (energyKwh >= targetKwh) {
            charging = false;
            chargeDisplayStatus = "COMPLETED";
            touchCharger();
        }
        touchBattery();
    }

    private void startDrivingLoop() {
        lastDriveIntegration = timeline.now();
        if (!drivingLoopScheduled) {
            drivingLoopScheduled = true;
            timeline.after(DRIVING_REPORT_INTERVAL, this::drivingReport);
        }
    }

    private void drivingReport() {
        integrateDriving();
        if (driving()) {
            timeline.after(DRIVING_REPORT_INTERVAL, this::drivingReport);
        } else {
            drivingLoopScheduled = false;
        }
    }

    /** Moves the car along its heading, adds to the odometer, burns fuel or energy; stops when empty. */
    private void integrateDriving() {
        if (!driving() || lastDriveIntegration == null) {
            lastDriveIntegration = timeline.now();
            return;
        }
        double hours = Duration.between(lastDriveIntegration, timeline.now()).toMillis() / 3_600_000.0;
        lastDriveIntegration = timeline.now();
        if (hours <= 0) {
            return;
        }
        double km = speedKmh * hours;
        odometerKm += km;
        double radians = Math.toRadians(heading);
        latitude += km * Math.cos(radians) / 111.32;
        longitude += km * Math.sin(radians) / (111.32 * Math.cos(Math.toRadians(latitude)));
        touch(ODOMETER, POSITION, SPEED, HEADING, COMPASS_DIRECTION);
        if (spec.engineType().hasFuelTank() && spec.engineType() != EngineType.PHEV) {
            fuelLevelPercent = Math.max(0, fuelLevelPercent - km * spec.litersPer100Km() / 100 / spec.tankLiters()
                * 100);
            touch(FUEL_LEVEL, FUEL_RANGE);
            body.setIndicator("lowFuel", fuelLevelPercent < 12);
            if (fuelLevelPercent <= 0) {
                stopDriving();
            }
        } else {
            energyKwh = Math.max(0, energyKwh - km * spec.kwhPer100Km() / 100);
            touchBattery();
            if (energyKwh <= 0) {
                stopDriving();
            }
        }
    }

    /** Brings continuous processes up to {@link #now()} before a discrete change. */
    private void settle() {
        integrateCharging();
        integrateDriving();
    }

    // ---------------------------------------------------------------- commands

    /**
     * Accepts a command; its progress then shows in telemetry over simulated time. A sleeping car never receives
     * it and the command expires.
     */
    public void submit(CommandRecord command) {
        commandsById.put(command.id(), command);
        boolean refresh = command.type() == CommandType.STATUS_REFRESH;
        Duration received = refresh ? timings.statusRefreshReceived() : timings.receivedByDevice();
        Duration completed = refresh ? timings.statusRefreshCompleted() : timings.completed();
        Instant created = command.createdAt();
        timeline.at(created.plus(timings.queued()), () -> transition(command, CommandState.REQUEST_QUEUED,
            "Command queued for delivery to the vehicle"));
        timeline.at(created.plus(received), () -> {
            if (body.deepSleep()) {
                timeline.at(command.expiresAt(), () -> transition(command, CommandState.EXPIRED,
                    "Command expired: vehicle did not wake up (deep sleep)"));
                return;
            }
            transition(command, CommandState.RECEIVED_BY_DEVICE, "Command received by the vehicle");
            timeline.at(created.plus(completed), () -> complete(command));
        });
    }

    /** A command sent to this vehicle, by id. */
    public Optional<CommandRecord> command(String id) {
        return Optional.ofNullable(commandsById.get(id));
    }

    private void transition(CommandRecord command, CommandState state, String message) {
        command.moveTo(state, timeline.now(), message);
        commandsByStateKey.put(command.type().stateKey(), command);
        changes.stateChanged(command.type().stateKey());
    }

    private void complete(CommandRecord command) {
        settle();
        Outcome outcome = execute(command);
        if (outcome.success()) {
            command.reportedMetrics(outcome.metrics());
            transition(command, CommandState.SUCCESS, responseName(command) + " with status SUCCESS");
        } else {
            command.failure(outcome.oemErrorCode(), outcome.oemErrorContext());
            transition(command, CommandState.COMMAND_FAILED_ON_DEVICE,
                responseName(command) + " with status FAILED: " + outcome.oemErrorContext());
        }
    }

    private static String responseName(CommandRecord command) {
        String name = command.type().wireName();
        return Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Response";
    }

    private Outcome execute(CommandRecord command) {
        JsonNode properties = command.properties();
        return switch (command.type()) {
            case REMOTE_START -> executeRemoteStart(command);
            case CANCEL_REMOTE_START -> {
                endRemoteStart();
                yield Outcome.succeeded(REMOTE_START_COUNTDOWN_TIMER, IGNITION_STATUS);
            }
            case LOCK -> {
                Set<Door> open = body.openDoors();
                if (!open.isEmpty()) {
                    yield Outcome.failed("DOOR_OPEN", "Cannot lock: door open (" + open.stream().map(Enum::name)
                        .collect(Collectors.joining(", ")) + ")");
                }
                body.setLocked(true);
                yield Outcome.succeeded(DOOR_LOCK_STATUS, DOOR_STATUS, ALARM_STATUS);
            }
            case UNLOCK -> {
                body.setLocked(false);
                yield Outcome.succeeded(DOOR_LOCK_STATUS, DOOR_STATUS, ALARM_STATUS);
            }
            case STATUS_REFRESH -> {
                body.drain12v(STATUS_REFRESH_12V_COST);
                touchAll();
                yield Outcome.succeeded(ODOMETER, DOOR_LOCK_STATUS, DOOR_STATUS, IGNITION_STATUS, BATTERY_STATE_OF_CHARGE);
            }
            case START_PANIC_CUE -> {
                body.soundPanic(properties == null ? 1 : properties.path("duration").asInt(1));
                yield Outcome.succeeded(PANIC_ALARM_STATUS);
            }
            case START_TRAILER_LIGHT_CHECK, STOP_TRAILER_LIGHT_CHECK -> Outcome.succeeded();
            case START_GLOBAL_CHARGE -> {
                if (!pluggedIn) {
                    yield Outcome.failed("NOT_PLUGGED_IN", "Cannot start charging: no charger connected");
                }
                startCharging();
                yield Outcome.succeeded(XEV_PLUG_CHARGER_STATUS, XEV_BATTERY_CHARGE_DISPLAY_STATUS);
            }
            case PAUSE_GLOBAL_CHARGE -> {
                stopCharging("PAUSED");
                yield Outcome.succeeded(XEV_PLUG_CHARGER_STATUS, XEV_BATTERY_CHARGE_DISPLAY_STATUS);
            }
            case CANCEL_GLOBAL_CHARGE -> {
                stopCharging("STOPPED");
                yield Outcome.succeeded(XEV_PLUG_CHARGER_STATUS, XEV_BATTERY_CHARGE_DISPLAY_STATUS);
            }
            case UPDATE_CHARGE_SETTINGS -> {
                JsonNode settings = properties == null ? null : properties.path("chargeSettings");
                if (settings != null && settings.isObject()) {
                    this.settings.updateChargeSettings(settings);
                    if (settings.path("globalTargetSoc").isNumber()) {
                        targetStateOfChargePercent = settings.path("globalTargetSoc").asDouble();
                        touch(XEV_BATTERY_TIME_TO_FULL_CHARGE);
                    }
                }
                touch(CONFIGURATIONS);
                yield Outcome.succeeded(CONFIGURATIONS);
            }
            case ENABLE_DEPARTURE_TIMES, DISABLE_DEPARTURE_TIMES -> {
                settings.setDepartureTimesEnabled(command.type() == CommandType.ENABLE_DEPARTURE_TIMES);
                touch(XEV_DEPARTURE_SCHEDULES);
                yield Outcome.succeeded(XEV_DEPARTURE_SCHEDULES);
            }
            case UPDATE_DEPARTURE_TIMES -> {
                settings.setDepartureSchedule(properties == null ? null : properties.deepCopy());
                touch(XEV_DEPARTURE_SCHEDULES);
                yield Outcome.succeeded(XEV_DEPARTURE_SCHEDULES);
            }
            case PUBLISH_ASU_SETTINGS -> {
                settings.setAsuState(properties.path("ASUState").asString());
                touch(CONFIGURATIONS);
                yield Outcome.succeeded(CONFIGURATIONS);
            }
        };
    }

    private Outcome executeRemoteStart(CommandRecord command) {
        if (body.hoodOpen()) {
            return Outcome.failed("HOOD_OPEN", "Cannot remote start: hood open");
        }
        if (driving()) {
            return Outcome.failed("IGNITION_ON", "Cannot remote start: vehicle is being driven");
        }
        if (spec.engineType() == EngineType.ICE && fuelLevelPercent < 5) {
            return Outcome.failed("LOW_FUEL", "Cannot remote start: fuel level too low");
        }
        Instant end = remoteStartSecondsLeft() > 0
            ? min(remoteStartEndsAt.plus(REMOTE_START_RUN), timeline.now().plus(REMOTE_START_MAX))
            : timeline.now().plus(REMOTE_START_RUN);
        remoteStartEndsAt = end;
        long generation = ++remoteStartGeneration;
        touch(REMOTE_START_COUNTDOWN_TIMER, IGNITION_STATUS);
        remoteStartEvent = RemoteStartEvents.began(timeline.now(), command.id(), remoteStartSecondsLeft());
        changes.eventOccurred(EVENT_REMOTE_START);
        timeline.at(end, () -> {
            if (generation == remoteStartGeneration) {
                endRemoteStart();
            }
        });
        return Outcome.succeeded(REMOTE_START_COUNTDOWN_TIMER, IGNITION_STATUS, ALARM_STATUS);
    }

    private void endRemoteStart() {
        if (remoteStartEndsAt != null) {
            remoteStartEndsAt = null;
            remoteStartGeneration++;
            touch(REMOTE_START_COUNTDOWN_TIMER);
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private void startCharging() {
        settle();
        if (actualStateOfCharge() >= targetStateOfChargePercent) {
            chargeDisplayStatus = "COMPLETED";
            touchCharger();
            return;
        }
        charging = true;
        chargeDisplayStatus = "IN_PROGRESS";
        touchCharger();
        startChargingLoop();
    }

    private void stopCharging(String displayStatus) {
        settle();
        charging = false;
        chargeDisplayStatus = pluggedIn ? displayStatus : "NOT_PLUGGED_IN";
        touchCharger();
        touchBattery();
    }

    // ---------------------------------------------------------------- direct changes (admin API, the "physical" car)

    /**
     * Sets the traction battery's state of charge.
     *
     * @throws IllegalStateException for a car without traction battery
     */
    public void setStateOfCharge(double percent) {
        requirePlugIn("a state of charge");
        settle();
        energyKwh = spec.batteryCapacityKwh() * clamp(percent, 0, 100) / 100;
        touchBattery();
    }

    /**
     * Plugs the charger in (charging starts when below target) or pulls it.
     *
     * @throws IllegalStateException for a car without plug, or when plugging in while driving
     */
    public void setPluggedIn(boolean value) {
        requirePlugIn("a charge port");
        if (value && driving()) {
            throw new IllegalStateException("Stop driving before plugging in " + spec.vin());
        }
        settle();
        pluggedIn = value;
        if (value) {
            startCharging();
        } else {
            charging = false;
            chargeDisplayStatus = "NOT_PLUGGED_IN";
        }
        touchCharger();
    }

    /**
     * Starts or stops charging without a command (e.g. a charge station's own button).
     *
     * @throws IllegalStateException for a car without plug or when starting while unplugged
     */
    public void setCharging(boolean value) {
        requirePlugIn("a charger");
        if (value && !pluggedIn) {
            throw new IllegalStateException(spec.vin() + " is not plugged in");
        }
        if (value) {
            startCharging();
        } else {
            stopCharging("STOPPED");
        }
    }

    /**
     * Sets the charging power in kW.
     *
     * @throws IllegalStateException for a car without plug
     */
    public void setChargePowerKw(double kw) {
        requirePlugIn("a charger");
        settle();
        chargePowerKw = clamp(kw, 0.5, 350);
        touchCharger();
    }

    /**
     * Sets the fuel level in percent.
     *
     * @throws IllegalStateException for a car without fuel tank
     */
    public void setFuelLevel(double percent) {
        if (!spec.engineType().hasFuelTank()) {
            throw new IllegalStateException(spec.vin() + " has no fuel tank");
        }
        settle();
        fuelLevelPercent = clamp(percent, 0, 100);
        touch(FUEL_LEVEL, FUEL_RANGE);
        body.setIndicator("lowFuel", fuelLevelPercent < 12);
    }

    public void setPosition(double lat, double lon) {
        latitude = clamp(lat, -90, 90);
        longitude = clamp(lon, -180, 180);
        touch(POSITION);
    }

    /**
     * Drives at a constant speed along a heading (ignition on, position, odometer and fuel or energy reported every
     * 10 s of simulated time) until {@link #stopDriving()} or the tank is empty.
     *
     * @throws IllegalStateException when plugged in, or the tank or battery is empty
     * @throws IllegalArgumentException for a speed outside (0, 250] km/h
     */
    public void startDriving(double kmh, double headingDegrees) {
        if (!(kmh > 0 && kmh <= 250)) {
            throw new IllegalArgumentException("speed must be within (0, 250] km/h, got " + kmh);
        }
        if (pluggedIn) {
            throw new IllegalStateException("Unplug " + spec.vin() + " before driving");
        }
        boolean empty = spec.engineType() == EngineType.BEV ? energyKwh <= 0 : fuelLevelPercent <= 0;
        if (empty) {
            throw new IllegalStateException(spec.vin() + " has nothing left to drive on");
        }
        settle();
        endRemoteStart();
        speedKmh = kmh;
        heading = ((headingDegrees % 360) + 360) % 360;
        ignitionOn = true;
        touch(SPEED, HEADING, COMPASS_DIRECTION, IGNITION_STATUS, GEAR_LEVER_POSITION);
        startDrivingLoop();
    }

    /** Parks: speed 0, ignition off. */
    public void stopDriving() {
        if (driving()) {
            integrateDriving();
        }
        speedKmh = 0;
        ignitionOn = false;
        touch(SPEED, IGNITION_STATUS, GEAR_LEVER_POSITION);
    }

    private void requirePlugIn(String what) {
        if (!spec.engineType().isPlugIn()) {
            throw new IllegalStateException(spec.vin() + " (" + spec.engineType() + ") has no " + what);
        }
    }

    public double targetStateOfChargePercent() {
        return targetStateOfChargePercent;
    }

    /** A few facts for the admin view. */
    public Map<String, Object> summary() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("vin", spec.vin());
        s.put("owner", owner);
        s.put("model", spec.model());
        s.put("engineType", spec.engineType().name());
        s.put("now", timeline.now().toString());
        s.put("odometerKm", round1(odometerKm));
        if (spec.engineType().hasFuelTank()) {
            s.put("fuelLevelPercent", round1(fuelLevelPercent));
        }
        if (spec.engineType().isPlugIn()) {
            s.put("stateOfChargePercent", round1(actualStateOfCharge()));
            s.put("pluggedIn", pluggedIn);
            s.put("charging", charging);
        }
        s.put("locked", body.locked());
        s.put("openDoors", body.openDoors().stream().map(Enum::name).toList());
        s.put("deepSleep", body.deepSleep());
        s.put("remoteStartSecondsLeft", remoteStartSecondsLeft());
        s.put("speedKmh", speedKmh);
        s.put("guardMode", mps.guardMode().name());
        List<String> pending = new ArrayList<>();
        commandsById.values().stream().filter(c -> c.state() == null || !c.state().isTerminal())
            .forEach(c -> pending.add(c.type().wireName() + ":" + c.id()));
        s.put("pendingCommands", pending);
        return s;
    }

    private static String stableUuid(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
