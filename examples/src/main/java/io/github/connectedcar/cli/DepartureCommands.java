package io.github.connectedcar.cli;

import io.github.connectedcar.VehicleAsyncClient;
import io.github.connectedcar.command.CommandFlux;
import io.github.connectedcar.command.Departure;
import io.github.connectedcar.command.DepartureSchedule;
import io.github.connectedcar.command.PreconditionTemperature;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** An electric car's weekly departure times: on, off, a new schedule, or none. */
final class DepartureCommands {
    private DepartureCommands() {
    }

    @Command(name = "departures", description = "Departure times of an electric car (charged and ready by then): "
        + "on, off, set or clear.",
        subcommands = {DeparturesOn.class, DeparturesOff.class, DeparturesSet.class, DeparturesClear.class})
    static final class Departures extends CommandGroup {
    }

    @Command(name = "on", description = "Turn the departure-time schedule on.")
    static final class DeparturesOn extends RemoteCommands.VehicleCommand {
        DeparturesOn() {
            super("Departure times on", VehicleAsyncClient::enableDepartureTimes);
        }
    }

    @Command(name = "off", description = "Turn the departure-time schedule off.")
    static final class DeparturesOff extends RemoteCommands.VehicleCommand {
        DeparturesOff() {
            super("Departure times off", VehicleAsyncClient::disableDepartureTimes);
        }
    }

    @Command(name = "clear", description = "Delete every departure of the schedule.")
    static final class DeparturesClear extends RemoteCommands.VehicleCommand {
        DeparturesClear() {
            super("Clear departure times", car -> car.updateDepartureTimes(DepartureSchedule.empty()));
        }
    }

    @Command(name = "set", description = {"Replace the whole departure schedule with these departures (those left "
        + "out are deleted).",
        "Example: connectedcar departures set VIN --location 1 --departure MON,07:30,HIGH --departure FRI,08:00"})
    static final class DeparturesSet extends RemoteCommands.VehicleCommand {
        @Option(names = "--location", paramLabel = "ID", required = true, description = "Ford's id of the charge "
            + "location the car departs from (see xevDepartureSchedules in: connectedcar status VIN --json).")
        String locationId;

        @Option(names = "--departure", paramLabel = "DAY,HH:MM[,PRECONDITION]", required = true,
            converter = DepartureConverter.class, description = "One weekly departure: the day (MON or MONDAY...), "
                + "the time to the minute, and optionally how to make the cabin ready: OFF (default), LOW, MEDIUM, "
                + "HIGH. Repeat for each departure.")
        List<DepartureTime> departures;

        DeparturesSet() {
            super("Set departure times");
        }

        @Override
        CommandFlux send(VehicleAsyncClient car) {
            List<Departure> schedule = new ArrayList<>();
            for (DepartureTime time : departures) {
                // Schedule ids only have to be unique within the schedule: number the departures as given.
                schedule.add(new Departure(time.day(), time.time(), locationId, schedule.size() + 1,
                    time.precondition(), true));
            }
            return car.updateDepartureTimes(DepartureSchedule.of(schedule));
        }
    }

    /** One {@code --departure}: day, time and cabin preconditioning. */
    record DepartureTime(DayOfWeek day, LocalTime time, PreconditionTemperature precondition) {
    }

    /** Reads {@code DAY,HH:MM[,PRECONDITION]}. */
    static final class DepartureConverter implements CommandLine.ITypeConverter<DepartureTime> {
        @Override
        public DepartureTime convert(String value) {
            String[] parts = value.split(",");
            if (parts.length < 2 || parts.length > 3) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not DAY,HH:MM[,PRECONDITION], "
                    + "such as MON,07:30 or FRIDAY,08:15,HIGH");
            }
            LocalTime time;
            try {
                time = LocalTime.parse(parts[1].strip());
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + parts[1].strip() + "' is not a time of day "
                    + "HH:MM, such as 07:30");
            }
            if (time.getSecond() != 0 || time.getNano() != 0) {
                throw new CommandLine.TypeConversionException("Departure times are set to the minute, not " + time);
            }
            PreconditionTemperature precondition = parts.length == 3 && !parts[2].isBlank()
                ? PreconditionTemperature.of(parts[2].strip()) : PreconditionTemperature.OFF;
            return new DepartureTime(day(parts[0].strip()), time, precondition);
        }

        private static DayOfWeek day(String text) {
            String upper = text.toUpperCase(java.util.Locale.ROOT);
            for (DayOfWeek day : DayOfWeek.values()) {
                if (day.name().equals(upper) || (upper.length() == 3 && day.name().startsWith(upper))) {
                    return day;
                }
            }
            throw new CommandLine.TypeConversionException("'" + text + "' is not a day: MON to SUN, or MONDAY to "
                + "SUNDAY");
        }
    }
}
