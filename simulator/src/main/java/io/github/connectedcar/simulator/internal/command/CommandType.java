package io.github.connectedcar.simulator.internal.command;

import java.util.Optional;

import io.github.connectedcar.simulator.vehicle.Capability;

/**
 * The Autonomic command types the simulator accepts (docs/ford-api.md §5.1): wire name, the base it must be sent to, the
 * {@code version} a v1beta command carries, and what the car needs to accept it.
 */
public enum CommandType {
    REMOTE_START("remoteStart", ApiVersion.V1, null, Capability.REMOTE_START, false),
    CANCEL_REMOTE_START("cancelRemoteStart", ApiVersion.V1, null, Capability.REMOTE_START, false),
    LOCK("lock", ApiVersion.V1, null, Capability.REMOTE_LOCK, false),
    UNLOCK("unlock", ApiVersion.V1, null, Capability.REMOTE_LOCK, false),
    STATUS_REFRESH("statusRefresh", ApiVersion.V1, null, null, false),
    START_PANIC_CUE("startPanicCue", ApiVersion.V1, null, Capability.REMOTE_PANIC_ALARM, false),
    START_TRAILER_LIGHT_CHECK("startTrailerLightCheck", ApiVersion.V1, null, Capability.TRAILER_LIGHT_CHECK, false),
    STOP_TRAILER_LIGHT_CHECK("stopTrailerLightCheck", ApiVersion.V1, null, Capability.TRAILER_LIGHT_CHECK, false),
    START_GLOBAL_CHARGE("startGlobalChargeCommand", ApiVersion.V1BETA, "1.0.1", null, true),
    CANCEL_GLOBAL_CHARGE("cancelGlobalChargeCommand", ApiVersion.V1BETA, "1.0.1", null, true),
    PAUSE_GLOBAL_CHARGE("pauseGlobalChargeCommand", ApiVersion.V1BETA, "1.0.1", null, true),
    UPDATE_CHARGE_SETTINGS("updateChargeSettingsCommand", ApiVersion.V1BETA, "1.0.1", null, true),
    ENABLE_DEPARTURE_TIMES("enableDepartureTimes", ApiVersion.V1BETA, "1", Capability.DEPARTURE_TIMES, true),
    DISABLE_DEPARTURE_TIMES("disableDepartureTimes", ApiVersion.V1BETA, "1", Capability.DEPARTURE_TIMES, true),
    UPDATE_DEPARTURE_TIMES("updateDepartureTimes", ApiVersion.V1BETA, "1", Capability.DEPARTURE_TIMES, true),
    PUBLISH_ASU_SETTINGS("publishASUSettingsCommand", ApiVersion.V1BETA, "1.0.0", null, false);

    private final String wireName;
    private final ApiVersion apiVersion;
    private final String version;
    private final Capability requiredCapability;
    private final boolean requiresPlugIn;

    CommandType(String wireName, ApiVersion apiVersion, String version, Capability requiredCapability,
                boolean requiresPlugIn) {
        this.wireName = wireName;
        this.apiVersion = apiVersion;
        this.version = version;
        this.requiredCapability = requiredCapability;
        this.requiresPlugIn = requiresPlugIn;
    }

    /** The {@code type} in the request body. */
    public String wireName() {
        return wireName;
    }

    /** The base the command must be posted to. */
    public ApiVersion apiVersion() {
        return apiVersion;
    }

    /** The {@code version} the body must carry, or empty for v1 commands. */
    public Optional<String> version() {
        return Optional.ofNullable(version);
    }

    /** The capability the vehicle list must show, or empty when every car can. */
    public Optional<Capability> requiredCapability() {
        return Optional.ofNullable(requiredCapability);
    }

    /** Whether only a plug-in car (BEV, PHEV) accepts it. */
    public boolean requiresPlugIn() {
        return requiresPlugIn;
    }

    /** Whether this is one of the departure-times types, which keep their name as their state key. */
    public boolean isDepartureTimes() {
        return this == ENABLE_DEPARTURE_TIMES || this == DISABLE_DEPARTURE_TIMES || this == UPDATE_DEPARTURE_TIMES;
    }

    /**
     * The key under telemetry {@code states} where progress shows: {@code <type>Command}, unless the type already
     * ends in {@code Command} or is a departure-times type (docs/ford-api.md §5.2).
     */
    public String stateKey() {
        if (wireName.endsWith("Command") || isDepartureTimes()) {
            return wireName;
        }
        return wireName + "Command";
    }

    /** The type with this wire name, if the simulator knows it. */
    public static Optional<CommandType> ofWireName(String name) {
        for (CommandType t : values()) {
            if (t.wireName.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
