package io.github.connectedcar;

import io.github.connectedcar.command.ActionResult;
import io.github.connectedcar.command.ChargeSettings;
import io.github.connectedcar.command.ClimateProfile;
import io.github.connectedcar.command.CommandFlux;
import io.github.connectedcar.command.CommandOptions;
import io.github.connectedcar.command.DepartureSchedule;
import io.github.connectedcar.command.GuardModeStatus;
import io.github.connectedcar.command.HonkDuration;
import io.github.connectedcar.command.LightingZone;
import io.github.connectedcar.command.internal.CommandBodies;
import io.github.connectedcar.exception.ServiceException;
import io.github.connectedcar.exception.VehicleNotFoundException;
import io.github.connectedcar.ford.internal.FordApi.CommandType;
import io.github.connectedcar.ford.internal.FordApi.Commands;
import io.github.connectedcar.ford.internal.FordApi;
import io.github.connectedcar.model.Capability;
import io.github.connectedcar.model.ChargingSession;
import io.github.connectedcar.model.Vehicle;
import io.github.connectedcar.model.VehicleStatus;
import io.github.connectedcar.status.StatusStreamOptions;
import java.util.Objects;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reactive client of one car. Every method returns a lazy publisher: nothing is sent until subscription, and
 * each subscription is a new call (and counts against the account's daily budget at Ford).
 *
 * <p><b>Commands</b> ({@link #lock()}, {@link #start()}, ...) return a {@link CommandFlux}: subscribing sends the
 * command once (never twice, however many subscribers) and follows it to its end; its {@link CommandFlux#result()}
 * gives the final outcome as a {@code Mono}. Argument errors throw {@link IllegalArgumentException} at call time;
 * every other error arrives as a signal (see {@link CommandFlux}). Before sending, a command checks the car's
 * capability in the account's vehicle list (kept for an hour) and refuses an unsupported one with
 * {@link io.github.connectedcar.exception.CommandNotSupportedException}; {@link #withCommandOptions(CommandOptions)} changes
 * that and the following's timing for some calls. A command is followed by push when it can: with the car's
 * {@link #statusUpdates()} open, its states arrive over that websocket and no telemetry is polled; otherwise (with
 * websockets on) it listens on a socket of its own while it is followed, and polls only when no push is to be had.
 *
 * <p><b>Ford-host actions</b> (guard mode, zone lighting, climate profile) have no command id to follow: they return
 * a {@code Mono} of the single answer ({@link ActionResult}).
 */
public final class VehicleAsyncClient {
    private final String vin;
    private final ClientContext context;
    private final CommandOptions commandOptions;

    VehicleAsyncClient(String vin, ClientContext context, CommandOptions commandOptions) {
        this.vin = vin;
        this.context = context;
        this.commandOptions = commandOptions;
    }

    public String vin() {
        return vin;
    }

    /**
     * The car's status as last reported to Ford's cloud (one telemetry call; does not wake the car). Lazy.
     *
     * @throws VehicleNotFoundException (as an error signal) when the account has no such car
     * @throws io.github.connectedcar.exception.AuthenticationRequiredException (as an error signal) without a usable login
     * @throws ServiceException (as an error signal) when Ford answers with an error
     * @throws io.github.connectedcar.exception.DecodeException (as an error signal) when the answer is not telemetry JSON
     */
    public Mono<VehicleStatus> status() {
        return context.calls().status(vin)
            .onErrorMap(this::notFound);
    }

    /**
     * The car's status as a stream: the current status first, then every change as Ford's cloud pushes it over a
     * websocket (or, when the socket cannot be kept open, as polling finds it every
     * {@link StatusStreamOptions#pollInterval()}). Never wakes the car. Lazy and shared: the first subscriber opens
     * one socket for all, a later subscriber gets the latest status at once, and the socket closes when the last
     * one cancels. A subscriber that asks for fewer statuses than come gets the latest one when it asks again, never
     * a backlog (each status is the car's whole state). The stream does not complete by itself; a WebFlux service
     * can return it as server-sent events.
     *
     * @throws io.github.connectedcar.exception.AuthenticationRequiredException (as an error signal, ending the stream) when
     *         the login is lost
     * @throws VehicleNotFoundException (as an error signal) when the account has no such car
     * @throws io.github.connectedcar.exception.ConnectedCarException (as an error signal, ending the stream) when the first
     *         status read fails after its retries, for example a {@link ServiceException}, a
     *         {@link io.github.connectedcar.http.TransportException} or a
     *         {@link io.github.connectedcar.exception.RateLimitedException}; later failures only make the stream reopen its
     *         socket or fall back to polling. Subscribing again starts a new stream.
     */
    public Flux<VehicleStatus> statusUpdates() {
        return context.statusStreams().of(vin).onErrorMap(this::notFound);
    }

    /**
     * The car's recent charging sessions from Ford's energy-transfer log, newest first: start, end, energy, location,
     * charger type (one call to Ford's electrification service, asking for the last 20). Lazy; each subscription is a
     * new call. A car that never charged (or has no charge port) has none.
     *
     * @throws io.github.connectedcar.exception.AuthenticationRequiredException (as an error signal) without a usable login
     * @throws ServiceException (as an error signal) when Ford answers with an error
     * @throws io.github.connectedcar.exception.DecodeException (as an error signal) when the answer is not the log's JSON
     */
    public Flux<ChargingSession> chargingSessions() {
        return chargingSessions(FordApi.ENERGY_TRANSFER_LOGS_DEFAULT_RECORDS);
    }

    /**
     * The car's last {@code maxRecords} charging sessions, newest first; see {@link #chargingSessions()}. Lazy.
     *
     * @throws IllegalArgumentException if {@code maxRecords} is not positive (at call time)
     */
    public Flux<ChargingSession> chargingSessions(int maxRecords) {
        if (maxRecords < 1) {
            throw new IllegalArgumentException("maxRecords must be at least 1, not " + maxRecords);
        }
        return context.calls().chargingSessions(vin, maxRecords);
    }

    /**
     * The car's entry in the account's vehicle list: model, engine type, capabilities. Lazy.
     *
     * @throws VehicleNotFoundException (as an error signal) when the account has no such car
     */
    public Mono<Vehicle> details() {
        return context.calls().vehicles()
            .filter(vehicle -> vin.equals(vehicle.vin()))
            .next()
            .switchIfEmpty(Mono.error(() -> new VehicleNotFoundException(vin, "The account has no vehicle with VIN "
                + vin + ". List its vehicles with vehicles().")));
    }

    /**
     * What the car can do, from the account's vehicle list (one call). Commands check these themselves; use this to
     * offer only what the car supports. Lazy.
     *
     * @throws VehicleNotFoundException (as an error signal) when the account has no such car
     */
    public Mono<Set<Capability>> capabilities() {
        return details().map(Vehicle::capabilities);
    }

    // --- commands ---------------------------------------------------------------------------------------------

    /**
     * A copy of this client whose commands use these options (timeouts, check intervals, capability check, status
     * refresh guard). Sends nothing.
     */
    public VehicleAsyncClient withCommandOptions(CommandOptions options) {
        return new VehicleAsyncClient(vin, context, Objects.requireNonNull(options, "options"));
    }

    /** The options this client's commands use. */
    public CommandOptions commandOptions() {
        return commandOptions;
    }

    /**
     * Remote start ({@code remoteStart}); sent again while the engine runs, it extends the run. Lazy: nothing is sent
     * until the returned flux (or its {@code result()}) is subscribed, and then only once.
     *
     * @return the command's progress and, through {@link CommandFlux#result()}, its outcome; errors as described
     *         there (for example {@link io.github.connectedcar.exception.CommandNotSupportedException} without
     *         {@code remoteStart})
     */
    public CommandFlux start() {
        return command(Commands.REMOTE_START, null);
    }

    /** Cancels a remote start ({@code cancelRemoteStart}). Lazy, sent once; see {@link #start()}. */
    public CommandFlux stop() {
        return command(Commands.CANCEL_REMOTE_START, null);
    }

    /** Locks the doors ({@code lock}). Lazy, sent once; see {@link #start()}. */
    public CommandFlux lock() {
        return command(Commands.LOCK, null);
    }

    /** Unlocks the doors ({@code unlock}). Lazy, sent once; see {@link #start()}. */
    public CommandFlux unlock() {
        return command(Commands.UNLOCK, null);
    }

    /**
     * Asks the car to report fresh status ({@code statusRefresh}): wakes its modem and drains its 12 V battery, so it
     * is allowed once per {@link CommandOptions#minStatusRefreshInterval()} (default 15 minutes) per car, and followed
     * for up to {@link CommandOptions#statusRefreshTimeout()}. Lazy, sent once; see {@link #start()}.
     *
     * @throws io.github.connectedcar.exception.RefreshTooSoonException (as an error signal, nothing sent) when the last
     *         refresh of this car through this client was too recent; it says when the next is allowed
     */
    public CommandFlux refreshStatus() {
        return command(Commands.STATUS_REFRESH, null);
    }

    /** Honks and flashes ({@code startPanicCue}). Lazy, sent once; see {@link #start()}. */
    public CommandFlux honk(HonkDuration duration) {
        return command(Commands.PANIC_CUE, CommandBodies.panic(Objects.requireNonNull(duration, "duration")));
    }

    /**
     * Honks and flashes for 1, 3 or 5 seconds. Lazy, sent once; see {@link #start()}.
     *
     * @throws IllegalArgumentException (at once) for any other number of seconds
     */
    public CommandFlux honk(int seconds) {
        return honk(HonkDuration.ofSeconds(seconds));
    }

    /** Starts charging ({@code startGlobalChargeCommand}, v1beta). Lazy, sent once; see {@link #start()}. */
    public CommandFlux startCharging() {
        return command(Commands.START_CHARGING, null);
    }

    /** Stops charging ({@code cancelGlobalChargeCommand}, v1beta). Lazy, sent once; see {@link #start()}. */
    public CommandFlux stopCharging() {
        return command(Commands.CANCEL_CHARGING, null);
    }

    /** Pauses charging ({@code pauseGlobalChargeCommand}, v1beta). Lazy, sent once; see {@link #start()}. */
    public CommandFlux pauseCharging() {
        return command(Commands.PAUSE_CHARGING, null);
    }

    /**
     * Changes charge settings ({@code updateChargeSettingsCommand}, v1beta); only the settings given are sent. Lazy,
     * sent once; see {@link #start()}. The settings are checked when built (see {@link ChargeSettings}).
     */
    public CommandFlux updateChargeSettings(ChargeSettings settings) {
        return command(Commands.UPDATE_CHARGE_SETTINGS,
            CommandBodies.chargeSettings(Objects.requireNonNull(settings, "settings")));
    }

    /** Turns the departure-time schedule on ({@code enableDepartureTimes}). Lazy, sent once; see {@link #start()}. */
    public CommandFlux enableDepartureTimes() {
        return command(Commands.ENABLE_DEPARTURE_TIMES, null);
    }

    /** Turns the departure-time schedule off ({@code disableDepartureTimes}). Lazy, sent once; see {@link #start()}. */
    public CommandFlux disableDepartureTimes() {
        return command(Commands.DISABLE_DEPARTURE_TIMES, null);
    }

    /**
     * Replaces the car's whole departure-time schedule with this one ({@code updateDepartureTimes}): departures left
     * out are deleted, {@link DepartureSchedule#empty()} deletes them all. Lazy, sent once; see {@link #start()}.
     */
    public CommandFlux updateDepartureTimes(DepartureSchedule schedule) {
        return command(Commands.UPDATE_DEPARTURE_TIMES,
            CommandBodies.departureSchedule(Objects.requireNonNull(schedule, "schedule")));
    }

    /**
     * Turns automatic software updates on or off ({@code publishASUSettingsCommand}). Lazy, sent once; see
     * {@link #start()}.
     */
    public CommandFlux setAutomaticSoftwareUpdates(boolean enabled) {
        return command(Commands.SOFTWARE_UPDATE_SETTINGS, CommandBodies.softwareUpdates(enabled));
    }

    /** Starts the trailer light check ({@code startTrailerLightCheck}). Lazy, sent once; see {@link #start()}. */
    public CommandFlux startTrailerLightCheck() {
        return command(Commands.START_TRAILER_LIGHT_CHECK, null);
    }

    /** Stops the trailer light check ({@code stopTrailerLightCheck}). Lazy, sent once; see {@link #start()}. */
    public CommandFlux stopTrailerLightCheck() {
        return command(Commands.STOP_TRAILER_LIGHT_CHECK, null);
    }

    private CommandFlux command(CommandType type, ObjectNode properties) {
        return context.commands().engine().send(vin, type, properties, commandOptions);
    }

    // --- Ford-host actions (no command id) ----------------------------------------------------------------------

    /**
     * Guard mode's state (one call to Ford's MPS service). Lazy; each subscription is a new call.
     *
     * @return the state ({@link GuardModeStatus#isOn()}, {@link GuardModeStatus#state()}) and Ford's whole answer
     *         ({@link GuardModeStatus#answer()})
     * @throws io.github.connectedcar.exception.CommandNotSupportedException (as an error signal) without {@code guardMode}
     * @throws io.github.connectedcar.exception.ServiceException (as an error signal) for an error status or returnCode
     */
    public Mono<GuardModeStatus> guardModeStatus() {
        return context.commands().actions().guardModeStatus(vin, commandOptions);
    }

    /**
     * Enables guard mode (one PUT). Lazy; each subscription sends it again.
     *
     * @return the answer; {@link ActionResult#isEnrollmentInProgress()} when Ford says enrollment is not finished
     *         (returnCode 300), which is not a failure
     * @throws io.github.connectedcar.exception.CommandNotSupportedException (as an error signal) without {@code guardMode}
     * @throws io.github.connectedcar.exception.CommandOutcomeUnknownException (as an error signal) when it may have reached
     *         Ford without an answer; it is not sent again
     * @throws io.github.connectedcar.exception.ServiceException (as an error signal) for an error status or returnCode
     */
    public Mono<ActionResult> enableGuardMode() {
        return context.commands().actions().guardMode(vin, FordApi.GUARD_MODE_ENABLE, commandOptions);
    }

    /**
     * Disables guard mode (one DELETE). Lazy; each subscription sends it again. Errors as {@link #enableGuardMode()};
     * returnCode 300 ("Enrollment is still in progress") gives {@link ActionResult.Outcome#ENROLLMENT_IN_PROGRESS}.
     */
    public Mono<ActionResult> disableGuardMode() {
        return context.commands().actions().guardMode(vin, FordApi.GUARD_MODE_DISABLE, commandOptions);
    }

    /**
     * Turns zone lighting on in a zone (two PUTs: activation, then the zone). Lazy; each subscription sends again.
     *
     * @throws io.github.connectedcar.exception.CommandNotSupportedException (as an error signal) without {@code zoneLighting}
     * @throws io.github.connectedcar.exception.CommandOutcomeUnknownException (as an error signal) when a call may have
     *         reached Ford without an answer; it is not sent again
     */
    public Mono<ActionResult> zoneLightingOn(LightingZone zone) {
        return context.commands().actions().zoneLightingOn(vin, Objects.requireNonNull(zone, "zone"),
            commandOptions);
    }

    /** Turns zone lighting off (a DELETE carrying the VIN). Lazy; errors as {@link #zoneLightingOn(LightingZone)}. */
    public Mono<ActionResult> zoneLightingOff() {
        return context.commands().actions().zoneLightingOff(vin, commandOptions);
    }

    /** Selects the lit zone (one PUT). Lazy; errors as {@link #zoneLightingOn(LightingZone)}. */
    public Mono<ActionResult> selectLightingZone(LightingZone zone) {
        return context.commands().actions().selectLightingZone(vin, Objects.requireNonNull(zone, "zone"),
            commandOptions);
    }

    /**
     * Selects the lit zone by Ford's number. Lazy; errors as {@link #zoneLightingOn(LightingZone)}.
     *
     * @throws IllegalArgumentException (at once) unless {@code zone} is 0 (all), 1 (front), 2 (rear), 3 (driver
     *         side) or 4 (passenger side)
     */
    public Mono<ActionResult> selectLightingZone(int zone) {
        return selectLightingZone(LightingZone.of(zone));
    }

    /**
     * Replaces the remote climate profile (one PUT); Ford answers {@code {"status":200}} when it took it. Lazy; each
     * subscription sends it again.
     *
     * @throws io.github.connectedcar.exception.CommandNotSupportedException (as an error signal) without
     *         {@code remoteClimateControl}
     * @throws io.github.connectedcar.exception.ServiceException (as an error signal) when Ford answers another status
     * @throws io.github.connectedcar.exception.CommandOutcomeUnknownException (as an error signal) when it may have reached
     *         Ford without an answer
     */
    public Mono<ActionResult> updateClimateProfile(ClimateProfile profile) {
        return context.commands().actions().updateClimateProfile(vin, Objects.requireNonNull(profile, "profile"),
            commandOptions);
    }

    /**
     * A 404 to this car's telemetry as the missing vehicle it means; a 404 of any other call (a token exchange, say)
     * says nothing about the car and is passed on as it is.
     */
    private Throwable notFound(Throwable error) {
        if (error instanceof ServiceException service && service.getStatus() == 404
            && FordApi.TELEMETRY.name().equals(service.getOperation())) {
            return new VehicleNotFoundException(vin, "Ford knows no vehicle " + vin + " on this account (HTTP 404 "
                + "from " + service.getOperation() + "). Check the VIN with vehicles().");
        }
        return error;
    }

    @Override
    public String toString() {
        return "VehicleAsyncClient[" + vin + "]";
    }
}
