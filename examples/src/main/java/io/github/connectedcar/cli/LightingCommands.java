package io.github.connectedcar.cli;

import io.github.connectedcar.VehicleClient;
import io.github.connectedcar.command.ActionResult;
import io.github.connectedcar.command.LightingZone;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Zone lighting (the pickup's work lights around the car): on in a zone, off, or another zone. */
final class LightingCommands {
    private static final String ZONES = "all, front, rear, driver, passenger (or Ford's number 0 to 4)";

    private LightingCommands() {
    }

    @Command(name = "lights", description = "Zone lighting: on, off or zone.",
        subcommands = {LightsOn.class, LightsOff.class, LightsZone.class})
    static final class Lights extends CommandGroup {
    }

    @Command(name = "on", description = "Turn zone lighting on.")
    static final class LightsOn extends RemoteCommands.VehicleAction {
        @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "all", converter = ZoneConverter.class,
            description = "Which zone to light: " + ZONES + " (default: ${DEFAULT-VALUE}).")
        LightingZone zone;

        LightsOn() {
            super("Zone lighting on");
        }

        @Override
        ActionResult act(VehicleClient car) {
            return car.zoneLightingOn(zone);
        }
    }

    @Command(name = "off", description = "Turn zone lighting off.")
    static final class LightsOff extends RemoteCommands.VehicleAction {
        LightsOff() {
            super("Zone lighting off", VehicleClient::zoneLightingOff);
        }
    }

    @Command(name = "zone", description = "Light another zone.")
    static final class LightsZone extends RemoteCommands.VehicleAction {
        @Parameters(index = "1", paramLabel = "ZONE", converter = ZoneConverter.class,
            description = "The zone: " + ZONES + ".")
        LightingZone zone;

        LightsZone() {
            super("Zone lighting");
        }

        @Override
        ActionResult act(VehicleClient car) {
            return car.selectLightingZone(zone);
        }
    }

    /** A zone by name ({@code front}, {@code driver-side}...) or by Ford's number. */
    static final class ZoneConverter implements CommandLine.ITypeConverter<LightingZone> {
        @Override
        public LightingZone convert(String value) {
            String name = Terminal.lower(value.strip()).replace('-', '_');
            try {
                return LightingZone.of(Integer.parseInt(name));
            } catch (NumberFormatException notANumber) {
                for (LightingZone zone : LightingZone.values()) {
                    String zoneName = Terminal.lower(zone.name());
                    if (zoneName.equals(name) || zoneName.equals(name + "_side")) {
                        return zone;
                    }
                }
            } catch (IllegalArgumentException outOfRange) {
                throw new CommandLine.TypeConversionException(outOfRange.getMessage());
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a zone: " + ZONES);
        }
    }
}
