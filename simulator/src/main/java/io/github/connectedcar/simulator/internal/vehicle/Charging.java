package io.github.connectedcar.simulator.internal.vehicle;

import java.time.Duration;
import java.time.Instant;

import io.github.connectedcar.simulator.vehicle.VehicleSpec;
import tools.jackson.databind.node.ObjectNode;

import static io.github.connectedcar.simulator.internal.vehicle.MetricNames.*;
import static io.github.connectedcar.simulator.internal.vehicle.Numbers.clamp;

/**
 * The traction battery and its charger: the energy stored, whether a charger is plugged in, and charging over
 * simulated time, reported every minute, slower above 80 % and ending at the target state of charge. Driving draws
 * on the same battery. Not thread-safe.
 */
public final class Charging {

    /** How often a charging car reports its battery. */
    static final Duration REPORT_INTERVAL = Duration.ofSeconds(60);
    /** Above this state of charge the charger tapers to 60 % power. */
    static final double TAPER_FROM_PERCENT = 80;

    private final SimulatedVehicle car;
    private final VehicleSpec spec;
    private final Timeline timeline;
    private final ChangeTracker changes;
    private final ChargeLog log;

    private double energyKwh;
    private boolean pluggedIn;
    private boolean charging;
    private double chargePowerKw;
    private double targetStateOfChargePercent;
    private String displayStatus;
    private Instant lastIntegration;
    private boolean reportScheduled;

    Charging(SimulatedVehicle car) {
        this.car = car;
        this.spec = car.spec();
        this.timeline = car.timeline();
        this.changes = car.changes();
        this.energyKwh = spec.batteryCapacityKwh() * spec.stateOfChargePercent() / 100;
        this.pluggedIn = spec.engineType().isPlugIn() && spec.pluggedIn();
        this.charging = pluggedIn && spec.charging();
        this.chargePowerKw = spec.chargePowerKw();
        this.targetStateOfChargePercent = spec.targetStateOfChargePercent();
        this.displayStatus = !pluggedIn ? "NOT_PLUGGED_IN" : charging ? "IN_PROGRESS" : "NOT_READY";
        this.log = new ChargeLog(spec.vin(), spec.batteryCapacityKwh());
        if (spec.engineType().isPlugIn()) {
            log.seed(timeline.now(), spec.latitude(), spec.longitude(), chargePowerKw);
        }
    }

    /** Keeps charging if the spec says the car was charging at the start. */
    void resume() {
        if (charging) {
            log.began(timeline.now(), energyKwh, actualStateOfCharge(), chargePowerKw);
            scheduleReports();
        }
    }

    // ---------------------------------------------------------------- changes by hand (admin API, the "physical" car)

    /**
     * Sets the traction battery's state of charge.
     *
     * @throws IllegalStateException for a car without traction battery
     */
    public void setStateOfCharge(double percent) {
        requirePlugIn("a state of charge");
        car.settle();
        energyKwh = spec.batteryCapacityKwh() * clamp(percent, 0, 100) / 100;
        reportBattery();
    }

    /**
     * Plugs the charger in (charging starts when below target) or pulls it.
     *
     * @throws IllegalStateException for a car without plug, or when plugging in while driving
     */
    public void setPluggedIn(boolean value) {
        requirePlugIn("a charge port");
        if (value && car.driving().isMoving()) {
            throw new IllegalStateException("Stop driving before plugging in " + spec.vin());
        }
        car.settle();
        pluggedIn = value;
        if (value) {
            start();
        } else {
            setCharging(false, "NOT_PLUGGED_IN");
        }
        reportCharger();
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
            start();
        } else {
            stop("STOPPED");
        }
    }

    /**
     * Sets the charging power in kW.
     *
     * @throws IllegalStateException for a car without plug
     */
    public void setChargePowerKw(double kw) {
        requirePlugIn("a charger");
        car.settle();
        chargePowerKw = clamp(kw, 0.5, 350);
        reportCharger();
    }

    // ---------------------------------------------------------------- what commands and driving do to it

    /** Starts charging, unless the target is reached already: then the charger just says {@code COMPLETED}. */
    void start() {
        car.settle();
        if (actualStateOfCharge() >= targetStateOfChargePercent) {
            displayStatus = "COMPLETED";
            reportCharger();
            return;
        }
        setCharging(true, "IN_PROGRESS");
        reportCharger();
        scheduleReports();
    }

    /** Stops charging; the charger then shows {@code displayStatus}, or {@code NOT_PLUGGED_IN} without a plug. */
    void stop(String newDisplayStatus) {
        car.settle();
        setCharging(false, pluggedIn ? newDisplayStatus : "NOT_PLUGGED_IN");
        reportCharger();
        reportBattery();
    }

    void setTargetStateOfCharge(double percent) {
        targetStateOfChargePercent = percent;
        changes.touch(XEV_BATTERY_TIME_TO_FULL_CHARGE);
    }

    /** Takes energy out of the battery (never below empty). */
    void drain(double kwh) {
        energyKwh = Math.max(0, energyKwh - kwh);
        reportBattery();
    }

    /** Adds the energy charged since the last integration; stops at the target. */
    void integrate() {
        Instant now = timeline.now();
        if (!charging || lastIntegration == null) {
            lastIntegration = now;
            return;
        }
        double hours = Duration.between(lastIntegration, now).toMillis() / 3_600_000.0;
        lastIntegration = now;
        if (hours <= 0) {
            return;
        }
        double targetKwh = spec.batteryCapacityKwh() * targetStateOfChargePercent / 100;
        energyKwh = Math.min(Math.max(targetKwh, energyKwh), energyKwh + effectivePower() * hours);
        if (energyKwh >= targetKwh) {
            setCharging(false, "COMPLETED");
            reportCharger();
        }
        reportBattery();
    }

    /** Charging starts or stops; a session that ends goes into the energy-transfer log. */
    private void setCharging(boolean value, String newDisplayStatus) {
        if (value && !charging) {
            log.began(timeline.now(), energyKwh, actualStateOfCharge(), chargePowerKw);
        } else if (!value && charging) {
            log.ended(timeline.now(), energyKwh, actualStateOfCharge(), car.driving().latitude(),
                car.driving().longitude());
        }
        charging = value;
        displayStatus = newDisplayStatus;
    }

    /** The energy-transfer-logs answer: the newest {@code maxRecords} sessions (docs/ford-api.md §4.4). */
    public ObjectNode chargeLog(int maxRecords) {
        return log.answer(maxRecords);
    }

    void reportBattery() {
        changes.touch(XEV_BATTERY_STATE_OF_CHARGE, XEV_BATTERY_ACTUAL_STATE_OF_CHARGE, XEV_BATTERY_RANGE,
            XEV_BATTERY_ENERGY_REMAINING, XEV_BATTERY_TIME_TO_FULL_CHARGE);
    }

    void reportCharger() {
        changes.touch(XEV_PLUG_CHARGER_STATUS, XEV_BATTERY_CHARGE_DISPLAY_STATUS, XEV_BATTERY_CHARGER_VOLTAGE_OUTPUT,
            XEV_BATTERY_CHARGER_CURRENT_OUTPUT, XEV_BATTERY_TIME_TO_FULL_CHARGE);
    }

    private void scheduleReports() {
        lastIntegration = timeline.now();
        if (!reportScheduled) {
            reportScheduled = true;
            timeline.after(REPORT_INTERVAL, this::report);
        }
    }

    private void report() {
        integrate();
        if (charging) {
            timeline.after(REPORT_INTERVAL, this::report);
        } else {
            reportScheduled = false;
        }
    }

    private void requirePlugIn(String what) {
        if (!spec.engineType().isPlugIn()) {
            throw new IllegalStateException(spec.vin() + " (" + spec.engineType() + ") has no " + what);
        }
    }

    // ---------------------------------------------------------------- reading

    double energyKwh() {
        return energyKwh;
    }

    boolean isPluggedIn() {
        return pluggedIn;
    }

    boolean isCharging() {
        return charging;
    }

    double chargePowerKw() {
        return chargePowerKw;
    }

    public double targetStateOfChargePercent() {
        return targetStateOfChargePercent;
    }

    /** What the charger reports: {@code NOT_PLUGGED_IN}, {@code IN_PROGRESS}, {@code COMPLETED}... */
    String displayStatus() {
        return displayStatus;
    }

    /** The battery's actual state of charge in percent. */
    double actualStateOfCharge() {
        return spec.batteryCapacityKwh() <= 0 ? 0 : Math.min(100, energyKwh / spec.batteryCapacityKwh() * 100);
    }

    /** What the dashboard shows: the actual value rounded to a whole percent. */
    double displayedStateOfCharge() {
        return Math.round(actualStateOfCharge());
    }

    double rangeKm() {
        return energyKwh / spec.kwhPer100Km() * 100;
    }

    /** Minutes until the target is reached at the current power, 0 when not charging. */
    double minutesToFull() {
        if (!charging || chargePowerKw <= 0) {
            return 0;
        }
        double missingKwh = Math.max(0, spec.batteryCapacityKwh() * targetStateOfChargePercent / 100 - energyKwh);
        return Math.ceil(missingKwh / effectivePower() * 60);
    }

    private double effectivePower() {
        return actualStateOfCharge() >= TAPER_FROM_PERCENT ? chargePowerKw * 0.6 : chargePowerKw;
    }
}
