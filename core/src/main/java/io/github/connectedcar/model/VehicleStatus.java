package io.github.connectedcar.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

/**
 * One telemetry snapshot of a vehicle: typed getters for the values most callers want, and raw access to every
 * metric, event and state Ford sent, including ones this SDK does not know.
 *
 * <h2>What the getters return</h2>
 * Each typed getter returns a {@link Measurement}: the value, its {@link Unit} (Ford reports metric units only) and the
 * time the car measured it. A getter is <b>empty</b> when the metric is missing from the snapshot or its value has the
 * wrong type (a string where a number belongs, a string where a position belongs); it never throws. List getters
 * ({@link #doors()}, {@link #tirePressures()}…) are empty lists in the same cases and skip single unreadable entries.
 * Numbers Ford sends as strings (such as {@code "63.2"}) are read as numbers. A scalar metric Ford sends as a
 * one-entry list (such as {@code tirePressureSystemStatus}) is read from its first entry.
 *
 * <h2>The original Python SDK's accessors</h2>
 * <table>
 *   <caption>Python {@code Vehicle.status()} accessor → this class</caption>
 *   <tr><th>Python</th><th>here</th><th>metric</th></tr>
 *   <tr><td>{@code vin}</td><td>{@link #vin()}</td><td>{@code vin}</td></tr>
 *   <tr><td>{@code odometer}</td><td>{@link #odometer()}</td><td>{@code odometer}</td></tr>
 *   <tr><td>{@code fuel}</td><td>{@link #fuelLevel()}, {@link #fuelRange()}; electric: {@link #evStateOfCharge()},
 *       {@link #evRange()}</td><td>{@code fuelLevel}, {@code fuelRange}, {@code xevBattery…}</td></tr>
 *   <tr><td>{@code oil}</td><td>{@link #oilLife()}</td><td>{@code oilLifeRemaining}</td></tr>
 *   <tr><td>{@code tire_pressure}</td><td>{@link #tirePressures()}, {@link #tireStatuses()},
 *       {@link #tirePressureSystemStatus()}</td><td>{@code tirePressure[]}, {@code tirePressureStatus},
 *       {@code tirePressureSystemStatus}</td></tr>
 *   <tr><td>{@code battery}</td><td>{@link #lowVoltageBatteryStateOfCharge()}, {@link #lowVoltageBatteryVoltage()}
 *       </td><td>{@code batteryStateOfCharge}, {@code batteryVoltage}</td></tr>
 *   <tr><td>{@code location}</td><td>{@link #position()}, {@link #heading()}</td><td>{@code position},
 *       {@code heading}</td></tr>
 *   <tr><td>{@code window_positions}</td><td>{@link #windows()}</td><td>{@code windowStatus[]}</td></tr>
 *   <tr><td>{@code door_status}</td><td>{@link #doors()}, {@link #hoodStatus()}</td><td>{@code doorStatus[]},
 *       {@code hoodStatus}</td></tr>
 *   <tr><td>{@code lock_status}</td><td>{@link #allDoorsLocked()}, {@link #lockState()}, {@link #doorLocks()}</td>
 *       <td>{@code doorLockStatus[]}</td></tr>
 *   <tr><td>{@code alarm_status}</td><td>{@link #alarmStatus()}, {@link #panicAlarmStatus()}</td>
 *       <td>{@code alarmStatus}, {@code panicAlarmStatus}</td></tr>
 *   <tr><td>{@code ignition_status}</td><td>{@link #ignitionStatus()}</td><td>{@code ignitionStatus}</td></tr>
 * </table>
 *
 * <h2>Fuel level outside 0–100 %</h2>
 * Ford's fuel sensor may read above 100 % (a brim-full tank) or below 0 %. {@link #fuelLevel()} keeps the value as
 * reported, {@link #fuelLevelClamped()} clamps it into 0–100 for gauges, and {@link #fuelLevelOutOfRange()} says
 * whether the reading was outside.
 *
 * <h2>Raw access</h2>
 * {@link #raw()}, {@link #metric(String)}, {@link #customMetric(String)}, {@link #configuration(String)},
 * {@link #event(String)}, {@link #customEvent(String)} and {@link #state(String)} hand out new trees: changing them
 * changes nothing here. Every metric, event and state Ford sent is kept, also the ones no getter reads.
 *
 * <h2>Compact and shared</h2>
 * A status keeps Ford's JSON of each entry as bytes, not a Jackson tree, and the typed getters read the entry they
 * need when called. {@link #compacted()} packs those bytes further for a status kept a long time (a stream keeps its
 * snapshot so), and {@link #withUpdate(JsonNode)} makes the next status of a stream sharing every entry the update
 * does not change, so a stream's snapshot costs a few kilobytes and a push costs what it changed.
 *
 * <p>Immutable and thread-safe. Two snapshots are {@link #equals(Object) equal} when their JSON is.
 */
public final class VehicleStatus {
    private final TelemetryTree telemetry;
    private final Instant snapshotTime;

    private VehicleStatus(TelemetryTree telemetry) {
        this.telemetry = telemetry;
        this.snapshotTime = JsonValues.instant(telemetry.text("updateTime")).orElse(null);
    }

    /**
     * A status over a copy of a telemetry body (docs/ford-api.md §4.2: {@code updateTime}, {@code vehicleId},
     * {@code vin}, {@code metrics}, {@code events}, {@code states}). Any of those may be missing.
     *
     * @throws NullPointerException     if {@code telemetry} is null
     * @throws IllegalArgumentException if {@code telemetry} is not a JSON object
     */
    public static VehicleStatus of(JsonNode telemetry) {
        Objects.requireNonNull(telemetry, "telemetry");
        if (!telemetry.isObject()) {
            throw new IllegalArgumentException("Telemetry must be a JSON object, not " + telemetry.getNodeType());
        }
        return new VehicleStatus(TelemetryTree.of(telemetry, TelemetryTree.Shape.BODY));
    }

    /**
     * A status read straight from a telemetry body's bytes (UTF-8 JSON), without building a tree of the whole body:
     * the fast way from an HTTP answer to a status. Odd values inside the body never fail here, they make their
     * getters empty.
     *
     * @throws NullPointerException     if {@code body} is null
     * @throws IllegalArgumentException if {@code body} is not one JSON object
     */
    public static VehicleStatus parse(byte[] body) {
        Objects.requireNonNull(body, "body");
        return new VehicleStatus(TelemetryTree.parse(body));
    }

    /**
     * The status after a websocket update (the object under a frame's {@code _data} key, docs/ford-api.md §6); this
     * status is not changed, and the new one shares every entry the update does not name.
     *
     * <ul>
     *   <li>{@code metrics}, {@code events} and {@code states}: each name of the update replaces this status's entry
     *       of the same name (keeping its place) or is added; names the update does not mention are kept.</li>
     *   <li>{@code metrics.customMetrics}, {@code metrics.configurations}, {@code events.customEvents} and
     *       {@code states.commands}: merged the same way one level deeper.</li>
     *   <li>any other top-level name ({@code updateTime}, {@code vin}, {@code messages}…) replaces this status's.</li>
     *   <li>a JSON {@code null} removes the entry of that name (a section such as {@code "metrics": null} is
     *       ignored, like any section that is not an object).</li>
     * </ul>
     * An update that is null or not an object changes nothing; one holding only {@code updateTime} (a heartbeat)
     * only moves the time.
     */
    public VehicleStatus withUpdate(JsonNode update) {
        if (update == null || !update.isObject()) {
            return this;
        }
        return new VehicleStatus(telemetry.merge(update, TelemetryTree.Shape.BODY));
    }

    /**
     * This status in less heap: each entry compact, with the property names Ford repeats in every entry
     * ({@code "updateTime":}, {@code "value":}…) stored as one byte each; about three fifths of a whole body's
     * bytes. For a status kept a long time, as a status stream keeps its snapshot and every status merged into it;
     * packing costs a pass over the body's bytes, so a status read once and dropped is better left as it is. Equal to
     * this status, with the same getters; returns this status when it already is compacted.
     */
    public VehicleStatus compacted() {
        TelemetryTree packed = telemetry.packed();
        return packed == telemetry ? this : new VehicleStatus(packed);
    }

    // ---------------------------------------------------------------- identity

    /** The VIN the snapshot is for ({@code vin}). */
    public Optional<String> vin() {
        return JsonValues.text(telemetry.node("vin"));
    }

    /** When Ford last updated the snapshot as a whole ({@code updateTime}); each value has its own time too. */
    public Optional<Instant> updateTime() {
        return Optional.ofNullable(snapshotTime);
    }

    /** Autonomic's id of the vehicle ({@code vehicleId}). */
    public Optional<String> vehicleId() {
        return JsonValues.text(telemetry.node("vehicleId"));
    }

    // ---------------------------------------------------------------- driving

    /** Total distance driven, km ({@code odometer}). */
    public Optional<Measurement<Double>> odometer() {
        return number("odometer", Unit.KILOMETERS);
    }

    /** Speed, km/h ({@code speed}). */
    public Optional<Measurement<Double>> speed() {
        return number("speed", Unit.KILOMETERS_PER_HOUR);
    }

    /** Where the vehicle is ({@code position}); empty unless latitude and longitude are both numbers. */
    public Optional<Measurement<Position>> position() {
        return reading("position", Unit.NONE, value -> {
            JsonNode location = value.path("location");
            Optional<Double> latitude = JsonValues.number(location.get("lat"));
            Optional<Double> longitude = JsonValues.number(location.get("lon"));
            if (latitude.isEmpty() || longitude.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Position(latitude.get(), longitude.get(), JsonValues.optionalNumber(location.get("alt")),
                JsonValues.text(value.get("gpsDimension"))));
        });
    }

    /** Which way the vehicle points, degrees clockwise from north ({@code heading}). */
    public Optional<Measurement<Heading>> heading() {
        return reading("heading", Unit.DEGREES, value -> {
            if (value.isObject()) {
                return JsonValues.number(value.get("heading")).map(degrees -> new Heading(degrees,
                    JsonValues.optionalNumber(value.get("uncertainty")), JsonValues.text(value.get("detectionType"))));
            }
            return JsonValues.number(value).map(degrees -> new Heading(degrees, OptionalDouble.empty(), Optional.empty()));
        });
    }

    /** The compass direction the vehicle points, such as {@code NORTHWEST} ({@code compassDirection}). */
    public Optional<Measurement<String>> compassDirection() {
        return text("compassDirection");
    }

    /** Outside air temperature, °C ({@code outsideTemperature}). */
    public Optional<Measurement<Double>> outsideTemperature() {
        return number("outsideTemperature", Unit.CELSIUS);
    }

    // ---------------------------------------------------------------- fuel and engine

    /**
     * Fuel level as reported, % ({@code fuelLevel}); may be above 100 or below 0, see
     * {@link #fuelLevelClamped()} and {@link #fuelLevelOutOfRange()}.
     */
    public Optional<Measurement<Double>> fuelLevel() {
        return number("fuelLevel", Unit.PERCENT);
    }

    /** Fuel level clamped into 0–100 %, for gauges; the same time as {@link #fuelLevel()}. */
    public Optional<Measurement<Double>> fuelLevelClamped() {
        return fuelLevel().map(level -> level.map(value -> Math.max(0.0, Math.min(100.0, value))));
    }

    /** Whether the reported fuel level is outside 0–100 %; {@code false} when there is none. */
    public boolean fuelLevelOutOfRange() {
        return fuelLevel().map(level -> level.value() < 0.0 || level.value() > 100.0).orElse(false);
    }

    /** Distance the fuel left will take the vehicle, km ({@code fuelRange}). */
    public Optional<Measurement<Double>> fuelRange() {
        return number("fuelRange", Unit.KILOMETERS);
    }

    /** Oil life left, % of the service interval, not oil quantity ({@code oilLifeRemaining}). */
    public Optional<Measurement<Double>> oilLife() {
        return number("oilLifeRemaining", Unit.PERCENT);
    }

    /** Engine coolant temperature, °C ({@code engineCoolantTemp}). */
    public Optional<Measurement<Double>> engineCoolantTemperature() {
        return number("engineCoolantTemp", Unit.CELSIUS);
    }

    /** Engine oil temperature, °C ({@code engineOilTemp}). */
    public Optional<Measurement<Double>> engineOilTemperature() {
        return number("engineOilTemp", Unit.CELSIUS);
    }

    /** Engine speed, rpm ({@code engineSpeed}). */
    public Optional<Measurement<Double>> engineSpeed() {
        return number("engineSpeed", Unit.REVOLUTIONS_PER_MINUTE);
    }

    /** Diesel exhaust fluid (AdBlue) left, % ({@code dieselExhaustFluidLevel}). */
    public Optional<Measurement<Double>> dieselExhaustFluidLevel() {
        return number("dieselExhaustFluidLevel", Unit.PERCENT);
    }

    /** The diesel particulate filter's state as Ford sent it ({@code dieselExhaustFilterStatus}). */
    public Optional<Measurement<String>> dieselExhaustFilterStatus() {
        return text("dieselExhaustFilterStatus");
    }

    // ---------------------------------------------------------------- electric

    /** Traction battery state of charge as the car shows it, % ({@code xevBatteryStateOfCharge}). */
    public Optional<Measurement<Double>> evStateOfCharge() {
        return number("xevBatteryStateOfCharge", Unit.PERCENT);
    }

    /**
     * Traction battery's actual state of charge, %, including the buffer the car hides
     * ({@code xevBatteryActualStateOfCharge}).
     */
    public Optional<Measurement<Double>> evActualStateOfCharge() {
        return number("xevBatteryActualStateOfCharge", Unit.PERCENT);
    }

    /** Electric range, km ({@code xevBatteryRange}). */
    public Optional<Measurement<Double>> evRange() {
        return number("xevBatteryRange", Unit.KILOMETERS);
    }

    /** Usable traction battery capacity, kWh ({@code xevBatteryCapacity}). */
    public Optional<Measurement<Double>> evBatteryCapacity() {
        return number("xevBatteryCapacity", Unit.KILOWATT_HOURS);
    }

    /** Energy left in the traction battery, kWh ({@code xevBatteryEnergyRemaining}). */
    public Optional<Measurement<Double>> evEnergyRemaining() {
        return number("xevBatteryEnergyRemaining", Unit.KILOWATT_HOURS);
    }

    /** Traction battery temperature, °C ({@code xevBatteryTemperature}). */
    public Optional<Measurement<Double>> evBatteryTemperature() {
        return number("xevBatteryTemperature", Unit.CELSIUS);
    }

    /** Traction battery voltage, V ({@code xevBatteryVoltage}). */
    public Optional<Measurement<Double>> evBatteryVoltage() {
        return number("xevBatteryVoltage", Unit.VOLTS);
    }

    /**
     * Current into (positive) or out of (negative) the traction battery, A ({@code xevBatteryIoCurrent}), as Ford
     * sends the sign.
     */
    public Optional<Measurement<Double>> evBatteryCurrent() {
        return number("xevBatteryIoCurrent", Unit.AMPERES);
    }

    /** The charger's output voltage, V ({@code xevBatteryChargerVoltageOutput}). */
    public Optional<Measurement<Double>> chargerVoltageOutput() {
        return number("xevBatteryChargerVoltageOutput", Unit.VOLTS);
    }

    /** The charger's output current, A ({@code xevBatteryChargerCurrentOutput}). */
    public Optional<Measurement<Double>> chargerCurrentOutput() {
        return number("xevBatteryChargerCurrentOutput", Unit.AMPERES);
    }

    /**
     * The charger's output power, kW: {@link #chargerVoltageOutput()} times {@link #chargerCurrentOutput()}, at the
     * voltage's time. Empty unless both are reported.
     */
    public Optional<Measurement<Double>> chargerPowerOutput() {
        Optional<Measurement<Double>> current = chargerCurrentOutput();
        return chargerVoltageOutput().flatMap(volts -> current.map(amperes -> Measurement.of(
            volts.value() * amperes.value() / 1000.0, Unit.KILOWATTS, volts.measuredAt().orElse(null))));
    }

    /** The kind of charging station, such as {@code AC_BASIC} or {@code DC_FAST} ({@code xevChargeStationPowerType}). */
    public Optional<Measurement<String>> chargeStationPowerType() {
        return text("xevChargeStationPowerType");
    }

    /** Whether a charging cable is plugged in ({@code xevPlugChargerStatus}). */
    public Optional<Measurement<PlugStatus>> plugStatus() {
        return reading("xevPlugChargerStatus", Unit.NONE, value -> JsonValues.text(value).map(PlugStatus::of));
    }

    /** The charging state the car shows its driver ({@code xevBatteryChargeDisplayStatus}). */
    public Optional<Measurement<ChargeDisplayStatus>> chargeDisplayStatus() {
        return reading("xevBatteryChargeDisplayStatus", Unit.NONE,
            value -> JsonValues.text(value).map(ChargeDisplayStatus::of));
    }

    /** Time left until the battery is full ({@code xevBatteryTimeToFullCharge}, reported in minutes). */
    public Optional<Measurement<Duration>> timeToFullCharge() {
        return duration("xevBatteryTimeToFullCharge", 60_000);
    }

    // ---------------------------------------------------------------- 12 V battery

    /** The 12 V battery's state of charge, % ({@code batteryStateOfCharge}). */
    public Optional<Measurement<Double>> lowVoltageBatteryStateOfCharge() {
        return number("batteryStateOfCharge", Unit.PERCENT);
    }

    /** The 12 V battery's voltage, V ({@code batteryVoltage}). */
    public Optional<Measurement<Double>> lowVoltageBatteryVoltage() {
        return number("batteryVoltage", Unit.VOLTS);
    }

    /** The 12 V battery's load state as Ford sent it, such as {@code STATE_NORMAL} ({@code batteryLoadStatus}). */
    public Optional<Measurement<String>> lowVoltageBatteryLoadStatus() {
        return text("batteryLoadStatus");
    }

    // ---------------------------------------------------------------- body and security

    /**
     * Ignition as Ford sent it, such as {@code ON}, {@code OFF}, {@code RUN} or {@code START} ({@code ignitionStatus}).
     * It stays {@code OFF} during a remote start: see {@link #remoteStartCountdown()}.
     */
    public Optional<Measurement<String>> ignitionStatus() {
        return text("ignitionStatus");
    }

    /** Time left of a remote start ({@code remoteStartCountdownTimer}, reported in seconds); zero when not running. */
    public Optional<Measurement<Duration>> remoteStartCountdown() {
        return duration("remoteStartCountdownTimer", 1_000);
    }

    /**
     * How long a remote start runs, as set in the car ({@code metrics.configurations.remoteStartRunDurationSetting},
     * in seconds).
     */
    public Optional<Measurement<Duration>> remoteStartRunDuration() {
        return entry(metrics().section("configurations").node("remoteStartRunDurationSetting")).flatMap(entry ->
            durationOf(entry, 1_000));
    }

    /** The panic alarm (honk and flash) as Ford sent it, such as {@code ACTIVE} or {@code UNDEFINED} ({@code panicAlarmStatus}). */
    public Optional<Measurement<String>> panicAlarmStatus() {
        return text("panicAlarmStatus");
    }

    /** The gear lever as Ford sent it, such as {@code PARK} or {@code DRIVE} ({@code gearLeverPosition}). */
    public Optional<Measurement<String>> gearLeverPosition() {
        return text("gearLeverPosition");
    }

    /** Each seat belt ({@code seatBeltStatus[]}), in Ford's order. */
    public List<Measurement<SeatBeltStatus>> seatBelts() {
        return list("seatBeltStatus", Unit.NONE, (entry, value) -> JsonValues.text(value).map(state ->
            new SeatBeltStatus(JsonValues.locator(entry, "vehicleOccupantRole"),
                JsonValues.locator(entry, "vehicleSeatRow"), state)));
    }

    /** Alarm state as Ford sent it, such as {@code ARMED} or {@code DISARMED} ({@code alarmStatus}). */
    public Optional<Measurement<String>> alarmStatus() {
        return text("alarmStatus");
    }

    /**
     * Hood state as Ford sent it, such as {@code CLOSED} ({@code hoodStatus}, or the {@code HOOD} entry of
     * {@code doorStatus[]} when there is no {@code hoodStatus}).
     */
    public Optional<Measurement<String>> hoodStatus() {
        Optional<Measurement<String>> hood = text("hoodStatus");
        if (hood.isPresent()) {
            return hood;
        }
        return doors().stream().filter(door -> OpenValues.fold(door.value().door()).equals("HOOD")).findFirst()
            .map(door -> door.map(DoorStatus::state));
    }

    /** Each door's open/closed state ({@code doorStatus[]}), in Ford's order. */
    public List<Measurement<DoorStatus>> doors() {
        return list("doorStatus", Unit.NONE, (entry, value) -> JsonValues.text(value).map(state -> new DoorStatus(
            JsonValues.locator(entry, "vehicleDoor"), JsonValues.locator(entry, "vehicleSide"),
            JsonValues.locator(entry, "vehicleOccupantRole"), state)));
    }

    /** Each lock state ({@code doorLockStatus[]}), in Ford's order; see {@link #allDoorsLocked()}. */
    public List<Measurement<DoorLockStatus>> doorLocks() {
        return list("doorLockStatus", Unit.NONE, (entry, value) -> JsonValues.text(value).map(state -> new DoorLockStatus(
            JsonValues.locator(entry, "vehicleDoor"), JsonValues.locator(entry, "vehicleSide"),
            JsonValues.locator(entry, "vehicleOccupantRole"), state)));
    }

    /**
     * Ford's lock state of the whole vehicle: the {@code ALL_DOORS} entry of {@code doorLockStatus[]}, or the only
     * entry when there is one. Empty when there is neither; see {@link #doorLocks()} for each door.
     */
    public Optional<Measurement<LockState>> lockState() {
        List<Measurement<DoorLockStatus>> locks = doorLocks();
        Optional<Measurement<DoorLockStatus>> chosen = locks.stream().filter(lock -> lock.value().isAllDoors())
            .findFirst();
        if (chosen.isEmpty() && locks.size() == 1) {
            chosen = Optional.of(locks.get(0));
        }
        return chosen.map(lock -> lock.map(DoorLockStatus::lockState));
    }

    /**
     * Whether the vehicle is locked: the {@code ALL_DOORS} entry of {@code doorLockStatus[]} when there is one (what
     * the FordPass app shows), otherwise whether every reported lock is locked. Empty when no lock state is reported.
     */
    public Optional<Boolean> allDoorsLocked() {
        List<Measurement<DoorLockStatus>> locks = doorLocks();
        if (locks.isEmpty()) {
            return Optional.empty();
        }
        Optional<DoorLockStatus> allDoors = locks.stream().map(Measurement::value).filter(DoorLockStatus::isAllDoors)
            .findFirst();
        if (allDoors.isPresent()) {
            return Optional.of(allDoors.get().isLocked());
        }
        return Optional.of(locks.stream().allMatch(lock -> lock.value().isLocked()));
    }

    /** Each window's opening ({@code windowStatus[]}), in Ford's order. */
    public List<Measurement<WindowStatus>> windows() {
        return list("windowStatus", Unit.NONE, (entry, value) -> {
            JsonNode range = value.path("doubleRange");
            Optional<Double> lower = JsonValues.number(range.get("lowerBound"));
            Optional<Double> upper = JsonValues.number(range.get("upperBound"));
            if (lower.isEmpty() || upper.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new WindowStatus(JsonValues.locator(entry, "vehicleWindow"),
                JsonValues.locator(entry, "vehicleSide"), JsonValues.locator(entry, "vehicleOccupantRole"), lower.get(),
                upper.get()));
        });
    }

    // ---------------------------------------------------------------- tyres

    /** Each tyre's pressure, kPa ({@code tirePressure[]}), in Ford's order. */
    public List<Measurement<TirePressure>> tirePressures() {
        return list("tirePressure", Unit.KILOPASCALS, (entry, value) -> JsonValues.number(value).map(pressure -> {
            JsonNode placard = entry.has("wheelPlacardFront") ? entry.get("wheelPlacardFront")
                : entry.get("wheelPlacardRear");
            return new TirePressure(JsonValues.locator(entry, "vehicleWheel"), pressure, JsonValues.optionalNumber(placard));
        }));
    }

    /** Each tyre's pressure warning state ({@code tirePressureStatus}), in Ford's order. */
    public List<Measurement<TireStatus>> tireStatuses() {
        return list("tirePressureStatus", Unit.NONE, (entry, value) -> JsonValues.text(value).map(state -> new TireStatus(
            JsonValues.locator(entry, "vehicleWheel"), state)));
    }

    /** The tyre monitoring system's state, such as {@code NORMAL_OPERATION} ({@code tirePressureSystemStatus}). */
    public Optional<Measurement<String>> tirePressureSystemStatus() {
        return text("tirePressureSystemStatus");
    }

    // ---------------------------------------------------------------- indicators

    /**
     * The dashboard's warning lamps by name ({@code indicators}), in Ford's order; entries whose {@code value} is not
     * a boolean are left out. Empty when the car reports none.
     */
    public Map<String, Measurement<Indicator>> indicators() {
        JsonNode indicators = metrics().node("indicators");
        if (indicators == null || !indicators.isObject()) {
            return Map.of();
        }
        Map<String, Measurement<Indicator>> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : indicators.properties()) {
            JsonNode entry = property.getValue();
            if (entry.isObject()) {
                JsonValues.bool(entry.get("value")).ifPresent(active -> result.put(property.getKey(), Measurement.of(
                    new Indicator(property.getKey(), active, JsonValues.text(entry.get("additionalInfo"))), Unit.NONE,
                    timeOf(entry))));
            }
        }
        return Collections.unmodifiableMap(result);
    }

    /** The names of the warning lamps that are on, sorted. */
    public Set<String> activeIndicators() {
        Set<String> active = new TreeSet<>();
        indicators().forEach((name, indicator) -> {
            if (indicator.value().active()) {
                active.add(name);
            }
        });
        return Collections.unmodifiableSet(active);
    }

    // ---------------------------------------------------------------- raw access

    /** A new tree of the whole telemetry body. */
    public JsonNode raw() {
        return telemetry.toJson();
    }

    /** A new tree of {@code metrics.<name>} as Ford sent it (an object, or a list for list-shaped metrics). */
    public Optional<JsonNode> metric(String name) {
        return nodeOf(metrics(), name);
    }

    /** A new tree of {@code metrics.customMetrics.<name>}. */
    public Optional<JsonNode> customMetric(String name) {
        return nodeOf(metrics().section("customMetrics"), name);
    }

    /** A new tree of {@code metrics.configurations.<name>}, such as {@code remoteStartRunDurationSetting}. */
    public Optional<JsonNode> configuration(String name) {
        return nodeOf(metrics().section("configurations"), name);
    }

    /** A new tree of {@code events.<name>}, such as {@code remoteStartEvent}. */
    public Optional<JsonNode> event(String name) {
        return nodeOf(telemetry.section("events"), name);
    }

    /** A new tree of {@code events.customEvents.<name>}. */
    public Optional<JsonNode> customEvent(String name) {
        return nodeOf(telemetry.section("events").section("customEvents"), name);
    }

    /**
     * A new tree of {@code states.<name>}, or of {@code states.commands.<name>} where Ford nests command states
     * there; such as {@code remoteStartCommand} or {@code commandPreclusion}.
     */
    public Optional<JsonNode> state(String name) {
        Optional<JsonNode> state = nodeOf(telemetry.section("states"), name);
        return state.isPresent() ? state : nodeOf(telemetry.section("states").section("commands"), name);
    }

    /** The names under {@code metrics}, in Ford's order, including containers such as {@code customMetrics}. */
    public Set<String> metricNames() {
        return metrics().names();
    }

    /** The names under {@code metrics.customMetrics}, in Ford's order. */
    public Set<String> customMetricNames() {
        return metrics().section("customMetrics").names();
    }

    /** The names under {@code metrics.configurations}, in Ford's order. */
    public Set<String> configurationNames() {
        return metrics().section("configurations").names();
    }

    /** The names under {@code events}, in Ford's order. */
    public Set<String> eventNames() {
        return telemetry.section("events").names();
    }

    /** The names under {@code events.customEvents}, in Ford's order. */
    public Set<String> customEventNames() {
        return telemetry.section("events").section("customEvents").names();
    }

    /** The names under {@code states} and {@code states.commands}, in Ford's order; each works with {@link #state}. */
    public Set<String> stateNames() {
        TelemetryTree states = telemetry.section("states");
        Set<String> names = new LinkedHashSet<>(states.names());
        if (states.get("commands") instanceof TelemetryTree commands) {
            names.remove("commands");
            names.addAll(commands.names());
        }
        return Collections.unmodifiableSet(names);
    }

    // ---------------------------------------------------------------- reading

    private TelemetryTree metrics() {
        return telemetry.section("metrics");
    }

    /** The entry of a scalar metric: the object itself, or the first object of a list. */
    private static Optional<JsonNode> entry(JsonNode node) {
        if (node == null) {
            return Optional.empty();
        }
        if (node.isArray()) {
            return node.valueStream().filter(JsonNode::isObject).findFirst();
        }
        return node.isObject() ? Optional.of(node) : Optional.empty();
    }

    private <T> Optional<Measurement<T>> reading(String metric, Unit unit, Function<JsonNode, Optional<T>> parse) {
        TelemetryTree.Reading reading = metrics().reading(metric);
        if (reading == null || reading.value() == null) {
            return Optional.empty();
        }
        return parse.apply(reading.value()).map(parsed -> Measurement.of(parsed, unit,
            JsonValues.instant(reading.updateTime()).orElse(snapshotTime)));
    }

    private Optional<Measurement<Double>> number(String metric, Unit unit) {
        return reading(metric, unit, JsonValues::number);
    }

    private Optional<Measurement<String>> text(String metric) {
        return reading(metric, Unit.NONE, JsonValues::text);
    }

    /** A non-negative duration reported as a number of some unit, given in milliseconds. */
    private Optional<Measurement<Duration>> duration(String metric, long millisPerUnit) {
        return reading(metric, Unit.NONE, value -> JsonValues.number(value).filter(amount -> amount >= 0)
            .map(amount -> Duration.ofMillis(Math.round(amount * millisPerUnit))));
    }

    private Optional<Measurement<Duration>> durationOf(JsonNode entry, long millisPerUnit) {
        return JsonValues.number(entry.get("value")).filter(amount -> amount >= 0)
            .map(amount -> Measurement.of(Duration.ofMillis(Math.round(amount * millisPerUnit)), Unit.NONE,
                timeOf(entry)));
    }

    /** The readable entries of a list-shaped metric (a single object counts as a one-entry list). */
    private <T> List<Measurement<T>> list(String metric, Unit unit, EntryParser<T> parse) {
        JsonNode node = metrics().node(metric);
        if (node == null || !(node.isArray() || node.isObject())) {
            return List.of();
        }
        List<JsonNode> entries = node.isArray() ? node.valueStream().toList() : List.of(node);
        List<Measurement<T>> result = new ArrayList<>();
        for (JsonNode entry : entries) {
            JsonNode value = entry.isObject() ? entry.get("value") : null;
            if (value != null) {
                parse.apply(entry, value).ifPresent(parsed -> result.add(Measurement.of(parsed, unit, timeOf(entry))));
            }
        }
        return List.copyOf(result);
    }

    private Instant timeOf(JsonNode entry) {
        return JsonValues.instant(entry.get("updateTime")).orElse(snapshotTime);
    }

    private static Optional<JsonNode> nodeOf(TelemetryTree container, String name) {
        Objects.requireNonNull(name, "name");
        return Optional.ofNullable(container.node(name));
    }

    /** Reads one entry of a list-shaped metric from the entry (for its locators) and its {@code value}. */
    @FunctionalInterface
    private interface EntryParser<T> {
        Optional<T> apply(JsonNode entry, JsonNode value);
    }

    // ---------------------------------------------------------------- object

    @Override
    public boolean equals(Object other) {
        return other instanceof VehicleStatus that && telemetry.equals(that.telemetry);
    }

    @Override
    public int hashCode() {
        return telemetry.hashCode();
    }

    /**
     * A short summary such as {@code VehicleStatus{vin=1FT…, updateTime=…, odometer=105541.0 km, …, metrics=47}};
     * never the body.
     */
    @Override
    public String toString() {
        StringJoiner text = new StringJoiner(", ", "VehicleStatus{", "}");
        text.add("vin=" + vin().orElse("?"));
        updateTime().ifPresent(time -> text.add("updateTime=" + time));
        odometer().ifPresent(value -> text.add("odometer=" + value.value() + " km"));
        fuelLevel().ifPresent(value -> text.add("fuelLevel=" + value.value() + " %"));
        evStateOfCharge().ifPresent(value -> text.add("evStateOfCharge=" + value.value() + " %"));
        ignitionStatus().ifPresent(value -> text.add("ignition=" + value.value()));
        allDoorsLocked().ifPresent(locked -> text.add("locked=" + locked));
        text.add("metrics=" + metricNames().size());
        return text.toString();
    }
}
