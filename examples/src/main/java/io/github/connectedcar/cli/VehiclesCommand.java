package io.github.connectedcar.cli;

import io.github.connectedcar.ConnectedCarClient;
import io.github.connectedcar.model.Vehicle;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;

/** Lists the account's vehicles. */
@Command(name = "vehicles", description = "List the account's vehicles and what they can do.")
final class VehiclesCommand extends ClientCommand {
    @Override
    int run(ConnectedCarClient client) {
        List<Vehicle> vehicles = client.vehicles();
        if (global.json) {
            var array = StatusView.JSON.createArrayNode();
            vehicles.forEach(v -> array.add(StatusView.json(v)));
            printJson(array);
            return ExitCode.OK;
        }
        if (vehicles.isEmpty()) {
            terminal.line("The account has no vehicles.");
            return ExitCode.OK;
        }
        terminal.table(List.of("VIN", "NAME", "MODEL", "ENGINE", "CAN"), vehicles.stream().map(v -> List.of(
            v.vin(),
            v.nickname().orElse(""),
            v.modelName().orElse("") + (v.modelYear().isPresent() ? " " + v.modelYear().getAsInt() : ""),
            v.engineType().toString(),
            v.capabilities().stream().map(Object::toString).sorted().collect(Collectors.joining(", "))))
            .toList());
        return ExitCode.OK;
    }
}
