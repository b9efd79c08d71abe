package io.github.connectedcar.simulator.internal.vehicle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.connectedcar.simulator.internal.http.Json;
import io.github.connectedcar.simulator.vehicle.Door;
import io.github.connectedcar.simulator.vehicle.EngineType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static io.github.connectedcar.simulator.internal.vehicle.MetricNames.*;
import static io.github.connectedcar.simulator.internal.vehicle.Numbers.round;

/**
 * Renders one metric of a vehicle as Autonomic telemetry carries it: {@code {"updateTime", "oemCorrelationId",
 * "value", …locators}}, values in metric units; some metrics are lists (one entry per door, window or tyre).
 */
final class MetricRenderer {

    private static final List<String> COMMON_METRICS = List.of(ODOMETER, SPEED, POSITION, HEADING, COMPASS_DIRECTION,
        IGNITION_STATUS, GEAR_LEVER_POSITION, REMOTE_START_COUNTDOWN_TIMER, ALARM_STATUS, PANIC_ALARM_STATUS,
        DOOR_STATUS, DOOR_LOCK_STATUS, HOOD_STATUS, WINDOW_STATUS, TIRE_PRESSURE, TIRE_PRESSURE_STATUS,
        TIRE_PRESSURE_SYSTEM_STATUS, OUTSIDE_TEMPERATURE, BATTERY_STATE_OF_CHARGE, BATTERY_VOLTAGE, INDICATORS,
        DISPLAY_SYSTEM_OF_MEASURE, CUSTOM_METRICS, CONFIGURATIONS);
    private static final List<String> FUEL_METRICS = List.of(FUEL_LEVEL, FUEL_RANGE, OIL_LIFE_REMAINING,
        ENGINE_COOLANT_TEMP);
    private static final List<String> ELECTRIC_METRICS = List.of(XEV_BATTERY_STATE_OF_CHARGE,
        XEV_BATTERY_ACTUAL_STATE_OF_CHARGE, XEV_BATTERY_RANGE, XEV_BATTERY_CAPACITY, XEV_BATTERY_ENERGY_REMAINING,
        XEV_BATTERY_TEMPERATURE, XEV_PLUG_CHARGER_STATUS, XEV_BATTERY_CHARGE_DISPLAY_STATUS,
        XEV_BATTERY_TIME_TO_FULL_CHARGE, XEV_BATTERY_CHARGER_VOLTAGE_OUTPUT, XEV_BATTERY_CHARGER_CURRENT_OUTPUT,
        XEV_DEPARTURE_SCHEDULES);
    private static final Map<String, String> INDICATOR_CODES = Map.of("lowFuel", "600E20",
        "malfunctionIndicator", "600E26", "tirePressureMonitorSystemWarning", "600E27", "brakeWarning", "600E28",
        "lowWasherFluid", "600E19", "oilChangeReminder", "600E32");
    private static final double CHARGER_VOLTAGE = 240.0;

    private MetricRenderer() {
    }

    /** Every metric this vehicle reports, in a stable order. */
    static List<String> metricNames(SimulatedVehicle v) {
        EngineType engine = v.spec().engineType();
        List<String> names = new ArrayList<>(COMMON_METRICS);
        if (engine.hasFuelTank()) {
            names.addAll(FUEL_METRICS);
        }
        if (engine.isPlugIn()) {
            names.addAll(ELECTRIC_METRICS);
        }
        return names;
    }

    private static ObjectNode base(SimulatedVehicle v, String name) {
        Instant time = v.changes().reportedAt(name);
        return Json.object().put("updateTime", Json.seconds(time))
            .put("oemCorrelationId", Long.toString(time.getEpochSecond() % 100_000));
    }

    private static ObjectNode scalar(SimulatedVehicle v, String name, double value) {
        return base(v, name).put("value", value);
    }

    private static ObjectNode scalar(SimulatedVehicle v, String name, String value) {
        return base(v, name).put("value", value);
    }

    /** One metric; an unknown name is an error. */
    static JsonNode metric(SimulatedVehicle v, String name) {
        Body body = v.body();
        Driving driving = v.driving();
        Charging charging = v.charging();
        Settings settings = v.settings();
        boolean engineRunning = driving.ignitionOn() || v.remoteStart().secondsLeft() > 0;
        return switch (name) {
            case ODOMETER -> scalar(v, name, round(driving.odometerKm(), 1));
            case SPEED -> scalar(v, name, round(driving.speedKmh(), 1));
            case POSITION -> position(v);
            case HEADING -> {
                ObjectNode m = base(v, name);
                m.putObject("value").put("heading", round(driving.heading(), 1)).put("uncertainty", 0.0)
                    .put("detectionType", "HEADING_RAW_GNSS");
                yield m;
            }
            case COMPASS_DIRECTION -> scalar(v, name, compass(driving.heading()));
            case IGNITION_STATUS -> scalar(v, name, driving.ignitionOn() ? "ON" : "OFF");
            case GEAR_LEVER_POSITION -> scalar(v, name, driving.isMoving() ? "DRIVE" : "PARK");
            case REMOTE_START_COUNTDOWN_TIMER -> scalar(v, name, (double) v.remoteStart().secondsLeft());
            case ALARM_STATUS -> {
                ObjectNode m = scalar(v, name, body.locked() ? "ARMED" : "DISARMED");
                m.putObject("tags").put("ALARM_SOURCE", "UNKNOWN");
                yield m;
            }
            case PANIC_ALARM_STATUS -> scalar(v, name, body.panicActive() ? "ACTIVE" : "NOT_ACTIVE");
            case DOOR_STATUS -> doors(v);
            case DOOR_LOCK_STATUS -> doorLocks(v);
            case HOOD_STATUS -> scalar(v, name, body.hoodOpen() ? "OPEN" : "CLOSED");
            case WINDOW_STATUS -> windows(v);
            case TIRE_PRESSURE -> tires(v);
            case TIRE_PRESSURE_STATUS -> tireStatus(v);
            case TIRE_PRESSURE_SYSTEM_STATUS -> Json.array().add(scalar(v, name, "NORMAL_OPERATION"));
            case OUTSIDE_TEMPERATURE -> scalar(v, name, round(body.outsideTemperatureC(), 2));
            case BATTERY_STATE_OF_CHARGE -> scalar(v, name, round(body.battery12vPercent(), 1))
                .put("vehicleBattery", "PRIMARY_BATTERY");
            case BATTERY_VOLTAGE -> scalar(v, name,
                engineRunning ? 14.5 : round(11.8 + 0.9 * body.battery12vPercent() / 100, 2))
                .put("vehicleBattery", "PRIMARY_BATTERY");
            case INDICATORS -> indicators(v);
            case DISPLAY_SYSTEM_OF_MEASURE -> scalar(v, name, "IMPERIAL");
            case CUSTOM_METRICS -> customMetrics(v);
            case CONFIGURATIONS -> configurations(v);
            case FUEL_LEVEL -> scalar(v, name, round(driving.fuelLevelPercent(), 3));
            case FUEL_RANGE -> scalar(v, name, round(driving.fuelRangeKm(), 1));
            case OIL_LIFE_REMAINING -> scalar(v, name, round(body.oilLifePercent(), 0));
            case ENGINE_COOLANT_TEMP -> scalar(v, name, engineRunning ? 88.0 : round(body.outsideTemperatureC(), 0));
            case XEV_BATTERY_STATE_OF_CHARGE -> scalar(v, name, charging.displayedStateOfCharge());
            case XEV_BATTERY_ACTUAL_STATE_OF_CHARGE -> scalar(v, name, round(charging.actualStateOfCharge(), 2));
            case XEV_BATTERY_RANGE -> scalar(v, name, round(charging.rangeKm(), 1));
            case XEV_BATTERY_CAPACITY -> scalar(v, name, v.spec().batteryCapacityKwh());
            case XEV_BATTERY_ENERGY_REMAINING -> scalar(v, name, round(charging.energyKwh(), 2));
            case XEV_BATTERY_TEMPERATURE -> scalar(v, name,
                round(body.outsideTemperatureC() + (charging.isCharging() ? 9 : 4), 1));
            case XEV_PLUG_CHARGER_STATUS -> scalar(v, name,
                !charging.isPluggedIn() ? "DISCONNECTED" : charging.isCharging() ? "CHARGING" : "CONNECTED");
            case XEV_BATTERY_CHARGE_DISPLAY_STATUS -> scalar(v, name, charging.displayStatus());
            case XEV_BATTERY_TIME_TO_FULL_CHARGE -> scalar(v, name, charging.minutesToFull());
            case XEV_BATTERY_CHARGER_VOLTAGE_OUTPUT -> scalar(v, name, charging.isCharging() ? CHARGER_VOLTAGE : 0.0);
            case XEV_BATTERY_CHARGER_CURRENT_OUTPUT -> scalar(v, name,
                charging.isCharging() ? round(charging.chargePowerKw() * 1000 / CHARGER_VOLTAGE, 1) : 0.0);
            case XEV_DEPARTURE_SCHEDULES -> {
                ObjectNode m = base(v, name);
                ObjectNode value = m.putObject("value").put("enabled", settings.departureTimesEnabled());
                JsonNode schedule = settings.departureSchedule();
                value.set("schedules", schedule == null ? Json.object() : schedule.deepCopy());
                yield m;
            }
            default -> throw new IllegalArgumentException("Unknown metric " + name);
        };
    }

    private static ObjectNode position(SimulatedVehicle v) {
        ObjectNode m = base(v, POSITION);
        ObjectNode value = m.putObject("value");
        Driving driving = v.driving();
        value.putObject("location").put("lat", round(driving.latitude(), 6)).put("lon", round(driving.longitude(), 6))
            .put("alt", round(driving.altitude(), 1));
        value.put("gpsDimension", "DIM_3D").put("gpsCoordinateMethod", "MEASURED");
        m.put("gpsModuleTimestamp", m.path("updateTime").asString());
        return m;
    }

    private static ArrayNode doors(SimulatedVehicle v) {
        ArrayNode list = Json.array();
        v.body().doors().forEach((door, open) ->
            list.add(located(scalar(v, DOOR_STATUS, open ? "OPEN" : "CLOSED"), door)));
        return list;
    }

    private static ArrayNode doorLocks(SimulatedVehicle v) {
        String value = v.body().locked() ? "LOCKED" : "UNLOCKED";
        ArrayNode list = Json.array();
        list.add(scalar(v, DOOR_LOCK_STATUS, value).put("vehicleDoor", "ALL_DOORS"));
        list.add(located(scalar(v, DOOR_LOCK_STATUS, value), Door.DRIVER_FRONT));
        return list;
    }

    private static ObjectNode located(ObjectNode metric, Door door) {
        metric.put("vehicleDoor", door.vehicleDoor()).put("vehicleOccupantRole", door.occupantRole());
        if (door.side() != null) {
            metric.put("vehicleSide", door.side());
        }
        return metric;
    }

    private static ArrayNode windows(SimulatedVehicle v) {
        ArrayNode list = Json.array();
        v.body().windowOpenPercent().forEach((window, percent) -> {
            ObjectNode m = base(v, WINDOW_STATUS);
            m.putObject("value").putObject("doubleRange").put("lowerBound", round(percent, 1))
                .put("upperBound", round(percent, 1));
            m.put("vehicleWindow", window.vehicleWindow()).put("vehicleOccupantRole", window.occupantRole())
                .put("vehicleSide", window.side());
            list.add(m);
        });
        return list;
    }

    private static ArrayNode tires(SimulatedVehicle v) {
        ArrayNode list = Json.array();
        v.body().tirePressureKpa().forEach((wheel, kpa) -> list.add(scalar(v, TIRE_PRESSURE, round(kpa, 1))
            .put("vehicleWheel", wheel.name())
            .put(wheel.isFront() ? "wheelPlacardFront" : "wheelPlacardRear", v.spec().placardPressureKpa())));
        return list;
    }

    private static ArrayNode tireStatus(SimulatedVehicle v) {
        ArrayNode list = Json.array();
        double low = v.spec().placardPressureKpa() * 0.75;
        v.body().tirePressureKpa().forEach((wheel, kpa) -> list.add(scalar(v, TIRE_PRESSURE_STATUS,
            kpa < low ? "LOW" : "NORMAL").put("vehicleWheel", wheel.name())));
        return list;
    }

    private static ObjectNode indicators(SimulatedVehicle v) {
        ObjectNode all = Json.object();
        v.body().indicators().forEach((name, on) -> all.set(name, base(v, INDICATORS).put("value", on)
            .put("additionalInfo", INDICATOR_CODES.getOrDefault(name, "600F99"))));
        return all;
    }

    private static ObjectNode customMetrics(SimulatedVehicle v) {
        ObjectNode all = Json.object();
        all.set("accumulated-acceleration-coaching-score:cal-trip", base(v, CUSTOM_METRICS).put("value", 86.0));
        all.set("accumulated-deceleration-coaching-score:cal-trip", base(v, CUSTOM_METRICS).put("value", 91.0));
        all.set("accumulated-vehicle-speed-cruising-coaching-score:cal-trip",
            base(v, CUSTOM_METRICS).put("value", 78.0));
        return all;
    }

    private static ObjectNode configurations(SimulatedVehicle v) {
        ObjectNode all = Json.object();
        all.set("remoteStartRunDurationSetting", base(v, CONFIGURATIONS)
            .put("value", (double) RemoteStart.RUN.toSeconds()));
        all.set("automaticSoftwareUpdateOptInSetting", base(v, CONFIGURATIONS).put("value", v.settings().asuState()));
        if (v.spec().engineType().isPlugIn()) {
            ObjectNode settings = Json.object();
            v.settings().chargeSettings().forEach((k, value) -> settings.set(k, value.deepCopy()));
            settings.put("globalTargetSoc", v.charging().targetStateOfChargePercent());
            ObjectNode entry = base(v, CONFIGURATIONS);
            entry.set("value", settings);
            all.set("chargeSettings", entry);
        }
        return all;
    }

    private static String compass(double heading) {
        String[] points = {"NORTH", "NORTHEAST", "EAST", "SOUTHEAST", "SOUTH", "SOUTHWEST", "WEST", "NORTHWEST"};
        return points[(int) Math.round(((heading % 360) + 360) % 360 / 45.0) % 8];
    }

}
