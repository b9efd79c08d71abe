package io.github.connectedcar.cli;

import io.github.connectedcar.VehicleAsyncClient;
import io.github.connectedcar.command.CommandFlux;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Turns the car's automatic software updates on or off. */
@Command(name = "software-updates", description = "Turn the car's automatic software updates on or off.")
final class SoftwareUpdatesCommand extends RemoteCommands.VehicleCommand {
    @Parameters(index = "1", paramLabel = "on|off", converter = RemoteCommands.OnOff.class,
        description = "on or off.")
    boolean enabled;

    SoftwareUpdatesCommand() {
        super("Automatic software updates");
    }

    @Override
    CommandFlux send(VehicleAsyncClient car) {
        return car.setAutomaticSoftwareUpdates(enabled);
    }
}
