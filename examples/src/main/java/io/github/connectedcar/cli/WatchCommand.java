package io.github.connectedcar.cli;

import io.github.connectedcar.ConnectedCarClient;
import io.github.connectedcar.exception.OperationTimeoutException;
import io.github.connectedcar.model.VehicleStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Prints a car's status changes as they happen, until interrupted. */
@Command(name = "watch", description = "Print a car's status changes as they happen (Ctrl-C to stop).")
final class WatchCommand extends ClientCommand {
    @Parameters(paramLabel = "VIN", description = "The car's VIN.")
    String vin;

    @Override
    int run(ConnectedCarClient client) {
        AtomicReference<List<List<String>>> previous = new AtomicReference<>();
        terminal.note("Watching " + vin + " (Ctrl-C to stop) ...");
        // The first status must come within the wait limit; after it the stream runs until Ctrl-C, reopening a silent
        // socket by itself and polling when it cannot, so a later silence means the car has nothing new to say.
        Duration limit = global.waitLimit();
        client.vehicle(vin).async().statusUpdates()
            .timeout(Mono.delay(limit), status -> Mono.never(), Flux.error(() -> new OperationTimeoutException(
                "Gave up waiting for the first status of " + vin + " after " + limit.toSeconds() + " s.", limit)))
            .doOnNext(status -> show(status, previous))
            .blockLast();
        return ExitCode.OK;
    }

    private void show(VehicleStatus status, AtomicReference<List<List<String>>> previous) {
        if (global.json) {
            terminal.line(StatusView.JSON.writeValueAsString(StatusView.json(status)));
            return;
        }
        List<List<String>> rows = StatusView.rows(status);
        List<List<String>> before = previous.getAndSet(rows);
        if (before == null) {
            StatusCommand.print(terminal, vin, status);
            return;
        }
        // After the first table, print only what changed.
        for (List<String> row : rows) {
            boolean changed = before.stream().noneMatch(old -> old.get(0).equals(row.get(0))
                && old.get(1).equals(row.get(1)));
            if (changed) {
                terminal.line(terminal.dim(row.get(2)) + "  " + terminal.bold(row.get(0)) + ": " + row.get(1));
            }
        }
    }
}
