package io.github.connectedcar.simulator;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import io.github.connectedcar.simulator.internal.command.CommandRecord;
import io.github.connectedcar.simulator.internal.vehicle.SimulatedVehicle;
import io.github.connectedcar.simulator.internal.vehicle.TelemetryRenderer;
import io.github.connectedcar.simulator.internal.world.SimulationWorld;
import io.github.connectedcar.simulator.vehicle.Door;
import io.github.connectedcar.simulator.vehicle.GuardModeState;
import io.github.connectedcar.simulator.vehicle.Wheel;
import io.github.connectedcar.simulator.vehicle.Window;
import tools.jackson.databind.node.ObjectNode;

/**
 * Changes one simulated vehicle as if someone were at the car (opens a door, plugs in a charger, drives off) and
 * reads its state. Every change is reported like a real one: metrics get a fresh {@code updateTime} and open
 * websockets receive a {@code _data} frame. Obtained from {@link FordCloudSimulator#vehicle(String)}; methods return
 * {@code this} for chaining. Thread-safe.
 */
public final class VehicleControl {

    private final SimulationWorld world;
    private final String vin;

    VehicleControl(SimulationWorld world, String vin) {
        this.world = world;
        this.vin = vin;
    }

    public String vin() {
        return vin;
    }

    /**
     * Opens a door.
     *
     * @throws IllegalArgumentException when the car has no such door
     */
    public VehicleControl openDoor(Door door) {
        return change(v -> v.body().setDoorOpen(Objects.requireNonNull(door, "door"), true));
    }

    /**
     * Closes a door.
     *
     * @throws IllegalArgumentException when the car has no such door
     */
    public VehicleControl closeDoor(Door door) {
        return change(v -> v.body().setDoorOpen(Objects.requireNonNull(door, "door"), false));
    }

    public VehicleControl setHoodOpen(boolean open) {
        return change(v -> v.body().setHoodOpen(open));
    }

    /** Locks or unlocks with the key fob (no command involved). */
    public VehicleControl setLocked(boolean locked) {
        return change(v -> v.body().setLocked(locked));
    }

    /** Deep sleep: commands are not delivered and expire; states show {@code commandPreclusion}. */
    public VehicleControl setDeepSleep(boolean deepSleep) {
        return change(v -> v.body().setDeepSleep(deepSleep));
    }

    /**
     * @throws IllegalStateException for a car without traction battery
     */
    public VehicleControl setStateOfCharge(double percent) {
        return change(v -> v.charging().setStateOfCharge(percent));
    }

    /**
     * Plugs the charger in; charging starts when below the target.
     *
     * @throws IllegalStateException for a car without charge port, or while driving
     */
    public VehicleControl plugIn() {
        return change(v -> v.charging().setPluggedIn(true));
    }

    /**
     * Pulls the charger.
     *
     * @throws IllegalStateException for a car without charge port
     */
    public VehicleControl unplug() {
        return change(v -> v.charging().setPluggedIn(false));
    }

    /**
     * @throws IllegalStateException for a car without charge port, or starting while unplugged
     */
    public VehicleControl setCharging(boolean charging) {
        return change(v -> v.charging().setCharging(charging));
    }

    /**
     * @throws IllegalStateException for a car without charge port
     */
    public VehicleControl setChargePowerKw(double kw) {
        return change(v -> v.charging().setChargePowerKw(kw));
    }

    /**
     * @throws IllegalStateException for a car without fuel tank
     */
    public VehicleControl setFuelLevel(double percent) {
        return change(v -> v.driving().setFuelLevel(percent));
    }

    public VehicleControl setOutsideTemperature(double celsius) {
        return change(v -> v.body().setOutsideTemperature(celsius));
    }

    public VehicleControl setTirePressure(Wheel wheel, double kpa) {
        return change(v -> v.body().setTirePressure(wheel, kpa));
    }

    public VehicleControl setWindowOpenPercent(Window window, double percent) {
        return change(v -> v.body().setWindowOpenPercent(window, percent));
    }

    public VehicleControl setBattery12vPercent(double percent) {
        return change(v -> v.body().setBattery12vPercent(percent));
    }

    /** Turns a warning lamp on or off ({@code metrics.indicators}). */
    public VehicleControl setIndicator(String name, boolean on) {
        return change(v -> v.body().setIndicator(name, on));
    }

    public VehicleControl setPosition(double latitude, double longitude) {
        return change(v -> v.driving().setPosition(latitude, longitude));
    }

    /**
     * Drives off at a constant speed (km/h) and heading (degrees); position, odometer and fuel or energy change with
     * simulated time.
     *
     * @throws IllegalStateException when plugged in or empty
     * @throws IllegalArgumentException for a speed outside (0, 250]
     */
    public VehicleControl startDriving(double kmh, double heading) {
        return change(v -> v.driving().start(kmh, heading));
    }

    /** Parks. */
    public VehicleControl stopDriving() {
        return change(v -> v.driving().stop());
    }

    /** The full telemetry document, as {@code GET /v1/telemetry/...} would answer now. */
    public ObjectNode telemetry() {
        return read(TelemetryRenderer::full);
    }

    /** A few headline facts (fuel or charge, doors, pending commands...). */
    public Map<String, Object> summary() {
        return read(SimulatedVehicle::summary);
    }

    /** The current {@code toState} of a command sent to this car, empty while only REQUESTED or when unknown. */
    public Optional<String> commandState(String commandId) {
        return world.withVehicle(vin, v -> v.commands().command(commandId).map(CommandRecord::state)
            .map(Enum::name).orElse(null));
    }

    public GuardModeState guardMode() {
        return read(v -> v.mps().guardMode());
    }

    private VehicleControl change(Consumer<SimulatedVehicle> action) {
        world.withVehicle(vin, v -> {
            action.accept(v);
            return Boolean.TRUE;
        });
        return this;
    }

    private <T> T read(Function<SimulatedVehicle, T> reader) {
        return world.withVehicle(vin, reader)
            .orElseThrow(() -> new IllegalStateException("Vehicle " + vin + " is gone"));
    }

    @Override
    public String toString() {
        return "VehicleControl[" + vin + "]";
    }
}
