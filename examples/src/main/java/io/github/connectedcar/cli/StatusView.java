package io.github.connectedcar.cli;

import io.github.connectedcar.model.DoorLockStatus;
import io.github.connectedcar.model.DoorStatus;
import io.github.connectedcar.model.Measurement;
import io.github.connectedcar.model.Position;
import io.github.connectedcar.model.TirePressure;
import io.github.connectedcar.model.Vehicle;
import io.github.connectedcar.model.VehicleStatus;
import io.github.connectedcar.model.WindowStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** How a car's status looks: as a table for people, as JSON with stable field names for scripts. */
final class StatusView {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
        .withZone(ZoneId.systemDefault());

    private StatusView() {
    }

    /** Rows of (what, value, measured at). */
    static List<List<String>> rows(VehicleStatus s) {
        List<List<String>> rows = new ArrayList<>();
        add(rows, "Odometer", s.odometer().map(m -> m.map(v -> number(v, 1) + " km")));
        add(rows, "Fuel", s.fuelLevel().map(m -> m.map(v -> number(v, 1) + " %"
            + (s.fuelLevelOutOfRange() ? " (out of range as reported)" : ""))));
        add(rows, "Fuel range", s.fuelRange().map(m -> m.map(v -> number(v, 0) + " km")));
        add(rows, "Charge", s.evStateOfCharge().map(m -> m.map(v -> number(v, 1) + " %")));
        add(rows, "Electric range", s.evRange().map(m -> m.map(v -> number(v, 0) + " km")));
        add(rows, "Battery energy", s.evEnergyRemaining().map(m -> m.map(v -> number(v, 1) + " kWh"
            + s.evBatteryCapacity().map(c -> " of " + number(c.value(), 1) + " kWh").orElse(""))));
        add(rows, "Battery", s.evBatteryTemperature().map(m -> m.map(v -> number(v, 1) + " °C"
            + s.evBatteryVoltage().map(volts -> ", " + number(volts.value(), 0) + " V").orElse("")
            + s.evBatteryCurrent().map(amps -> ", " + number(amps.value(), 1) + " A").orElse(""))));
        add(rows, "Charger output", s.chargerPowerOutput().map(m -> m.map(v -> number(v, 1) + " kW")));
        add(rows, "Plug", s.plugStatus().map(m -> m.map(Object::toString)));
        add(rows, "Charging", s.chargeDisplayStatus().map(m -> m.map(Object::toString)));
        add(rows, "Time to full", s.timeToFullCharge().map(m -> m.map(StatusView::duration)));
        add(rows, "Oil life", s.oilLife().map(m -> m.map(v -> number(v, 0) + " %")));
        add(rows, "12 V battery", s.lowVoltageBatteryStateOfCharge().map(m -> m.map(v -> number(v, 0) + " %"
            + s.lowVoltageBatteryVoltage().map(volts -> ", " + number(volts.value(), 1) + " V").orElse(""))));
        add(rows, "Ignition", s.ignitionStatus());
        add(rows, "Remote start", s.remoteStartCountdown().map(m -> m.map(d -> d.isZero() ? "off"
            : duration(d) + " left")));
        add(rows, "Locks", lockSummary(s));
        add(rows, "Lock state", s.lockState().map(m -> m.map(Object::toString)));
        add(rows, "Doors", doorSummary(s));
        add(rows, "Windows", windowSummary(s));
        add(rows, "Hood", s.hoodStatus());
        add(rows, "Alarm", s.alarmStatus());
        add(rows, "Panic alarm", s.panicAlarmStatus());
        add(rows, "Tyres", tyreSummary(s));
        add(rows, "Outside", s.outsideTemperature().map(m -> m.map(v -> number(v, 1) + " °C")));
        add(rows, "Speed", s.speed().map(m -> m.map(v -> number(v, 0) + " km/h")));
        add(rows, "Position", s.position().map(m -> m.map(StatusView::position)));
        if (!s.activeIndicators().isEmpty()) {
            rows.add(List.of("Warnings", String.join(", ", s.activeIndicators()), ""));
        }
        return rows;
    }

    private static void add(List<List<String>> rows, String what, Optional<? extends Measurement<?>> value) {
        value.ifPresent(m -> rows.add(List.of(what, String.valueOf(m.value()),
            m.measuredAt().map(TIME::format).orElse(""))));
    }

    private static Optional<Measurement<String>> lockSummary(VehicleStatus s) {
        List<Measurement<DoorLockStatus>> locks = s.doorLocks();
        return s.allDoorsLocked().map(all -> Measurement.of(all ? "all locked" : "UNLOCKED",
            io.github.connectedcar.model.Unit.NONE, locks.isEmpty() ? null : locks.get(0).measuredAt().orElse(null)));
    }

    private static Optional<Measurement<String>> doorSummary(VehicleStatus s) {
        List<Measurement<DoorStatus>> doors = s.doors();
        if (doors.isEmpty()) {
            return Optional.empty();
        }
        String open = doors.stream().filter(d -> d.value().isOpen()).map(d -> lower(d.value().door()))
            .collect(Collectors.joining(", "));
        return Optional.of(Measurement.of(open.isEmpty() ? "all closed" : "OPEN: " + open,
            io.github.connectedcar.model.Unit.NONE, doors.get(0).measuredAt().orElse(null)));
    }

    private static Optional<Measurement<String>> windowSummary(VehicleStatus s) {
        List<Measurement<WindowStatus>> windows = s.windows();
        if (windows.isEmpty()) {
            return Optional.empty();
        }
        long open = windows.stream().filter(w -> !w.value().isFullyClosed()).count();
        return Optional.of(Measurement.of(open == 0 ? "all closed" : open + " open",
            io.github.connectedcar.model.Unit.NONE, windows.get(0).measuredAt().orElse(null)));
    }

    private static Optional<Measurement<String>> tyreSummary(VehicleStatus s) {
        List<Measurement<TirePressure>> tyres = s.tirePressures();
        if (tyres.isEmpty()) {
            return Optional.empty();
        }
        String text = tyres.stream().map(t -> abbreviate(t.value().wheel()) + " " + number(t.value().pressure(), 0))
            .collect(Collectors.joining(", ")) + " kPa"
            + s.tirePressureSystemStatus().map(st -> " (" + st.value() + ")").orElse("");
        return Optional.of(Measurement.of(text, io.github.connectedcar.model.Unit.NONE,
            tyres.get(0).measuredAt().orElse(null)));
    }

    private static String abbreviate(String wheel) {
        return switch (wheel) {
            case "FRONT_LEFT" -> "FL";
            case "FRONT_RIGHT" -> "FR";
            case "REAR_LEFT" -> "RL";
            case "REAR_RIGHT" -> "RR";
            default -> lower(wheel);
        };
    }

    private static String position(Position p) {
        return String.format(Locale.ROOT, "%.5f, %.5f", p.latitude(), p.longitude());
    }

    static String duration(Duration d) {
        long minutes = d.toMinutes();
        return minutes >= 60 ? minutes / 60 + " h " + minutes % 60 + " min"
            : minutes > 0 ? minutes + " min " + d.toSecondsPart() + " s" : d.toSeconds() + " s";
    }

    private static String number(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    // --- JSON --------------------------------------------------------------------------------------------------

    /**
     * The status with stable field names and units in the names, absent values left out; and under {@code ford},
     * the whole telemetry as Ford sent it (every metric, event and state, also those no field above reads).
     */
    static ObjectNode json(VehicleStatus s) {
        ObjectNode node = JSON.createObjectNode();
        s.vin().ifPresent(v -> node.put("vin", v));
        s.updateTime().ifPresent(t -> node.put("updateTime", t.toString()));
        number(node, "odometerKm", s.odometer());
        number(node, "fuelLevelPercent", s.fuelLevel());
        number(node, "fuelRangeKm", s.fuelRange());
        number(node, "oilLifePercent", s.oilLife());
        number(node, "evStateOfChargePercent", s.evStateOfCharge());
        number(node, "evRangeKm", s.evRange());
        number(node, "evActualStateOfChargePercent", s.evActualStateOfCharge());
        number(node, "evBatteryCapacityKwh", s.evBatteryCapacity());
        number(node, "evEnergyRemainingKwh", s.evEnergyRemaining());
        number(node, "evBatteryTemperatureCelsius", s.evBatteryTemperature());
        number(node, "evBatteryVoltage", s.evBatteryVoltage());
        number(node, "evBatteryCurrentAmperes", s.evBatteryCurrent());
        number(node, "chargerVoltage", s.chargerVoltageOutput());
        number(node, "chargerCurrentAmperes", s.chargerCurrentOutput());
        number(node, "chargerPowerKw", s.chargerPowerOutput());
        s.chargeStationPowerType().ifPresent(m -> node.put("chargeStationPowerType", m.value()));
        s.plugStatus().ifPresent(m -> node.put("plugStatus", m.value().toString()));
        s.chargeDisplayStatus().ifPresent(m -> node.put("chargeStatus", m.value().toString()));
        s.timeToFullCharge().ifPresent(m -> node.put("timeToFullChargeMinutes", m.value().toMinutes()));
        number(node, "batteryStateOfChargePercent", s.lowVoltageBatteryStateOfCharge());
        number(node, "batteryVoltage", s.lowVoltageBatteryVoltage());
        s.lowVoltageBatteryLoadStatus().ifPresent(m -> node.put("batteryLoadStatus", m.value()));
        number(node, "engineCoolantTemperatureCelsius", s.engineCoolantTemperature());
        number(node, "engineOilTemperatureCelsius", s.engineOilTemperature());
        number(node, "engineSpeedRpm", s.engineSpeed());
        number(node, "dieselExhaustFluidLevelPercent", s.dieselExhaustFluidLevel());
        s.dieselExhaustFilterStatus().ifPresent(m -> node.put("dieselExhaustFilterStatus", m.value()));
        s.gearLeverPosition().ifPresent(m -> node.put("gearLever", m.value()));
        s.ignitionStatus().ifPresent(m -> node.put("ignition", m.value()));
        s.remoteStartCountdown().ifPresent(m -> node.put("remoteStartSecondsLeft", m.value().toSeconds()));
        s.remoteStartRunDuration().ifPresent(m -> node.put("remoteStartRunSeconds", m.value().toSeconds()));
        s.allDoorsLocked().ifPresent(v -> node.put("allDoorsLocked", v));
        s.lockState().ifPresent(m -> node.put("lockState", m.value().value()));
        ArrayNode locks = node.putArray("locks");
        s.doorLocks().forEach(l -> locks.addObject().put("door", l.value().door()).put("side", l.value().side())
            .put("occupantRole", l.value().occupantRole()).put("state", l.value().state())
            .put("locked", l.value().isLocked()));
        ArrayNode doors = node.putArray("doors");
        s.doors().forEach(d -> {
            ObjectNode door = doors.addObject().put("door", d.value().door());
            if (d.value().side() != null) {
                door.put("side", d.value().side());
            }
            if (d.value().occupantRole() != null) {
                door.put("occupantRole", d.value().occupantRole());
            }
            door.put("open", d.value().isOpen());
        });
        s.hoodStatus().ifPresent(m -> node.put("hood", m.value()));
        s.alarmStatus().ifPresent(m -> node.put("alarm", m.value()));
        s.panicAlarmStatus().ifPresent(m -> node.put("panicAlarm", m.value()));
        ArrayNode windows = node.putArray("windows");
        s.windows().forEach(w -> windows.addObject().put("window", w.value().window()).put("side", w.value().side())
            .put("openPercentAtLeast", w.value().openAtLeast()).put("openPercentAtMost", w.value().openAtMost()));
        ArrayNode belts = node.putArray("seatBelts");
        s.seatBelts().forEach(b -> belts.addObject().put("occupantRole", b.value().occupantRole())
            .put("state", b.value().state()));
        ArrayNode tyres = node.putArray("tyres");
        s.tirePressures().forEach(t -> tyres.addObject().put("wheel", t.value().wheel())
            .put("pressureKpa", t.value().pressure()));
        ArrayNode tyreStatuses = node.putArray("tyreStatuses");
        s.tireStatuses().forEach(t -> tyreStatuses.addObject().put("wheel", t.value().wheel())
            .put("state", t.value().state()));
        s.tirePressureSystemStatus().ifPresent(m -> node.put("tyreSystem", m.value()));
        number(node, "outsideTemperatureCelsius", s.outsideTemperature());
        number(node, "speedKmh", s.speed());
        s.position().ifPresent(m -> node.putObject("position").put("latitude", m.value().latitude())
            .put("longitude", m.value().longitude()));
        s.heading().ifPresent(m -> node.put("headingDegrees", m.value().degrees()));
        s.compassDirection().ifPresent(m -> node.put("compassDirection", m.value()));
        ArrayNode warnings = node.putArray("warnings");
        s.activeIndicators().forEach(warnings::add);
        node.set("ford", s.raw());
        return node;
    }

    private static void number(ObjectNode node, String field, Optional<Measurement<Double>> value) {
        value.ifPresent(m -> node.put(field, m.value()));
    }

    static ObjectNode json(Vehicle v) {
        ObjectNode node = JSON.createObjectNode();
        node.put("vin", v.vin());
        v.nickname().ifPresent(n -> node.put("nickname", n));
        v.modelName().ifPresent(n -> node.put("model", n));
        v.modelYear().ifPresent(y -> node.put("year", y));
        node.put("engineType", v.engineType().toString());
        ArrayNode capabilities = node.putArray("capabilities");
        v.capabilities().forEach(c -> capabilities.add(c.toString()));
        return node;
    }

    static String when(Instant instant) {
        return TIME.format(instant);
    }
}
