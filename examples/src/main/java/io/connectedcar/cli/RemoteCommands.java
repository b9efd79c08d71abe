package io.connectedcar.cli;

import io.connectedcar.ConnectedCarClient;
import io.connectedcar.VehicleAsyncClient;
import io.connectedcar.command.CommandFlux;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The car commands: each is sent once and followed to its end with live progress. */
final class RemoteCommands {
    private RemoteCommands() {
    }

    /** One command on one car. */
    abstract static class VehicleCommand extends CliCommand {
        @Parameters(paramLabel = "VIN", description = "The car's VIN (see: connectedcar vehicles).")
        String vin;

        @Override
        int run(ConnectedCarClient client) {
            VehicleAsyncClient car = client.vehicle(vin).async();
            new CommandRunner(terminal, global.json).follow(label() + " " + vin, command().apply(car));
            return ExitCode.OK;
        }

        abstract String label();

        abstract Function<VehicleAsyncClient, CommandFlux> command();
    }

    @Command(name = "start", description = "Remote start (again to extend).")
    static final class Start extends VehicleCommand {
        String label() {
            return "Remote start";
        }

        Function<VehicleAsyncClient, CommandFlux> command() {
            return VehicleAsyncClient::start;
        }
    }

    @Command(name = "stop", description = "Cancel a remote start.")
    static final class Stop extends VehicleCommand {
        String label() {
            return "Cancel remote start";
        }

        Function<VehicleAsyncClient, CommandFlux> command() {
            return VehicleAsyncClient::stop;
        }
    }

    @Command(name = "lock", description = "Lock the doors.")
    static final class Lock extends VehicleCommand {
        String label() {
            return "Lock";
        }

        Function<VehicleAsyncClient, CommandFlux> command() {
            return VehicleAsyncClient::lock;
        }
    }

    @Command(name = "unlock", description = "Unlock the doors.")
    static final class Unlock extends VehicleCommand {
        String label() {
            return "Unlock";
        }

        Function<VehicleAsyncClient, CommandFlux> command() {
            return VehicleAsyncClient::unlock;
        }
    }

    @Command(name = "honk", description = "Honk the horn and flash the lights.")
    static final class Honk extends VehicleCommand {
        @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "3",
            description = "1, 3 or 5 (default: ${DEFAULT-VALUE}).")
        int seconds;

        String label() {
            return "Honk and flash";
        }

        Function<VehicleAsyncClient, CommandFlux> command() {
            return car -> car.honk(seconds);
        }
    }

    @Command(name = "refresh", description = "Ask the car for fresh status (wakes its modem: drains the 12 V battery; "
        + "at most once per 15 minutes).")
    static final class Refresh extends VehicleCommand {
        String label() {
            return "Status refresh";
        }

        Function<VehicleAsyncClient, CommandFlux> command() {
            return VehicleAsyncClient::refreshStatus;
        }
    }

    @Command(name = "charge", description = "Start, stop or pause charging.",
        subcommands = {ChargeStart.class, ChargeStop.class, ChargePause.class})
    static final class Charge {
    }

    @Command(name = "start", description = "Start charging.")
    static final class ChargeStart extends VehicleCommand {
        String label() {
            return "Start charging";
        }

        Function<VehicleAsyncClient, CommandFlux> command() {
            return VehicleAsyncClient::startCharging;
        }
    }

    @Command(name = "stop", description = "Stop charging.")
    static final class ChargeStop extends VehicleCommand {
        String label() {
            return "Stop charging";
        }

        Function<VehicleAsyncClient, CommandFlux> command() {
            return VehicleAsyncClient::stopCharging;
        }
    }

    @Command(name = "pause", description = "Pause charging.")
    static final class ChargePause extends VehicleCommand {
        String label() {
            return "Pause charging";
        }

        Function<VehicleAsyncClient, CommandFlux> command() {
            return VehicleAsyncClient::pauseCharging;
        }
    }

    @Command(name = "guard", description = "Guard mode: on, off or status.",
        subcommands = {GuardOn.class, GuardOff.class, GuardStatus.class})
    static final class Guard {
    }

    @Command(name = "on", description = "Turn guard mode on.")
    static final class GuardOn extends CliCommand {
        @Parameters(paramLabel = "VIN", description = "The car's VIN.")
        String vin;

        @Override
        int run(ConnectedCarClient client) {
            new CommandRunner(terminal, global.json).print("Guard mode on " + vin,
                client.vehicle(vin).enableGuardMode());
            return ExitCode.OK;
        }
    }

    @Command(name = "off", description = "Turn guard mode off.")
    static final class GuardOff extends CliCommand {
        @Parameters(paramLabel = "VIN", description = "The car's VIN.")
        String vin;

        @Override
        int run(ConnectedCarClient client) {
            new CommandRunner(terminal, global.json).print("Guard mode off " + vin,
                client.vehicle(vin).disableGuardMode());
            return ExitCode.OK;
        }
    }

    @Command(name = "status", description = "Show whether guard mode is on.")
    static final class GuardStatus extends CliCommand {
        @Parameters(paramLabel = "VIN", description = "The car's VIN.")
        String vin;

        @Override
        int run(ConnectedCarClient client) {
            new CommandRunner(terminal, global.json).print("Guard mode of " + vin,
                client.vehicle(vin).guardModeStatus());
            return ExitCode.OK;
        }
    }
}
