package io.github.connectedcar.cli;

import io.github.connectedcar.ConnectedCarClient;
import io.github.connectedcar.model.ChargeLocation;
import io.github.connectedcar.model.ChargingSession;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Lists a car's recent charging sessions from Ford's energy-transfer log. */
@Command(name = "history", description = "List the car's recent charging sessions (newest first).")
final class ChargeHistoryCommand extends ClientCommand {
    @Parameters(paramLabel = "VIN", description = "The car's VIN (see: connectedcar vehicles).")
    String vin;

    @Override
    int run(ConnectedCarClient client) {
        List<ChargingSession> sessions = client.vehicle(vin).chargingSessions();
        if (global.json) {
            ArrayNode array = StatusView.JSON.createArrayNode();
            sessions.forEach(session -> array.add(json(session)));
            printJson(StatusView.JSON.createObjectNode().put("vin", vin).set("sessions", array));
            return ExitCode.OK;
        }
        if (sessions.isEmpty()) {
            terminal.line("No charging sessions for " + vin + ".");
            return ExitCode.OK;
        }
        terminal.table(List.of("START", "DURATION", "ENERGY", "CHARGER", "CHARGE", "WHERE"), sessions.stream()
            .map(session -> List.of(
                session.start().map(StatusView::when).orElse(""),
                session.duration().map(StatusView::duration).orElse(""),
                kwh(session.energyKwh()),
                session.chargerType().orElse(""),
                percentRange(session.firstStateOfCharge(), session.lastStateOfCharge()),
                session.location().map(ChargeHistoryCommand::place).orElse("")))
            .toList());
        return ExitCode.OK;
    }

    /** A session with stable field names, units in the names, absent values left out; Ford's entry under "ford". */
    static ObjectNode json(ChargingSession session) {
        ObjectNode node = StatusView.JSON.createObjectNode();
        session.id().ifPresent(id -> node.put("id", id));
        session.start().ifPresent(start -> node.put("start", start.toString()));
        session.end().ifPresent(end -> node.put("end", end.toString()));
        session.duration().ifPresent(duration -> node.put("durationSeconds", duration.toSeconds()));
        session.energyKwh().ifPresent(energy -> node.put("energyKwh", energy));
        session.chargerType().ifPresent(type -> node.put("chargerType", type));
        session.firstStateOfCharge().ifPresent(percent -> node.put("firstStateOfChargePercent", percent));
        session.lastStateOfCharge().ifPresent(percent -> node.put("lastStateOfChargePercent", percent));
        session.maxPowerKw().ifPresent(power -> node.put("maxPowerKw", power));
        session.location().ifPresent(location -> {
            ObjectNode where = node.putObject("location");
            location.name().ifPresent(name -> where.put("name", name));
            location.city().ifPresent(city -> where.put("city", city));
            location.country().ifPresent(country -> where.put("country", country));
            location.latitude().ifPresent(latitude -> where.put("latitude", latitude));
            location.longitude().ifPresent(longitude -> where.put("longitude", longitude));
        });
        node.set("ford", session.raw());
        return node;
    }

    private static String kwh(OptionalDouble energy) {
        return energy.isPresent() ? String.format(Locale.ROOT, "%.1f kWh", energy.getAsDouble()) : "";
    }

    private static String percentRange(OptionalDouble first, OptionalDouble last) {
        return first.isPresent() && last.isPresent()
            ? String.format(Locale.ROOT, "%.0f → %.0f %%", first.getAsDouble(), last.getAsDouble()) : "";
    }

    private static String place(ChargeLocation location) {
        Optional<String> city = location.city();
        return location.name().map(name -> name + city.map(c -> ", " + c).orElse("")).or(() -> city).orElse("");
    }
}
