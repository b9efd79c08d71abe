package io.github.connectedcar.simulator.internal.vehicle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.connectedcar.simulator.command.CommandTimings;
import io.github.connectedcar.simulator.internal.command.CommandRecord;
import io.github.connectedcar.simulator.internal.command.CommandState;
import io.github.connectedcar.simulator.internal.command.CommandType;
import io.github.connectedcar.simulator.vehicle.Door;
import io.github.connectedcar.simulator.vehicle.EngineType;
import tools.jackson.databind.JsonNode;

import static io.github.connectedcar.simulator.internal.vehicle.MetricNames.*;

/**
 * The commands sent to one car. Each is queued, received (unless the modem sleeps: then it expires) and completed
 * over simulated time; on completion it is executed against the car's parts and succeeds or fails as the car would.
 * Every step shows under telemetry {@code states}. Not thread-safe.
 */
public final class CommandExecution {

    /** 12 V state of charge a status refresh costs: waking the modem drains the battery (docs/ford-api.md §7). */
    static final double STATUS_REFRESH_12V_COST = 0.3;

    private final SimulatedVehicle car;
    private final CommandTimings timings;
    private final Timeline timeline;
    private final ChangeTracker changes;
    private final Map<String, CommandRecord> byId = new HashMap<>();
    private final Map<String, CommandRecord> latestByStateKey = new LinkedHashMap<>();

    /** The outcome of executing a command on the car. */
    private record Outcome(boolean success, String oemErrorCode, String oemErrorContext, List<String> metrics) {
        static Outcome succeeded(String... metrics) {
            return new Outcome(true, null, null, List.of(metrics));
        }

        static Outcome failed(String code, String context) {
            return new Outcome(false, code, context, List.of());
        }
    }

    CommandExecution(SimulatedVehicle car, CommandTimings timings) {
        this.car = car;
        this.timings = timings;
        this.timeline = car.timeline();
        this.changes = car.changes();
    }

    /**
     * Accepts a command; its progress then shows in telemetry over simulated time. A sleeping car never receives
     * it and the command expires.
     */
    public void submit(CommandRecord command) {
        byId.put(command.id(), command);
        boolean refresh = command.type() == CommandType.STATUS_REFRESH;
        Duration received = refresh ? timings.statusRefreshReceived() : timings.receivedByDevice();
        Duration completed = refresh ? timings.statusRefreshCompleted() : timings.completed();
        Instant created = command.createdAt();
        timeline.at(created.plus(timings.queued()), () -> transition(command, CommandState.REQUEST_QUEUED,
            "Command queued for delivery to the vehicle"));
        timeline.at(created.plus(received), () -> {
            if (car.body().deepSleep()) {
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
        return Optional.ofNullable(byId.get(id));
    }

    /** The latest command of each kind that has shown progress, by its key under telemetry {@code states}. */
    Map<String, CommandRecord> latestByStateKey() {
        return Collections.unmodifiableMap(latestByStateKey);
    }

    /** {@code type:id} of every command not yet ended. */
    List<String> pending() {
        List<String> pending = new ArrayList<>();
        byId.values().stream().filter(c -> c.state() == null || !c.state().isTerminal())
            .forEach(c -> pending.add(c.type().wireName() + ":" + c.id()));
        return pending;
    }

    private void transition(CommandRecord command, CommandState state, String message) {
        command.moveTo(state, timeline.now(), message);
        latestByStateKey.put(command.type().stateKey(), command);
        changes.stateChanged(command.type().stateKey());
    }

    private void complete(CommandRecord command) {
        car.settle();
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
        Body body = car.body();
        Charging charging = car.charging();
        Settings settings = car.settings();
        return switch (command.type()) {
            case REMOTE_START -> executeRemoteStart(command);
            case CANCEL_REMOTE_START -> {
                car.remoteStart().end();
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
                car.reportEverything();
                yield Outcome.succeeded(ODOMETER, DOOR_LOCK_STATUS, DOOR_STATUS, IGNITION_STATUS,
                    BATTERY_STATE_OF_CHARGE);
            }
            case START_PANIC_CUE -> {
                body.soundPanic(properties == null ? 1 : properties.path("duration").asInt(1));
                yield Outcome.succeeded(PANIC_ALARM_STATUS);
            }
            case START_TRAILER_LIGHT_CHECK, STOP_TRAILER_LIGHT_CHECK -> Outcome.succeeded();
            case START_GLOBAL_CHARGE -> {
                if (!charging.isPluggedIn()) {
                    yield Outcome.failed("NOT_PLUGGED_IN", "Cannot start charging: no charger connected");
                }
                charging.start();
                yield Outcome.succeeded(XEV_PLUG_CHARGER_STATUS, XEV_BATTERY_CHARGE_DISPLAY_STATUS);
            }
            case PAUSE_GLOBAL_CHARGE -> {
                charging.stop("PAUSED");
                yield Outcome.succeeded(XEV_PLUG_CHARGER_STATUS, XEV_BATTERY_CHARGE_DISPLAY_STATUS);
            }
            case CANCEL_GLOBAL_CHARGE -> {
                charging.stop("STOPPED");
                yield Outcome.succeeded(XEV_PLUG_CHARGER_STATUS, XEV_BATTERY_CHARGE_DISPLAY_STATUS);
            }
            case UPDATE_CHARGE_SETTINGS -> {
                JsonNode update = properties == null ? null : properties.path("chargeSettings");
                if (update != null && update.isObject()) {
                    settings.updateChargeSettings(update);
                    if (update.path("globalTargetSoc").isNumber()) {
                        charging.setTargetStateOfCharge(update.path("globalTargetSoc").asDouble());
                    }
                }
                changes.touch(CONFIGURATIONS);
                yield Outcome.succeeded(CONFIGURATIONS);
            }
            case ENABLE_DEPARTURE_TIMES, DISABLE_DEPARTURE_TIMES -> {
                settings.setDepartureTimesEnabled(command.type() == CommandType.ENABLE_DEPARTURE_TIMES);
                changes.touch(XEV_DEPARTURE_SCHEDULES);
                yield Outcome.succeeded(XEV_DEPARTURE_SCHEDULES);
            }
            case UPDATE_DEPARTURE_TIMES -> {
                settings.setDepartureSchedule(properties == null ? null : properties.deepCopy());
                changes.touch(XEV_DEPARTURE_SCHEDULES);
                yield Outcome.succeeded(XEV_DEPARTURE_SCHEDULES);
            }
            case PUBLISH_ASU_SETTINGS -> {
                settings.setAsuState(properties.path("ASUState").asString());
                changes.touch(CONFIGURATIONS);
                yield Outcome.succeeded(CONFIGURATIONS);
            }
        };
    }

    private Outcome executeRemoteStart(CommandRecord command) {
        if (car.body().hoodOpen()) {
            return Outcome.failed("HOOD_OPEN", "Cannot remote start: hood open");
        }
        if (car.driving().isMoving()) {
            return Outcome.failed("IGNITION_ON", "Cannot remote start: vehicle is being driven");
        }
        if (car.spec().engineType() == EngineType.ICE && car.driving().fuelLevelPercent() < 5) {
            return Outcome.failed("LOW_FUEL", "Cannot remote start: fuel level too low");
        }
        car.remoteStart().begin(command.id());
        return Outcome.succeeded(REMOTE_START_COUNTDOWN_TIMER, IGNITION_STATUS, ALARM_STATUS);
    }
}
