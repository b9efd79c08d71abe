package io.connectedcar.cli;

import io.connectedcar.ConnectedCarClient;
import io.connectedcar.VehicleAsyncClient;
import io.connectedcar.VehicleClient;
import io.connectedcar.command.ActionResult;
import io.connectedcar.command.CommandFlux;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The car commands: each is sent once and followed to its end with live progress. */
final class RemoteCommands {
    private RemoteCommands() {
    }

    /** One command on one car, followed to its end. */
    abstract static class VehicleCommand extends ClientCommand {
        @Parameters(paramLabel = "VIN", description = "The car's VIN (see: connectedcar vehicles).")
        String vin;

        private final String label;
        private final Function<VehicleAsyncClient, CommandFlux> command;

        VehicleCommand(String label, Function<VehicleAsyncClient, CommandFlux> command) {
            this.label = label;
            this.command = command;
        }

        /** For commands whose arguments come from options: they override {@link #send}. */
        VehicleCommand(String label) {
            this(label, null);
        }

        CommandFlux send(VehicleAsyncClient car) {
            return command.apply(car);
        }

        @Override
        int run(ConnectedCarClient client) {
            VehicleAsyncClient car = client.vehicle(vin).async();
            new CommandRunner(terminal, global.json).follow(label + " " + vin, send(car), car.commandOptions());
            return ExitCode.OK;
        }
    }

    /** One Ford-host action on one car: a single call, no command to follow. */
    abstract static class VehicleAction extends ClientCommand {
        @Parameters(paramLabel = "VIN", description = "The car's VIN.")
        String vin;

        private final String label;
        private final Function<VehicleClient, ActionResult> action;

        VehicleAction(String label, Function<VehicleClient, ActionResult> action) {
            this.label = label;
            this.action = action;
        }

        @Override
        int run(ConnectedCarClient client) {
            new CommandRunner(terminal, global.json).print(label + " " + vin, action.apply(client.vehicle(vin)));
            return ExitCode.OK;
        }
    }

    @Command(name = "start", description = "Remote start (again to extend).")
    static final class Start extends VehicleCommand {
        Start() {
            super("Remote start", VehicleAsyncClient::start);
        }
    }

    @Command(name = "stop", description = "Cancel a remote start.")
    static final class Stop extends VehicleCommand {
        Stop() {
            super("Cancel remote start", VehicleAsyncClient::stop);
        }
    }

    @Command(name = "lock", description = "Lock the doors.")
    static final class Lock extends VehicleCommand {
        Lock() {
            super("Lock", VehicleAsyncClient::lock);
        }
    }

    @Command(name = "unlock", description = "Unlock the doors.")
    static final class Unlock extends VehicleCommand {
        Unlock() {
            super("Unlock", VehicleAsyncClient::unlock);
        }
    }

    @Command(name = "honk", description = "Honk the horn and flash the lights.")
    static final class Honk extends VehicleCommand {
        @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "3",
            description = "1, 3 or 5 (default: ${DEFAULT-VALUE}).")
        int seconds;

        Honk() {
            super("Honk and flash");
        }

        @Override
        CommandFlux send(VehicleAsyncClient car) {
            return car.honk(seconds);
        }
    }

    @Command(name = "refresh", description = "Ask the car for fresh status (wakes its modem: drains the 12 V battery; "
        + "at most once per 15 minutes).")
    static final class Refresh extends VehicleCommand {
        Refresh() {
            super("Status refresh", VehicleAsyncClient::refreshStatus);
        }
    }

    @Command(name = "charge", description = "Start, stop or pause charging; list past sessions.",
        subcommands = {ChargeStart.class, ChargeStop.class, ChargePause.class, ChargeHistoryCommand.class})
    static final class Charge {
    }

    @Command(name = "start", description = "Start charging.")
    static final class ChargeStart extends VehicleCommand {
        ChargeStart() {
            super("Start charging", VehicleAsyncClient::startCharging);
        }
    }

    @Command(name = "stop", description = "Stop charging.")
    static final class ChargeStop extends VehicleCommand {
        ChargeStop() {
            super("Stop charging", VehicleAsyncClient::stopCharging);
        }
    }

    @Command(name = "pause", description = "Pause charging.")
    static final class ChargePause extends VehicleCommand {
        ChargePause() {
            super("Pause charging", VehicleAsyncClient::pauseCharging);
        }
    }

    @Command(name = "guard", description = "Guard mode: on, off or status.",
        subcommands = {GuardOn.class, GuardOff.class, GuardStatus.class})
    static final class Guard {
    }

    @Command(name = "on", description = "Turn guard mode on.")
    static final class GuardOn extends VehicleAction {
        GuardOn() {
            super("Guard mode on", VehicleClient::enableGuardMode);
        }
    }

    @Command(name = "off", description = "Turn guard mode off.")
    static final class GuardOff extends VehicleAction {
        GuardOff() {
            super("Guard mode off", VehicleClient::disableGuardMode);
        }
    }

    @Command(name = "status", description = "Show whether guard mode is on.")
    static final class GuardStatus extends VehicleAction {
        GuardStatus() {
            super("Guard mode of", VehicleClient::guardModeStatus);
        }
    }
}
