package io.github.connectedcar.simulator.internal.vehicle;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.github.connectedcar.simulator.vehicle.Door;
import io.github.connectedcar.simulator.vehicle.VehicleSpec;
import io.github.connectedcar.simulator.vehicle.Wheel;
import io.github.connectedcar.simulator.vehicle.Window;

import static io.github.connectedcar.simulator.internal.vehicle.MetricNames.*;
import static io.github.connectedcar.simulator.internal.vehicle.Numbers.clamp;

/**
 * The car apart from its powertrain, as someone standing at it would see or change it: doors, locks and alarm
 * (including the panic alarm), hood, windows, tyres, warning lamps, the 12 V battery, oil, the outside temperature,
 * and whether the modem sleeps. Every change is reported. Not thread-safe.
 */
public final class Body {

    private final VehicleSpec spec;
    private final Timeline timeline;
    private final ChangeTracker changes;

    private final EnumMap<Door, Boolean> doorOpen = new EnumMap<>(Door.class);
    private boolean locked;
    private boolean hoodOpen;
    private final EnumMap<Window, Double> windowOpenPercent = new EnumMap<>(Window.class);
    private final EnumMap<Wheel, Double> tirePressureKpa = new EnumMap<>(Wheel.class);
    private final Map<String, Boolean> indicators = new LinkedHashMap<>();
    private double outsideTemperatureC;
    private double battery12vPercent;
    private final double oilLifePercent;
    private boolean deepSleep;
    private Instant preclusionChangedAt;
    private Instant panicEndsAt;
    private long panicGeneration;

    Body(VehicleSpec spec, Timeline timeline, ChangeTracker changes) {
        this.spec = spec;
        this.timeline = timeline;
        this.changes = changes;
        for (Door d : spec.doors()) {
            doorOpen.put(d, spec.openDoors().contains(d));
        }
        this.locked = spec.locked();
        for (Window w : Window.values()) {
            windowOpenPercent.put(w, 0.0);
        }
        for (Wheel w : Wheel.values()) {
            tirePressureKpa.put(w, spec.tirePressureKpa() + (w.isFront() ? 0 : 2));
        }
        this.outsideTemperatureC = spec.outsideTemperatureC();
        this.battery12vPercent = spec.battery12vPercent();
        this.oilLifePercent = spec.oilLifePercent();
        this.deepSleep = spec.deepSleep();
        this.preclusionChangedAt = timeline.now();
        for (String indicator : List.of("lowFuel", "malfunctionIndicator", "tirePressureMonitorSystemWarning",
            "brakeWarning", "lowWasherFluid", "oilChangeReminder")) {
            indicators.put(indicator, false);
        }
    }

    // ---------------------------------------------------------------- changes by hand (admin API, the "physical" car)

    /** Opens or closes a door by hand. */
    public void setDoorOpen(Door door, boolean open) {
        if (!doorOpen.containsKey(door)) {
            throw new IllegalArgumentException(spec.vin() + " has no " + door + " door; it has " + doorOpen.keySet());
        }
        doorOpen.put(door, open);
        changes.touch(DOOR_STATUS);
    }

    public void setHoodOpen(boolean open) {
        hoodOpen = open;
        changes.touch(HOOD_STATUS);
    }

    /** Locks or unlocks as with the key fob (arms or disarms the alarm). */
    public void setLocked(boolean value) {
        locked = value;
        changes.touch(DOOR_LOCK_STATUS, ALARM_STATUS);
    }

    /** Puts the modem into deep sleep (commands expire) or wakes it. */
    public void setDeepSleep(boolean value) {
        if (deepSleep != value) {
            deepSleep = value;
            preclusionChangedAt = timeline.now();
            changes.stateChanged(STATE_COMMAND_PRECLUSION);
            changes.stateChanged(STATE_DEVICE_CONNECTIVITY);
        }
    }

    public void setOutsideTemperature(double celsius) {
        outsideTemperatureC = celsius;
        changes.touch(OUTSIDE_TEMPERATURE);
    }

    /** Sets one tyre's pressure; the TPMS lamp lights when any tyre is below 75 % of the placard pressure. */
    public void setTirePressure(Wheel wheel, double kpa) {
        tirePressureKpa.put(Objects.requireNonNull(wheel, "wheel"), Math.max(0, kpa));
        indicators.put("tirePressureMonitorSystemWarning", tirePressureKpa.values().stream()
            .anyMatch(p -> p < spec.placardPressureKpa() * 0.75));
        changes.touch(TIRE_PRESSURE, TIRE_PRESSURE_STATUS, INDICATORS);
    }

    public void setWindowOpenPercent(Window window, double percent) {
        windowOpenPercent.put(Objects.requireNonNull(window, "window"), clamp(percent, 0, 100));
        changes.touch(WINDOW_STATUS);
    }

    public void setBattery12vPercent(double percent) {
        battery12vPercent = clamp(percent, 0, 100);
        changes.touch(BATTERY_STATE_OF_CHARGE, BATTERY_VOLTAGE);
    }

    /** Turns a warning lamp on or off. */
    public void setIndicator(String name, boolean on) {
        indicators.put(Objects.requireNonNull(name, "name"), on);
        changes.touch(INDICATORS);
    }

    // ---------------------------------------------------------------- what commands do to it

    /** Sounds the panic alarm for some minutes; a newer panic replaces the running one. */
    void soundPanic(int minutes) {
        long generation = ++panicGeneration;
        panicEndsAt = timeline.now().plus(Duration.ofMinutes(minutes));
        changes.touch(PANIC_ALARM_STATUS);
        timeline.at(panicEndsAt, () -> {
            if (generation == panicGeneration) {
                changes.touch(PANIC_ALARM_STATUS);
            }
        });
    }

    /** Takes 12 V charge without reporting it on its own (a status refresh reports everything anyway). */
    void drain12v(double percent) {
        battery12vPercent = Math.max(0, battery12vPercent - percent);
    }

    // ---------------------------------------------------------------- reading

    /** Every door of the car, in a stable order, with whether it is open. */
    Map<Door, Boolean> doors() {
        return Collections.unmodifiableMap(doorOpen);
    }

    Set<Door> openDoors() {
        Set<Door> open = EnumSet.noneOf(Door.class);
        doorOpen.forEach((door, isOpen) -> {
            if (isOpen) {
                open.add(door);
            }
        });
        return open;
    }

    boolean locked() {
        return locked;
    }

    boolean hoodOpen() {
        return hoodOpen;
    }

    Map<Window, Double> windowOpenPercent() {
        return Collections.unmodifiableMap(windowOpenPercent);
    }

    Map<Wheel, Double> tirePressureKpa() {
        return Collections.unmodifiableMap(tirePressureKpa);
    }

    /** Warning lamps by name, in a stable order. */
    Map<String, Boolean> indicators() {
        return Collections.unmodifiableMap(indicators);
    }

    double outsideTemperatureC() {
        return outsideTemperatureC;
    }

    double battery12vPercent() {
        return battery12vPercent;
    }

    double oilLifePercent() {
        return oilLifePercent;
    }

    boolean deepSleep() {
        return deepSleep;
    }

    /** When deep sleep last began or ended (the time of the preclusion and connectivity states). */
    Instant preclusionChangedAt() {
        return preclusionChangedAt;
    }

    boolean panicActive() {
        return panicEndsAt != null && panicEndsAt.isAfter(timeline.now());
    }
}
