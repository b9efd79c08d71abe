package io.github.connectedcar.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.model.VehicleStatus;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The README's table of the original SDK's accessors names getters {@link VehicleStatus} really has. */
@Tag("unit")
class ReadmeAccessorTableUnitTests {

    @Test
    void everyGetterTheTableNamesExists() throws IOException {
        List<String> named = new ArrayList<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(Path.of("../README.md"))) {
            if (line.startsWith("| original accessor |")) {
                inTable = true;
                continue;
            }
            if (inTable && !line.startsWith("|")) {
                break;
            }
            if (inTable && !line.startsWith("| ---")) {
                Matcher getter = Pattern.compile("`(\\w+)\\((\\w*)\\)`").matcher(line.split("\\|")[2]);
                while (getter.find()) {
                    named.add(getter.group(1) + "/" + (getter.group(2).isEmpty() ? 0 : 1));
                }
            }
        }
        assertThat(named).as("the README's accessor table").contains("odometer/0", "fuelLevel/0", "oilLife/0",
            "tirePressures/0", "lowVoltageBatteryStateOfCharge/0", "position/0", "doors/0", "allDoorsLocked/0");

        List<String> getters = Arrays.stream(VehicleStatus.class.getMethods())
            .filter(method -> !Modifier.isStatic(method.getModifiers()))
            .map(method -> method.getName() + "/" + method.getParameterCount())
            .toList();
        assertThat(getters).containsAll(named);
    }

    @Test
    void theOriginalAccessorsTheIssueNamesAreAllInTheTable() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        for (String accessor : List.of("odometer", "fuel", "oil", "tire_pressure", "battery", "location",
            "door_status", "lock_status", "window_positions", "alarm_status", "ignition_status")) {
            assertThat(readme).contains("| `" + accessor + "` |");
        }
    }
}
