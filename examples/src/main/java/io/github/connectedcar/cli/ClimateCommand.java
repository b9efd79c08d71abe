package io.github.connectedcar.cli;

import io.github.connectedcar.VehicleClient;
import io.github.connectedcar.command.ActionResult;
import io.github.connectedcar.command.ClimateProfile;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Replaces the remote climate profile: cabin temperature and Ford's other preferences. */
@Command(name = "climate", description = {"Replace the remote climate profile (what a remote start sets the cabin "
    + "to). Ford keeps only the profile sent, so give every preference to keep.",
    "Example: connectedcar climate VIN --temperature 21.5 --preference RccRearDefrost_Rq=On"})
final class ClimateCommand extends RemoteCommands.VehicleAction {
    @Option(names = "--temperature", paramLabel = "CELSIUS", description = "The cabin temperature in °C, in steps "
        + "of 0.5, " + ClimateProfile.MIN_TEMPERATURE_CELSIUS + " to " + ClimateProfile.MAX_TEMPERATURE_CELSIUS + ".")
    Double temperature;

    @Option(names = "--preference", paramLabel = "NAME=VALUE", description = "Any other preference by Ford's name, "
        + "such as RccRearDefrost_Rq=On. Repeat for each.")
    Map<String, String> preferences = new LinkedHashMap<>();

    @Option(names = "--off", description = "Turn remote climate control off (default: on).")
    boolean off;

    ClimateCommand() {
        super("Climate profile");
    }

    @Override
    ActionResult act(VehicleClient car) {
        ClimateProfile.Builder profile = ClimateProfile.builder().enabled(!off);
        if (temperature != null) {
            profile.temperatureCelsius(temperature);
        }
        preferences.forEach(profile::preference);
        return car.updateClimateProfile(profile.build());
    }
}
