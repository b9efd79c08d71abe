package io.github.connectedcar.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.connectedcar.command.CommandProgress;
import io.github.connectedcar.command.CommandResult;
import io.github.connectedcar.model.Capability;
import io.github.connectedcar.model.DoorStatus;
import io.github.connectedcar.model.Measurement;
import io.github.connectedcar.model.Vehicle;
import io.github.connectedcar.model.VehicleStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** What the service answers, as records with stable names and units in the names; absent values are left out. */
final class Views {
    private Views() {
    }

    /** A car of the account. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record VehicleView(String vin, String nickname, String modelName, Integer modelYear, String engineType,
                       Set<String> capabilities) {

        static VehicleView of(Vehicle vehicle) {
            Set<String> capabilities = new TreeSet<>();
            vehicle.capabilities().stream().map(Capability::toString).forEach(capabilities::add);
            return new VehicleView(vehicle.vin(), vehicle.nickname().orElse(null), vehicle.modelName().orElse(null),
                vehicle.modelYear().isPresent() ? vehicle.modelYear().getAsInt() : null,
                vehicle.engineType().toString(), capabilities);
        }
    }

    /** A car's status: the values a dashboard shows. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StatusView(String vin, Instant updateTime, Double odometerKm, Double fuelLevelPercent, Double fuelRangeKm,
                      Double evStateOfChargePercent, Double evRangeKm, String plugStatus, String chargeStatus,
                      Double batteryStateOfChargePercent, String ignition, Long remoteStartSecondsLeft,
                      Boolean allDoorsLocked, List<String> openDoors, String hood, String alarm,
                      Double outsideTemperatureCelsius, Double latitude, Double longitude,
                      Set<String> activeIndicators) {

        static StatusView of(String vin, VehicleStatus s) {
            return new StatusView(s.vin().orElse(vin), s.updateTime().orElse(null), value(s.odometer()),
                value(s.fuelLevel()), value(s.fuelRange()), value(s.evStateOfCharge()), value(s.evRange()),
                text(s.plugStatus()), text(s.chargeDisplayStatus()), value(s.lowVoltageBatteryStateOfCharge()),
                value(s.ignitionStatus()), s.remoteStartCountdown().map(m -> m.value().toSeconds()).orElse(null),
                s.allDoorsLocked().orElse(null),
                s.doors().stream().map(Measurement::value).filter(DoorStatus::isOpen).map(DoorStatus::door).toList(),
                value(s.hoodStatus()), value(s.alarmStatus()), value(s.outsideTemperature()),
                s.position().map(m -> m.value().latitude()).orElse(null),
                s.position().map(m -> m.value().longitude()).orElse(null), new TreeSet<>(s.activeIndicators()));
        }

        private static <T> T value(Optional<Measurement<T>> measurement) {
            return measurement.map(Measurement::value).orElse(null);
        }

        private static String text(Optional<? extends Measurement<?>> measurement) {
            return measurement.map(m -> m.value().toString()).orElse(null);
        }
    }

    /** One step of a command. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProgressView(String vin, String command, String commandId, String state, String fordState, Instant at) {

        static ProgressView of(CommandProgress step) {
            return new ProgressView(step.vin(), step.commandType(), step.commandId(), step.state().name(),
                step.fordState().orElse(null), step.at());
        }
    }

    /** A command the car carried out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ResultView(String vin, String command, String commandId, String state, String fordState,
                      Instant requestedAt, Instant completedAt, double durationSeconds) {

        static ResultView of(CommandResult result) {
            return new ResultView(result.vin(), result.commandType(), result.commandId(), result.state().name(),
                result.fordState().orElse(null), result.requestedAt(), result.completedAt(),
                result.duration().toMillis() / 1000.0);
        }
    }

    /** The account as the page shows it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AccountView(boolean signedIn, Instant loginExpiresAt, int budgetRemaining, int budgetLimit,
                       String lockout, SimulatorMode simulator) {
    }

    /** A login begun: the URL the person opens. */
    record LoginView(String authorizeUrl) {
    }

    /** The pasted {@code fordapp://userauthorized/?code=…} URL that finishes a login. */
    record CompleteLogin(String redirectUrl) {
    }
}
