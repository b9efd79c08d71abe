package io.github.connectedcar.simulator.internal.vehicle;

import java.time.Duration;
import java.time.Instant;

import io.github.connectedcar.simulator.vehicle.EngineType;
import io.github.connectedcar.simulator.vehicle.VehicleSpec;

import static io.github.connectedcar.simulator.internal.vehicle.MetricNames.*;
import static io.github.connectedcar.simulator.internal.vehicle.Numbers.clamp;

/**
 * Driving: speed and heading, ignition, position and odometer, and the fuel it burns (electric cars and plug-in
 * hybrids draw on the battery of {@link Charging} instead), reported every 10 s of simulated time while moving.
 * Not thread-safe.
 */
public final class Driving {

    /** How often a moving car reports position and odometer. */
    static final Duration REPORT_INTERVAL = Duration.ofSeconds(10);

    private final SimulatedVehicle car;
    private final VehicleSpec spec;
    private final Timeline timeline;
    private final ChangeTracker changes;

    private double odometerKm;
    private double fuelLevelPercent;
    private double latitude;
    private double longitude;
    private final double altitude;
    private double heading;
    private double speedKmh;
    private boolean ignitionOn;
    private Instant lastIntegration;
    private boolean reportScheduled;

    Driving(SimulatedVehicle car) {
        this.car = car;
        this.spec = car.spec();
        this.timeline = car.timeline();
        this.changes = car.changes();
        this.odometerKm = spec.odometerKm();
        this.fuelLevelPercent = spec.engineType().hasFuelTank() ? spec.fuelLevelPercent() : 0;
        this.latitude = spec.latitude();
        this.longitude = spec.longitude();
        this.altitude = spec.altitude();
        this.heading = spec.heading();
    }

    /**
     * Drives at a constant speed along a heading (ignition on, position, odometer and fuel or energy reported every
     * 10 s of simulated time) until {@link #stop()} or the tank is empty.
     *
     * @throws IllegalStateException when plugged in, or the tank or battery is empty
     * @throws IllegalArgumentException for a speed outside (0, 250] km/h
     */
    public void start(double kmh, double headingDegrees) {
        if (!(kmh > 0 && kmh <= 250)) {
            throw new IllegalArgumentException("speed must be within (0, 250] km/h, got " + kmh);
        }
        if (car.charging().isPluggedIn()) {
            throw new IllegalStateException("Unplug " + spec.vin() + " before driving");
        }
        boolean empty = spec.engineType() == EngineType.BEV ? car.charging().energyKwh() <= 0 : fuelLevelPercent <= 0;
        if (empty) {
            throw new IllegalStateException(spec.vin() + " has nothing left to drive on");
        }
        car.settle();
        car.remoteStart().end();
        speedKmh = kmh;
        heading = ((headingDegrees % 360) + 360) % 360;
        ignitionOn = true;
        changes.touch(SPEED, HEADING, COMPASS_DIRECTION, IGNITION_STATUS, GEAR_LEVER_POSITION);
        scheduleReports();
    }

    /** Parks: speed 0, ignition off. */
    public void stop() {
        if (isMoving()) {
            integrate();
        }
        speedKmh = 0;
        ignitionOn = false;
        changes.touch(SPEED, IGNITION_STATUS, GEAR_LEVER_POSITION);
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
        car.settle();
        fuelLevelPercent = clamp(percent, 0, 100);
        reportFuel();
    }

    public void setPosition(double lat, double lon) {
        latitude = clamp(lat, -90, 90);
        longitude = clamp(lon, -180, 180);
        changes.touch(POSITION);
    }

    /** Moves the car along its heading, adds to the odometer, burns fuel or energy; stops when empty. */
    void integrate() {
        Instant now = timeline.now();
        if (!isMoving() || lastIntegration == null) {
            lastIntegration = now;
            return;
        }
        double hours = Duration.between(lastIntegration, now).toMillis() / 3_600_000.0;
        lastIntegration = now;
        if (hours <= 0) {
            return;
        }
        double km = speedKmh * hours;
        odometerKm += km;
        double radians = Math.toRadians(heading);
        latitude += km * Math.cos(radians) / 111.32;
        longitude += km * Math.sin(radians) / (111.32 * Math.cos(Math.toRadians(latitude)));
        changes.touch(ODOMETER, POSITION, SPEED, HEADING, COMPASS_DIRECTION);
        if (spec.engineType().hasFuelTank() && spec.engineType() != EngineType.PHEV) {
            fuelLevelPercent = Math.max(0, fuelLevelPercent - km * spec.litersPer100Km() / 100 / spec.tankLiters()
                * 100);
            reportFuel();
            if (fuelLevelPercent <= 0) {
                stop();
            }
        } else {
            car.charging().drain(km * spec.kwhPer100Km() / 100);
            if (car.charging().energyKwh() <= 0) {
                stop();
            }
        }
    }

    /** The fuel level, its range, and the low-fuel lamp below 12 %. */
    private void reportFuel() {
        changes.touch(FUEL_LEVEL, FUEL_RANGE);
        car.body().setIndicator("lowFuel", fuelLevelPercent < 12);
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
        if (isMoving()) {
            timeline.after(REPORT_INTERVAL, this::report);
        } else {
            reportScheduled = false;
        }
    }

    // ---------------------------------------------------------------- reading

    boolean isMoving() {
        return speedKmh > 0;
    }

    double odometerKm() {
        return odometerKm;
    }

    double fuelLevelPercent() {
        return fuelLevelPercent;
    }

    double fuelRangeKm() {
        return spec.tankLiters() * fuelLevelPercent / 100 / spec.litersPer100Km() * 100;
    }

    double latitude() {
        return latitude;
    }

    double longitude() {
        return longitude;
    }

    double altitude() {
        return altitude;
    }

    /** Degrees clockwise from north, in [0, 360). */
    double heading() {
        return heading;
    }

    double speedKmh() {
        return speedKmh;
    }

    boolean ignitionOn() {
        return ignitionOn;
    }
}
