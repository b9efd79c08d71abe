package io.github.connectedcar.simulator.vehicle;

/**
 * Entries of {@code vehicleCapabilities[]} in the vehicle list (docs/ford-api.md §4.1). Ford sends each as the string
 * {@code "Display"} (the app offers the feature) or {@code "NoDisplay"}.
 */
public enum Capability {
    REMOTE_LOCK("remoteLock"),
    REMOTE_START("remoteStart"),
    EXTEND_REMOTE_START("extendRemoteStart"),
    TRAILER_LIGHT_CHECK("trailerLightCheck"),
    DEPARTURE_TIMES("departureTimes"),
    GUARD_MODE("guardMode"),
    ZONE_LIGHTING("zoneLighting"),
    REMOTE_PANIC_ALARM("remotePanicAlarm"),
    DISPLAY_PREFERRED_CHARGE_TIMES("displayPreferredChargeTimes"),
    OIL_LIFE("oilLife"),
    TIRE_PRESSURE_MONITORING("tirePressureMonitoring");

    private final String wireName;

    Capability(String wireName) {
        this.wireName = wireName;
    }

    /** The field name in Ford's JSON. */
    public String wireName() {
        return wireName;
    }
}
