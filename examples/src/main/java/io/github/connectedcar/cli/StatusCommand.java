package io.github.connectedcar.cli;

import io.github.connectedcar.ConnectedCarClient;
import io.github.connectedcar.model.VehicleStatus;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Shows a car's status as last reported to Ford's cloud (does not wake the car). */
@Command(name = "status", description = "Show a car's status (does not wake the car).")
final class StatusCommand extends ClientCommand {
    @Parameters(paramLabel = "VIN", description = "The car's VIN (see: connectedcar vehicles).")
    String vin;

    @Override
    int run(ConnectedCarClient client) {
        VehicleStatus status = client.vehicle(vin).status();
        if (global.json) {
            printJson(StatusView.json(status));
        } else {
            print(terminal, vin, status);
        }
        return ExitCode.OK;
    }

    static void print(Terminal terminal, String vin, VehicleStatus status) {
        terminal.line(terminal.bold(vin) + status.updateTime().map(t -> terminal.dim("  as of "
            + StatusView.when(t))).orElse(""));
        terminal.table(List.of("WHAT", "VALUE", "MEASURED"), StatusView.rows(status));
    }
}
