package io.github.connectedcar.cli;

import io.github.connectedcar.VehicleAsyncClient;
import picocli.CommandLine.Command;

/** The trailer light check: the pickup flashes the trailer's lights one after another so one person can check them. */
final class TrailerLightCheckCommands {
    private TrailerLightCheckCommands() {
    }

    @Command(name = "trailer-light-check", description = "The trailer light check: start or stop.",
        subcommands = {Start.class, Stop.class})
    static final class TrailerLightCheck extends CommandGroup {
    }

    @Command(name = "start", description = "Start the trailer light check.")
    static final class Start extends RemoteCommands.VehicleCommand {
        Start() {
            super("Start trailer light check", VehicleAsyncClient::startTrailerLightCheck);
        }
    }

    @Command(name = "stop", description = "Stop the trailer light check.")
    static final class Stop extends RemoteCommands.VehicleCommand {
        Stop() {
            super("Stop trailer light check", VehicleAsyncClient::stopTrailerLightCheck);
        }
    }
}
