package io.github.connectedcar.simulator.internal.vehicle;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * What the owner set by command and the car only keeps and reports: charge settings, departure times and the
 * automatic-software-update opt-in. {@link CommandExecution} changes them and reports the change. Not thread-safe.
 */
public final class Settings {

    private final Map<String, JsonNode> chargeSettings = new LinkedHashMap<>();
    private boolean departureTimesEnabled;
    private JsonNode departureSchedule;
    private String asuState = "ON";

    /** The charge settings sent so far, by name, in the order they first arrived. */
    Map<String, JsonNode> chargeSettings() {
        return Collections.unmodifiableMap(chargeSettings);
    }

    /** Merges the fields of a {@code chargeSettings} object into the ones kept. */
    void updateChargeSettings(JsonNode update) {
        update.forEachEntry(chargeSettings::put);
    }

    public boolean departureTimesEnabled() {
        return departureTimesEnabled;
    }

    void setDepartureTimesEnabled(boolean enabled) {
        departureTimesEnabled = enabled;
    }

    /** The departure schedule last set by {@code updateDepartureTimes}, or null. */
    public JsonNode departureSchedule() {
        return departureSchedule;
    }

    void setDepartureSchedule(JsonNode schedule) {
        departureSchedule = schedule;
    }

    /** {@code ON} or {@code OFF}. */
    String asuState() {
        return asuState;
    }

    void setAsuState(String state) {
        asuState = state;
    }
}
