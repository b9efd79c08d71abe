package io.github.connectedcar.command.internal;

import io.github.connectedcar.command.ChargeSettings;
import io.github.connectedcar.command.ClimateProfile;
import io.github.connectedcar.command.Departure;
import io.github.connectedcar.command.DepartureSchedule;
import io.github.connectedcar.command.HonkDuration;
import io.github.connectedcar.ford.internal.FordApi.CommandProperties;
import io.github.connectedcar.ford.internal.FordApi.CommandType;
import io.github.connectedcar.ford.internal.FordApi;
import io.github.connectedcar.internal.Json;
import java.time.DayOfWeek;
import java.util.Locale;
import java.util.Objects;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON bodies of commands and of the Ford-host calls, built from the public argument types (docs/ford-api.md §5). */
public final class CommandBodies {
    private CommandBodies() {
    }

    /**
     * The POST body of a command: {@code {"type", "wakeUp": true, "properties"?, "tags": {}, "version"?}}, with
     * {@code properties} left out when there are none and {@code version} only on v1beta types.
     */
    public static ObjectNode command(CommandType type, ObjectNode properties) {
        ObjectNode body = Json.object();
        body.put(FordApi.COMMAND_FIELD_TYPE, type.type());
        body.put(FordApi.COMMAND_FIELD_WAKE_UP, true);
        if (properties != null && !properties.isEmpty()) {
            body.set(FordApi.COMMAND_FIELD_PROPERTIES, properties.deepCopy());
        }
        body.set(FordApi.COMMAND_FIELD_TAGS, Json.object());
        if (type.isBeta()) {
            body.put(FordApi.COMMAND_FIELD_VERSION, type.version());
        }
        return body;
    }

    /** {@code {"duration": 1|3|5}}. */
    public static ObjectNode panic(HonkDuration duration) {
        Objects.requireNonNull(duration, "duration");
        return Json.object().put(CommandProperties.PANIC_DURATION, duration.seconds());
    }

    /** {@code {"ASUState": "ON"|"OFF"}}. */
    public static ObjectNode softwareUpdates(boolean enabled) {
        return Json.object().put(CommandProperties.SOFTWARE_UPDATE_STATE,
            enabled ? CommandProperties.ON : CommandProperties.OFF);
    }

    /**
     * {@code {"chargeSettings": {...}}} with the settings given; a target below 80 % is written to the target, the DC
     * target and the reserve alike.
     */
    public static ObjectNode chargeSettings(ChargeSettings settings) {
        Objects.requireNonNull(settings, "settings");
        ObjectNode values = Json.object();
        settings.targetPercent().ifPresent(percent -> {
            values.put(CommandProperties.CHARGE_TARGET_SOC, percent);
            if (settings.targetSetsAllThreeStateOfChargeSettings()) {
                values.put(CommandProperties.CHARGE_DC_TARGET_SOC, percent);
                values.put(CommandProperties.CHARGE_RESERVE_SOC, percent);
            }
        });
        settings.mode().ifPresent(mode -> values.put(CommandProperties.CHARGE_MODE, mode.value()));
        settings.currentLimitAmps().ifPresent(amps -> values.put(CommandProperties.CHARGE_CURRENT_LIMIT, amps));
        settings.dcPowerLimitKilowatts().ifPresent(kw -> values.put(CommandProperties.CHARGE_DC_POWER_LIMIT, kw));
        settings.autoUnlockChargePort().ifPresent(on -> values.put(CommandProperties.CHARGE_AUTO_PORT_UNLOCK,
            on ? CommandProperties.ON : CommandProperties.OFF));
        ObjectNode properties = Json.object();
        properties.set(CommandProperties.CHARGE_SETTINGS, values);
        return properties;
    }

    /**
     * {@code {"departureSchedules": [{"dayOfWeek", "schedules": [{"locationId", "preconditionTemperature",
     * "scheduleId", "scheduleStatus", "timeOfDay": {"hours", "minutes"}}]}]}}: the whole schedule, one entry per day
     * that has departures.
     */
    public static ObjectNode departureSchedule(DepartureSchedule schedule) {
        Objects.requireNonNull(schedule, "schedule");
        ObjectNode properties = Json.object();
        ArrayNode days = properties.putArray(CommandProperties.DEPARTURE_SCHEDULES);
        for (DayOfWeek day : schedule.days()) {
            ObjectNode dayNode = days.addObject();
            dayNode.put(CommandProperties.DEPARTURE_DAY_OF_WEEK, day.name().toUpperCase(Locale.ROOT));
            ArrayNode slots = dayNode.putArray(CommandProperties.DEPARTURE_DAY_SCHEDULES);
            for (Departure departure : schedule.on(day)) {
                ObjectNode slot = slots.addObject();
                slot.put(CommandProperties.DEPARTURE_LOCATION_ID, departure.locationId());
                slot.put(CommandProperties.DEPARTURE_PRECONDITION_TEMPERATURE, departure.precondition().value());
                slot.put(CommandProperties.DEPARTURE_SCHEDULE_ID, departure.scheduleId());
                slot.put(CommandProperties.DEPARTURE_SCHEDULE_STATUS,
                    departure.enabled() ? CommandProperties.ON : CommandProperties.OFF);
                ObjectNode time = slot.putObject(CommandProperties.DEPARTURE_TIME_OF_DAY);
                time.put(CommandProperties.DEPARTURE_HOURS, departure.time().getHour());
                time.put(CommandProperties.DEPARTURE_MINUTES, departure.time().getMinute());
            }
        }
        return properties;
    }

    /** {@code {"vin": ...}}: the body of the zone lighting calls. */
    public static ObjectNode vin(String vin) {
        return Json.object().put(FordApi.BODY_VIN, vin);
    }

    /** {@code {"crccStateFlag": "On"|"Off", "userPreferences": [{"preferenceType", "preferenceValue"}], "vin"}}. */
    public static ObjectNode climateProfile(String vin, ClimateProfile profile) {
        Objects.requireNonNull(profile, "profile");
        ObjectNode body = Json.object();
        body.put(FordApi.CLIMATE_STATE_FLAG, profile.enabled() ? FordApi.CLIMATE_ON : FordApi.CLIMATE_OFF);
        ArrayNode preferences = body.putArray(FordApi.CLIMATE_PREFERENCES);
        profile.preferences().forEach((name, value) -> preferences.addObject()
            .put(FordApi.CLIMATE_PREFERENCE_TYPE, name)
            .put(FordApi.CLIMATE_PREFERENCE_VALUE, value));
        body.put(FordApi.BODY_VIN, vin);
        return body;
    }
}
