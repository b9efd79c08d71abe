package io.github.connectedcar;

import io.github.connectedcar.command.ActionResult;
import io.github.connectedcar.command.ChargeSettings;
import io.github.connectedcar.command.ClimateProfile;
import io.github.connectedcar.command.CommandFlux;
import io.github.connectedcar.command.CommandOptions;
import io.github.connectedcar.command.CommandResult;
import io.github.connectedcar.command.DepartureSchedule;
import io.github.connectedcar.command.GuardModeStatus;
import io.github.connectedcar.command.HonkDuration;
import io.github.connectedcar.command.LightingZone;
import io.github.connectedcar.internal.Blocking;
import io.github.connectedcar.model.Capability;
import io.github.connectedcar.model.ChargingSession;
import io.github.connectedcar.model.Vehicle;
import io.github.connectedcar.model.VehicleStatus;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The blocking client of one car; each method waits for {@link VehicleAsyncClient} with a timeout and throws the
 * same typed exceptions it signals.
 *
 * <p>A command method sends the command once, follows it to its end and returns its {@link CommandResult}, or
 * throws: {@link io.github.connectedcar.exception.CommandFailedException} (with Ford's OEM error code),
 * {@link io.github.connectedcar.exception.CommandExpiredException}, {@link io.github.connectedcar.exception.CommandTimeoutException}
 * (the car may still act), {@link io.github.connectedcar.exception.CommandOutcomeUnknownException} (never re-sent),
 * {@link io.github.connectedcar.exception.CommandNotSupportedException}, or the errors of
 * {@link io.github.connectedcar.command.CommandFlux}. It waits at most the command's timeout plus
 * {@link CommandOptions#blockingMargin()} (then {@link io.github.connectedcar.exception.OperationTimeoutException}; the
 * command may still complete). Do not call it on a reactive event loop.
 */
public final class VehicleClient {
    private final VehicleAsyncClient async;
    private final Duration timeout;

    VehicleClient(VehicleAsyncClient async, Duration timeout) {
        this.async = async;
        this.timeout = timeout;
    }

    public String vin() {
        return async.vin();
    }

    /** The car's status; see {@link VehicleAsyncClient#status()}. */
    public VehicleStatus status() {
        return Blocking.await(async.status(), timeout, "the status of " + async.vin());
    }

    /** The car's recent charging sessions, newest first; see {@link VehicleAsyncClient#chargingSessions()}. */
    public List<ChargingSession> chargingSessions() {
        return Blocking.await(async.chargingSessions().collectList(), timeout, "the charging sessions of " + async.vin());
    }

    /** What the car can do; see {@link VehicleAsyncClient#capabilities()}. */
    public Set<Capability> capabilities() {
        return Blocking.await(async.capabilities(), timeout, "the capabilities of " + async.vin());
    }

    /** The car's model, engine and capabilities; see {@link VehicleAsyncClient#details()}. */
    public Vehicle details() {
        return Blocking.await(async.details(), timeout, "the details of " + async.vin());
    }

    /** A copy whose commands use these options; see {@link VehicleAsyncClient#withCommandOptions}. */
    public VehicleClient withCommandOptions(CommandOptions options) {
        return new VehicleClient(async.withCommandOptions(options), timeout);
    }

    /** Remote start, followed to its end; see {@link VehicleAsyncClient#start()}. */
    public CommandResult start() {
        return await(async.start());
    }

    /** Cancels a remote start; see {@link VehicleAsyncClient#stop()}. */
    public CommandResult stop() {
        return await(async.stop());
    }

    /** Locks the doors; see {@link VehicleAsyncClient#lock()}. */
    public CommandResult lock() {
        return await(async.lock());
    }

    /** Unlocks the doors; see {@link VehicleAsyncClient#unlock()}. */
    public CommandResult unlock() {
        return await(async.unlock());
    }

    /** Asks the car for fresh status (at most every 15 minutes); see {@link VehicleAsyncClient#refreshStatus()}. */
    public CommandResult refreshStatus() {
        return await(async.refreshStatus());
    }

    /** Honks and flashes; see {@link VehicleAsyncClient#honk(HonkDuration)}. */
    public CommandResult honk(HonkDuration duration) {
        return await(async.honk(duration));
    }

    /**
     * Honks and flashes for 1, 3 or 5 seconds; see {@link VehicleAsyncClient#honk(int)}.
     *
     * @throws IllegalArgumentException for any other number of seconds (nothing sent)
     */
    public CommandResult honk(int seconds) {
        return await(async.honk(seconds));
    }

    /** Starts charging; see {@link VehicleAsyncClient#startCharging()}. */
    public CommandResult startCharging() {
        return await(async.startCharging());
    }

    /** Stops charging; see {@link VehicleAsyncClient#stopCharging()}. */
    public CommandResult stopCharging() {
        return await(async.stopCharging());
    }

    /** Pauses charging; see {@link VehicleAsyncClient#pauseCharging()}. */
    public CommandResult pauseCharging() {
        return await(async.pauseCharging());
    }

    /** Changes charge settings; see {@link VehicleAsyncClient#updateChargeSettings(ChargeSettings)}. */
    public CommandResult updateChargeSettings(ChargeSettings settings) {
        return await(async.updateChargeSettings(settings));
    }

    /** Turns the departure-time schedule on; see {@link VehicleAsyncClient#enableDepartureTimes()}. */
    public CommandResult enableDepartureTimes() {
        return await(async.enableDepartureTimes());
    }

    /** Turns the departure-time schedule off; see {@link VehicleAsyncClient#disableDepartureTimes()}. */
    public CommandResult disableDepartureTimes() {
        return await(async.disableDepartureTimes());
    }

    /** Replaces the whole departure schedule; see {@link VehicleAsyncClient#updateDepartureTimes}. */
    public CommandResult updateDepartureTimes(DepartureSchedule schedule) {
        return await(async.updateDepartureTimes(schedule));
    }

    /** Automatic software updates on or off; see {@link VehicleAsyncClient#setAutomaticSoftwareUpdates(boolean)}. */
    public CommandResult setAutomaticSoftwareUpdates(boolean enabled) {
        return await(async.setAutomaticSoftwareUpdates(enabled));
    }

    /** Starts the trailer light check; see {@link VehicleAsyncClient#startTrailerLightCheck()}. */
    public CommandResult startTrailerLightCheck() {
        return await(async.startTrailerLightCheck());
    }

    /** Stops the trailer light check; see {@link VehicleAsyncClient#stopTrailerLightCheck()}. */
    public CommandResult stopTrailerLightCheck() {
        return await(async.stopTrailerLightCheck());
    }

    /** Guard mode's state; see {@link VehicleAsyncClient#guardModeStatus()}. */
    public GuardModeStatus guardModeStatus() {
        return Blocking.await(async.guardModeStatus(), timeout, "the guard mode of " + async.vin());
    }

    /** Enables guard mode; see {@link VehicleAsyncClient#enableGuardMode()}. */
    public ActionResult enableGuardMode() {
        return Blocking.await(async.enableGuardMode(), timeout, "enabling guard mode of " + async.vin());
    }

    /** Disables guard mode; see {@link VehicleAsyncClient#disableGuardMode()}. */
    public ActionResult disableGuardMode() {
        return Blocking.await(async.disableGuardMode(), timeout, "disabling guard mode of " + async.vin());
    }

    /** Zone lighting on; see {@link VehicleAsyncClient#zoneLightingOn(LightingZone)}. */
    public ActionResult zoneLightingOn(LightingZone zone) {
        return Blocking.await(async.zoneLightingOn(zone), timeout, "zone lighting of " + async.vin());
    }

    /** Zone lighting off; see {@link VehicleAsyncClient#zoneLightingOff()}. */
    public ActionResult zoneLightingOff() {
        return Blocking.await(async.zoneLightingOff(), timeout, "zone lighting of " + async.vin());
    }

    /** Selects the lit zone; see {@link VehicleAsyncClient#selectLightingZone(LightingZone)}. */
    public ActionResult selectLightingZone(LightingZone zone) {
        return Blocking.await(async.selectLightingZone(zone), timeout, "zone lighting of " + async.vin());
    }

    /**
     * Selects the lit zone by Ford's number; see {@link VehicleAsyncClient#selectLightingZone(int)}.
     *
     * @throws IllegalArgumentException unless {@code zone} is 0 to 4 (nothing sent)
     */
    public ActionResult selectLightingZone(int zone) {
        return Blocking.await(async.selectLightingZone(zone), timeout, "zone lighting of " + async.vin());
    }

    /** Replaces the remote climate profile; see {@link VehicleAsyncClient#updateClimateProfile(ClimateProfile)}. */
    public ActionResult updateClimateProfile(ClimateProfile profile) {
        return Blocking.await(async.updateClimateProfile(profile), timeout, "the climate profile of "
            + async.vin());
    }

    private CommandResult await(CommandFlux command) {
        return Blocking.await(command.result(), async.commandOptions().blockingTimeoutFor(command.commandType()),
            command.commandType() + " for " + async.vin());
    }

    /** The reactive client behind this one. */
    public VehicleAsyncClient async() {
        return async;
    }
}
