package io.github.connectedcar.ford.internal;

import io.github.connectedcar.ford.Endpoints.Role;
import io.github.connectedcar.ford.Endpoints;
import io.github.connectedcar.ford.Region;
import io.github.connectedcar.http.AuthScheme;
import io.github.connectedcar.http.HttpMethod;
import io.github.connectedcar.http.HttpRequest;
import io.github.connectedcar.model.Capability;
import io.github.connectedcar.model.CommandState;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The endpoint table: every Ford path, header spelling and magic value lives here, once, with a comment naming it
 * (see docs/ford-api.md). Ford publishes none of this; it is observed behaviour of the FordPass app.
 */
public final class FordApi {

    /** Azure AD B2C tenant of Ford's login. */
    public static final String B2C_TENANT = "4566605f-43a7-400a-946e-89cc9fdb0bd7";
    /** The FordPass app's OAuth client id; also its only scope. */
    public static final String B2C_CLIENT_ID = "09852200-05fd-41f6-8c21-d36d3497dc64";
    /** Scope of the authorize and token requests: the client id plus openid, joined by a space (sent as %20). */
    public static final String B2C_SCOPE = B2C_CLIENT_ID + " openid";
    /** How long Ford's login accepts a session for, in seconds. */
    public static final String B2C_MAX_AGE = "3600";

    /** The only User-Agent Ford accepts since October 2025: the FordPass app's HTTP library. */
    public static final String DEFAULT_USER_AGENT = "okhttp/4.12.0";

    /** Autonomic's token exchange: the CAT is the subject, issued by fordpass. */
    public static final String TMC_CLIENT_ID = "fordpass-prod";
    public static final String TMC_SUBJECT_ISSUER = "fordpass";
    public static final String TMC_GRANT_TYPE = "urn:ietf:params:oauth:grant-type:token-exchange";
    public static final String TMC_SUBJECT_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:jwt";

    /** The query the app adds to the telemetry GET ("last refresh date"; the epoch asks for everything). */
    public static final String TELEMETRY_LRDT = "01-01-1970 00:00:00";

    /** Ford's answer to an invalid or expired CAT refresh token: the person must log in again. */
    public static final String ERROR_CODE_INVALID_REFRESH_TOKEN = "460";
    /** Ford's answer to a request without Application-Id. */
    public static final String ERROR_CODE_MISSING_APPLICATION_ID = "432";

    /** How a Ford service wants its country header spelt; they differ per service. */
    enum CountryHeader {
        NONE(null), COUNTRY_CODE_CAMEL("countryCode"), COUNTRY_CODE_DASHED("country-code"),
        COUNTRY_CODE_LOWER("countrycode");

        final String headerName;

        CountryHeader(String headerName) {
            this.headerName = headerName;
        }
    }

    /**
     * One Ford operation: where it lives and what it needs.
     *
     * @param name       short name used in logs and errors
     * @param role       the host role
     * @param method     the HTTP method
     * @param path       the path under the role's base URL; {@code {vin}}-style placeholders
     * @param auth       the credential it carries
     * @param idempotent whether it may be retried
     * @param country    the spelling of the country header it wants
     * @param locale     whether it wants the {@code locale} header
     */
    public record Operation(String name, Role role, HttpMethod method, String path, AuthScheme auth,
                            boolean idempotent, CountryHeader country, boolean locale) {

        /**
         * The request for this operation, with Ford's per-service headers.
         *
         * @param params placeholder values in order of appearance in the path (URL-encoded here)
         */
        public HttpRequest request(Endpoints endpoints, Region region, String... params) {
            String resolved = path;
            for (String param : params) {
                int open = resolved.indexOf('{');
                int close = resolved.indexOf('}', open);
                if (open < 0 || close < 0) {
                    throw new IllegalArgumentException("Too many path parameters for " + name);
                }
                resolved = resolved.substring(0, open) + encodePath(Objects.requireNonNull(param, "path parameter"))
                    + resolved.substring(close + 1);
            }
            if (resolved.indexOf('{') >= 0) {
                throw new IllegalArgumentException("Missing path parameter for " + name + ": " + path);
            }
            URI uri = URI.create(endpoints.baseUrl(role, region) + resolved);
            HttpRequest request = new HttpRequest(method, uri, io.github.connectedcar.http.HttpHeaders.empty(), null,
                name, auth, idempotent);
            if (role != Role.AUTONOMIC && role != Role.AUTONOMIC_AUTH && role != Role.AUTONOMIC_WEBSOCKET
                && role != Role.LOGIN) {
                // Every Ford-host request names the app's region.
                request = request.withHeader("Application-Id", region.applicationId());
            }
            if (locale) {
                request = request.withHeader("locale", region.locale());
            }
            if (country.headerName != null) {
                request = request.withHeader(country.headerName, region.countryCode());
            }
            return request;
        }
    }

    private static Operation op(String name, Role role, HttpMethod method, String path, AuthScheme auth,
                                CountryHeader country, boolean locale) {
        return new Operation(name, role, method, path, auth, method.isIdempotentByDefault(), country, locale);
    }

    // --- login (Azure AD B2C); the policy segment depends on brand and locale -----------------------------------
    /** The page a person opens to sign in (never requested by the SDK itself). */
    public static final String B2C_AUTHORIZE_PATH = "/" + B2C_TENANT + "/{policy}/oauth2/v2.0/authorize";
    /** Code for B2C access token, form-encoded. */
    public static final Operation B2C_TOKEN = op("b2c-token", Role.LOGIN, HttpMethod.POST,
        "/" + B2C_TENANT + "/{policy}/oauth2/v2.0/token", AuthScheme.NONE, CountryHeader.NONE, false);

    // --- Ford token service ------------------------------------------------------------------------------------
    /** B2C access token for the first CAT: JSON {"idpToken"}. */
    public static final Operation CAT_MINT = op("cat-mint", Role.TOKEN, HttpMethod.POST,
        "/cat-with-b2c-access-token", AuthScheme.NONE, CountryHeader.NONE, false);
    /** CAT refresh token for a new CAT (the refresh token usually rotates): JSON {"refresh_token"}. */
    public static final Operation CAT_REFRESH = op("cat-refresh", Role.TOKEN, HttpMethod.POST,
        "/cat-with-refresh-token", AuthScheme.NONE, CountryHeader.NONE, false);

    // --- Autonomic token exchange ------------------------------------------------------------------------------
    /** CAT for a TMC token, form-encoded RFC 8693 token exchange. */
    public static final Operation TMC_EXCHANGE = op("tmc-exchange", Role.AUTONOMIC_AUTH, HttpMethod.POST, "",
        AuthScheme.NONE, CountryHeader.NONE, false);

    // --- reading -----------------------------------------------------------------------------------------------
    /** Vehicle list with profiles and capabilities; answers 207 Multi-Status on success. Body {"dashboardRefreshRequest":"All"}. */
    public static final Operation VEHICLE_DASHBOARD = new Operation("vehicles", Role.VEHICLE, HttpMethod.POST,
        "/expdashboard/v1/details/", AuthScheme.CAT, true, CountryHeader.COUNTRY_CODE_CAMEL, true);
    /** The dashboard request body. */
    public static final String VEHICLE_DASHBOARD_BODY = "{\"dashboardRefreshRequest\":\"All\"}";
    /** Garage: the alternative vehicle list. */
    public static final Operation GARAGE = op("garage", Role.VEHICLE, HttpMethod.GET,
        "/fpcpl-user-garage-service/v1/user/garage", AuthScheme.CAT, CountryHeader.COUNTRY_CODE_CAMEL, true);
    /** Full telemetry of one car. */
    public static final Operation TELEMETRY = op("telemetry", Role.AUTONOMIC, HttpMethod.GET,
        "/v1/telemetry/sources/fordpass/vehicles/{vin}?lrdt=" + encode(TELEMETRY_LRDT), AuthScheme.TMC,
        CountryHeader.NONE, false);
    /** Websocket push of telemetry changes (docs/ford-api.md §6); reopened by its owner, never retried here. */
    public static final Operation TELEMETRY_WEBSOCKET = new Operation("telemetry-websocket", Role.AUTONOMIC_WEBSOCKET,
        HttpMethod.GET, "/v1beta/telemetry/sources/fordpass/vehicles/{vin}/ws", AuthScheme.TMC, false,
        CountryHeader.NONE, false);
    /**
     * The car's energy-transfer (charging) log, newest first: {"energyTransferLogs":[…]} (docs/ford-api.md §4.4). The
     * car is named in {@link #ENERGY_TRANSFER_LOGS_DEVICE_HEADER}; {@code {maxRecords}} is how many entries to answer.
     */
    public static final Operation ENERGY_TRANSFER_LOGS = op("energy-transfer-logs", Role.VEHICLE, HttpMethod.GET,
        "/electrification/experiences/v2/devices/energy-transfer-logs?maxRecords={maxRecords}", AuthScheme.CAT,
        CountryHeader.NONE, false);
    /** The header naming the car of the energy-transfer log, spelt so. */
    public static final String ENERGY_TRANSFER_LOGS_DEVICE_HEADER = "deviceId";
    /** The answer's list of sessions. */
    public static final String ENERGY_TRANSFER_LOGS_LIST = "energyTransferLogs";
    /** How many entries the app asks for. */
    public static final int ENERGY_TRANSFER_LOGS_DEFAULT_RECORDS = 20;
    /** Messages of the message center, under result.messages. */
    public static final Operation MESSAGES = op("messages", Role.FOUNDATIONAL, HttpMethod.GET,
        "/messagecenter/v3/messages", AuthScheme.CAT, CountryHeader.COUNTRY_CODE_DASHED, true);

    // --- commands on Autonomic (docs/ford-api.md §5.1); never retried once they may have left -------------------------
    /** Sends a command of a v1 type; answers 2xx (usually 201) with the command id. Not idempotent. */
    public static final Operation COMMAND_V1 = new Operation("command", Role.AUTONOMIC, HttpMethod.POST,
        "/v1/command/vehicles/{vin}/commands", AuthScheme.TMC, false, CountryHeader.NONE, false);
    /** Sends a command of a v1beta type (charging, departure times, software updates). Not idempotent. */
    public static final Operation COMMAND_V1BETA = new Operation("command-beta", Role.AUTONOMIC, HttpMethod.POST,
        "/v1beta/command/vehicles/{vin}/commands", AuthScheme.TMC, false, CountryHeader.NONE, false);

    /** Body field: the command type string. */
    public static final String COMMAND_FIELD_TYPE = "type";
    /** Body field: always {@code true}, so the cloud wakes the car's modem to deliver the command. */
    public static final String COMMAND_FIELD_WAKE_UP = "wakeUp";
    /** Body field: the command's arguments; left out when a command has none. */
    public static final String COMMAND_FIELD_PROPERTIES = "properties";
    /** Body field: free tags; the app sends an empty object. */
    public static final String COMMAND_FIELD_TAGS = "tags";
    /** Body field: the command schema version, only on v1beta types. */
    public static final String COMMAND_FIELD_VERSION = "version";
    /** Answer fields that may hold the new command's id, in the order they are tried. */
    public static final List<String> COMMAND_ID_FIELDS = List.of("id", "commandId", "correlationId");
    /** Answer field with the command's first state, such as {@code REQUESTED}. */
    public static final String COMMAND_FIELD_CURRENT_STATUS = "currentStatus";

    /** {@code version} of the charging commands (start, cancel, pause, charge settings). */
    public static final String CHARGE_COMMAND_VERSION = "1.0.1";
    /** {@code version} of the departure-times commands. */
    public static final String DEPARTURE_TIMES_VERSION = "1";
    /** {@code version} of the automatic-software-update settings command. */
    public static final String SOFTWARE_UPDATE_SETTINGS_VERSION = "1.0.0";

    /**
     * One Autonomic command type (docs/ford-api.md §5.1).
     *
     * @param type       the {@code type} string Ford expects
     * @param operation  {@link #COMMAND_V1} or {@link #COMMAND_V1BETA}
     * @param version    the {@code version} body field (v1beta types only), or {@code null}
     * @param capability the vehicle-list flag that says a car offers it, or {@code null} when every car does
     */
    public record CommandType(String type, Operation operation, String version, Capability capability) {

        public CommandType {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(operation, "operation");
            if ((operation == COMMAND_V1BETA) != (version != null)) {
                throw new IllegalArgumentException("v1beta command types carry a version, v1 types none: " + type);
            }
        }

        static CommandType v1(String type, Capability capability) {
            return new CommandType(type, COMMAND_V1, null, capability);
        }

        static CommandType v1beta(String type, String version, Capability capability) {
            return new CommandType(type, COMMAND_V1BETA, version, capability);
        }

        /** Whether it goes to the v1beta endpoint and carries a {@code version}. */
        public boolean isBeta() {
            return version != null;
        }

        /**
         * The key of this command's progress entry in telemetry {@code states} (docs/ford-api.md §5.2): {@code <type>Command},
         * unless the type already ends in {@code Command} or is a departure-times type, whose key is the type.
         */
        public String stateKey() {
            return type.endsWith("Command") || Commands.DEPARTURE_TIMES_TYPES.contains(type) ? type
                : type + "Command";
        }

        @Override
        public String toString() {
            return type;
        }
    }

    /** The command types of docs/ford-api.md §5.1. */
    public static final class Commands {
        /** Remote start; sent again while the engine runs, it extends the run. */
        public static final CommandType REMOTE_START = CommandType.v1("remoteStart", Capability.REMOTE_START);
        /** Cancels a remote start. */
        public static final CommandType CANCEL_REMOTE_START = CommandType.v1("cancelRemoteStart",
            Capability.REMOTE_START);
        /** Locks the doors. */
        public static final CommandType LOCK = CommandType.v1("lock", Capability.REMOTE_LOCK);
        /** Unlocks the doors. */
        public static final CommandType UNLOCK = CommandType.v1("unlock", Capability.REMOTE_LOCK);
        /** Wakes the car's modem to report fresh status; drains the 12 V battery, so use it sparingly. */
        public static final CommandType STATUS_REFRESH = CommandType.v1("statusRefresh", null);
        /** Honk and flash; properties {"duration": 1|3|5}. */
        public static final CommandType PANIC_CUE = CommandType.v1("startPanicCue", Capability.REMOTE_PANIC_ALARM);
        /** Starts charging. */
        public static final CommandType START_CHARGING = CommandType.v1beta("startGlobalChargeCommand",
            CHARGE_COMMAND_VERSION, Capability.CHARGING);
        /** Stops (cancels) charging. */
        public static final CommandType CANCEL_CHARGING = CommandType.v1beta("cancelGlobalChargeCommand",
            CHARGE_COMMAND_VERSION, Capability.CHARGING);
        /** Pauses charging. */
        public static final CommandType PAUSE_CHARGING = CommandType.v1beta("pauseGlobalChargeCommand",
            CHARGE_COMMAND_VERSION, Capability.CHARGING);
        /** Changes charge settings; properties {"chargeSettings": {...}}. */
        public static final CommandType UPDATE_CHARGE_SETTINGS = CommandType.v1beta("updateChargeSettingsCommand",
            CHARGE_COMMAND_VERSION, Capability.CHARGING);
        /** Turns the departure-time schedules on (no {@code Command} suffix). */
        public static final CommandType ENABLE_DEPARTURE_TIMES = CommandType.v1beta("enableDepartureTimes",
            DEPARTURE_TIMES_VERSION, Capability.DEPARTURE_TIMES);
        /** Turns the departure-time schedules off. */
        public static final CommandType DISABLE_DEPARTURE_TIMES = CommandType.v1beta("disableDepartureTimes",
            DEPARTURE_TIMES_VERSION, Capability.DEPARTURE_TIMES);
        /** Replaces the whole departure-time schedule; properties {"departureSchedules": [...]}. */
        public static final CommandType UPDATE_DEPARTURE_TIMES = CommandType.v1beta("updateDepartureTimes",
            DEPARTURE_TIMES_VERSION, Capability.DEPARTURE_TIMES);
        /** Automatic software updates on or off; properties {"ASUState": "ON"|"OFF"}. */
        public static final CommandType SOFTWARE_UPDATE_SETTINGS = CommandType.v1beta("publishASUSettingsCommand",
            SOFTWARE_UPDATE_SETTINGS_VERSION, null);
        /** Starts the trailer light check. */
        public static final CommandType START_TRAILER_LIGHT_CHECK = CommandType.v1("startTrailerLightCheck",
            Capability.TRAILER_LIGHT_CHECK);
        /** Stops the trailer light check. */
        public static final CommandType STOP_TRAILER_LIGHT_CHECK = CommandType.v1("stopTrailerLightCheck",
            Capability.TRAILER_LIGHT_CHECK);

        /** The departure-times types, whose state key has no {@code Command} suffix. */
        static final Set<String> DEPARTURE_TIMES_TYPES = Set.of("enableDepartureTimes", "disableDepartureTimes",
            "updateDepartureTimes");

        /** Every command type above. */
        public static final List<CommandType> ALL = List.of(REMOTE_START, CANCEL_REMOTE_START, LOCK, UNLOCK,
            STATUS_REFRESH, PANIC_CUE, START_CHARGING, CANCEL_CHARGING, PAUSE_CHARGING, UPDATE_CHARGE_SETTINGS,
            ENABLE_DEPARTURE_TIMES, DISABLE_DEPARTURE_TIMES, UPDATE_DEPARTURE_TIMES, SOFTWARE_UPDATE_SETTINGS,
            START_TRAILER_LIGHT_CHECK, STOP_TRAILER_LIGHT_CHECK);

        private Commands() {
        }
    }

    /** Command properties: their field names and values (docs/ford-api.md §5.1). */
    public static final class CommandProperties {
        /** startPanicCue: how long to honk and flash, in seconds. */
        public static final String PANIC_DURATION = "duration";
        /** The durations startPanicCue accepts, in seconds. */
        public static final Set<Integer> PANIC_DURATIONS = Set.of(1, 3, 5);
        /** publishASUSettingsCommand: automatic software updates, {@link #ON} or {@link #OFF}. */
        public static final String SOFTWARE_UPDATE_STATE = "ASUState";
        public static final String ON = "ON";
        public static final String OFF = "OFF";

        /** updateChargeSettingsCommand: the object holding the settings below. */
        public static final String CHARGE_SETTINGS = "chargeSettings";
        /** Charge target (AC), percent. */
        public static final String CHARGE_TARGET_SOC = "globalTargetSoc";
        /** Charge target when DC fast-charging, percent. */
        public static final String CHARGE_DC_TARGET_SOC = "globalDCTargetSoc";
        /** Reserve the battery keeps, percent. */
        public static final String CHARGE_RESERVE_SOC = "globalReserveSoc";
        /** AC current limit, amperes. */
        public static final String CHARGE_CURRENT_LIMIT = "globalCurrentLimit";
        /** DC power limit, kilowatts. */
        public static final String CHARGE_DC_POWER_LIMIT = "globalDCPowerLimit";
        /** Charge mode, such as {@code CHARGE_NOW}. */
        public static final String CHARGE_MODE = "chargeMode";
        /** Unlock the charge port when charging ends, {@link #ON} or {@link #OFF}. */
        public static final String CHARGE_AUTO_PORT_UNLOCK = "autoChargePortUnlock";
        /**
         * Ford keeps a target below this only in steps of {@link #CHARGE_SOC_STEP}, and then wants the target, the
         * DC target and the reserve set to the same value.
         */
        public static final int CHARGE_SOC_FREE_FROM = 80;
        public static final int CHARGE_SOC_STEP = 10;

        /** Charge modes Ford's app offers (values of {@link #CHARGE_MODE}). */
        public static final String CHARGE_MODE_NOW = "CHARGE_NOW";
        public static final String CHARGE_MODE_DEPARTURE_TIMES = "CHARGE_DT";
        public static final String CHARGE_MODE_DEPARTURE_TIMES_CONDITIONED = "CHARGE_DT_COND";
        public static final String CHARGE_MODE_SOLD = "CHARGE_SOLD";
        public static final String CHARGE_MODE_VALUE = "VALUE_CHARGE";
        public static final String CHARGE_MODE_HOME_NOW = "HOME_CHARGE_NOW";
        public static final String CHARGE_MODE_HOME_STORE = "HOME_STORE_CHARGE";
        public static final String CHARGE_MODE_HOME_DISCHARGE = "HOME_CHARGE_DISCHARGE";

        /** updateDepartureTimes: the whole schedule, one entry per day. */
        public static final String DEPARTURE_SCHEDULES = "departureSchedules";
        public static final String DEPARTURE_DAY_OF_WEEK = "dayOfWeek";
        /** The slots of one day. */
        public static final String DEPARTURE_DAY_SCHEDULES = "schedules";
        public static final String DEPARTURE_LOCATION_ID = "locationId";
        public static final String DEPARTURE_PRECONDITION_TEMPERATURE = "preconditionTemperature";
        public static final String DEPARTURE_SCHEDULE_ID = "scheduleId";
        /** {@link #ON} or {@link #OFF}. */
        public static final String DEPARTURE_SCHEDULE_STATUS = "scheduleStatus";
        /** Cabin pre-conditioning before a departure (values of {@link #DEPARTURE_PRECONDITION_TEMPERATURE}). */
        public static final String PRECONDITION_OFF = "OFF";
        public static final String PRECONDITION_LOW = "LOW";
        public static final String PRECONDITION_MEDIUM = "MEDIUM";
        public static final String PRECONDITION_HIGH = "HIGH";
        /** {"hours": h, "minutes": m}. */
        public static final String DEPARTURE_TIME_OF_DAY = "timeOfDay";
        public static final String DEPARTURE_HOURS = "hours";
        public static final String DEPARTURE_MINUTES = "minutes";

        private CommandProperties() {
        }
    }

    // --- following a command in telemetry states (docs/ford-api.md §5.2) --------------------------------------------------
    /** Telemetry section holding command progress. */
    public static final String STATES = "states";
    /** Where some answers nest command states: {@code states.commands}. */
    public static final String STATES_COMMANDS = "commands";
    /** A state entry's command id, matched with the id the POST answered. */
    public static final String STATE_COMMAND_ID = "commandId";
    /** A state entry's time. */
    public static final String STATE_TIMESTAMP = "timestamp";
    /** A state entry's value: {@code toState}, {@code data}, {@code metrics}. */
    public static final String STATE_VALUE = "value";
    public static final String STATE_TO_STATE = "toState";
    /** Fresh metrics a succeeded command may carry in {@code value.metrics}. */
    public static final String STATE_METRICS = "metrics";
    /** Path of a failure's reason under {@code value}: data.commandError.commandExecutionFailure. */
    public static final List<String> STATE_FAILURE_PATH = List.of("data", "commandError", "commandExecutionFailure");
    public static final String STATE_OEM_ERROR_CODE = "oemErrorCode";
    public static final String STATE_OEM_ERROR_CONTEXT = "oemErrorContext";

    /**
     * Ford's {@code toState} values and the {@link CommandState} each means (docs/ford-api.md §5.2): the one list of them.
     * Compared trimmed and ignoring case.
     */
    public static final class CommandStates {
        /** Ford's states by their whole name. */
        private static final Map<String, CommandState> BY_NAME = Map.of(
            "REQUESTED", CommandState.REQUESTED, // the first state, as the POST answers it
            "REQUEST_QUEUED", CommandState.QUEUED, // waiting in the cloud
            "RECEIVED_BY_DEVICE", CommandState.DELIVERED, // the car has it
            "SUCCESS", CommandState.SUCCEEDED,
            "COMMAND_SUCCEEDED_ON_DEVICE", CommandState.SUCCEEDED,
            "COMMAND_FAILED_ON_DEVICE", CommandState.FAILED, // the reason is under value.data.commandError
            "FAILED", CommandState.FAILED,
            "EXPIRED", CommandState.EXPIRED); // the car never picked it up in time
        /**
         * Pending states Ford names in several ways, by a part of the name; tried in order after the whole names, so
         * {@code DELIVERY_IN_PROGRESS} is still being delivered.
         */
        private static final List<Map.Entry<String, CommandState>> BY_PART = List.of(
            Map.entry("DELIVERY", CommandState.QUEUED),
            Map.entry("IN_PROGRESS", CommandState.DELIVERED));

        private CommandStates() {
        }

        /**
         * What Ford's {@code toState} means; a state not listed here passes through as {@link CommandState#of} of
         * Ford's raw name (an unknown, non-final state unless it names a {@link CommandState} constant).
         */
        public static CommandState stateOf(String toState) {
            String upper = toState.strip().toUpperCase(Locale.ROOT);
            CommandState byName = BY_NAME.get(upper);
            if (byName != null) {
                return byName;
            }
            for (Map.Entry<String, CommandState> part : BY_PART) {
                if (upper.contains(part.getKey())) {
                    return part.getValue();
                }
            }
            return CommandState.of(toState);
        }
    }

    // --- Ford MPS: guard mode and zone lighting (single calls, no command id) ---------------------------------
    /** Guard mode state of the car named in {@link #GUARD_MODE_VIN_HEADER}: {"returnCode", "returnMessage", ...}. */
    public static final Operation GUARD_MODE_STATUS = op("guard-mode-status", Role.MPS, HttpMethod.GET,
        "/api/gmfi/v1/session", AuthScheme.CAT, CountryHeader.NONE, false);
    /** Enables guard mode. */
    public static final Operation GUARD_MODE_ENABLE = op("guard-mode-enable", Role.MPS, HttpMethod.PUT,
        "/api/gmfi/v1/session", AuthScheme.CAT, CountryHeader.NONE, false);
    /** Disables guard mode; may answer returnCode 300 while enrollment is still in progress. */
    public static final Operation GUARD_MODE_DISABLE = op("guard-mode-disable", Role.MPS, HttpMethod.DELETE,
        "/api/gmfi/v1/session", AuthScheme.CAT, CountryHeader.NONE, false);
    /** The header naming the car for guard mode, spelt exactly so (proper case). */
    public static final String GUARD_MODE_VIN_HEADER = "X-Vin";
    /** Guard mode's body field with the outcome code (200 done). */
    public static final String GUARD_MODE_RETURN_CODE = "returnCode";
    /** Guard mode's body field with the outcome text. */
    public static final String GUARD_MODE_RETURN_MESSAGE = "returnMessage";
    /**
     * Where guard mode's state answer holds the state: {@code session.gmStatus}, {@code enable} or {@code disable}
     * (read so by a maintained client; docs/ford-api.md §4).
     */
    public static final List<String> GUARD_MODE_STATE_PATH = List.of("session", "gmStatus");
    /** Guard mode's returnCode for success. */
    public static final int GUARD_MODE_OK = 200;
    /** Guard mode's returnCode for "Enrollment is still in progress": not a failure, try again later. */
    public static final int GUARD_MODE_ENROLLMENT_IN_PROGRESS = 300;

    /** Turns zone lighting on; body {"vin": ...}. */
    public static final Operation ZONE_LIGHTING_ON = op("zone-lighting-on", Role.MPS, HttpMethod.PUT,
        "/vehicles/vpfi/zonelightingactivation", AuthScheme.CAT, CountryHeader.NONE, false);
    /** Turns zone lighting off: a DELETE that carries the body {"vin": ...}. */
    public static final Operation ZONE_LIGHTING_OFF = op("zone-lighting-off", Role.MPS, HttpMethod.DELETE,
        "/vehicles/vpfi/zonelightingactivation", AuthScheme.CAT, CountryHeader.NONE, false);
    /** Selects the lit zone (0 all, 1 front, 2 rear, 3 driver, 4 passenger); body {"vin": ...}. */
    public static final Operation ZONE_LIGHTING_ZONE = op("zone-lighting-zone", Role.MPS, HttpMethod.PUT,
        "/vehicles/vpfi/{zone}/zonelightingzone", AuthScheme.CAT, CountryHeader.NONE, false);
    /** Zone lighting zone numbers: 0 all, 1 front, 2 rear, 3 driver side, 4 passenger side. */
    public static final int LIGHTING_ZONE_ALL = 0;
    public static final int LIGHTING_ZONE_FRONT = 1;
    public static final int LIGHTING_ZONE_REAR = 2;
    public static final int LIGHTING_ZONE_DRIVER = 3;
    public static final int LIGHTING_ZONE_PASSENGER = 4;
    /** Body field naming the car in zone lighting and climate profile calls. */
    public static final String BODY_VIN = "vin";

    // --- Ford vehicle services: remote climate profile --------------------------------------------------------
    /** Replaces the remote climate profile; answers only {"status": 200}. */
    public static final Operation CLIMATE_PROFILE_UPDATE = op("climate-profile-update", Role.VEHICLE, HttpMethod.PUT,
        "/rcc/profile/update", AuthScheme.CAT, CountryHeader.NONE, false);
    /** Body field: the profile's on/off flag, {@link #CLIMATE_ON} or {@link #CLIMATE_OFF}. */
    public static final String CLIMATE_STATE_FLAG = "crccStateFlag";
    public static final String CLIMATE_ON = "On";
    public static final String CLIMATE_OFF = "Off";
    /** Body field: a list of {"preferenceType", "preferenceValue"}. */
    public static final String CLIMATE_PREFERENCES = "userPreferences";
    public static final String CLIMATE_PREFERENCE_TYPE = "preferenceType";
    public static final String CLIMATE_PREFERENCE_VALUE = "preferenceValue";
    /** Preference: cabin temperature in °C written as {@code 22_0} / {@code 21_5}. */
    public static final String CLIMATE_SET_POINT_TEMPERATURE = "SetPointTemp_Rq";
    /** The answer's field with the outcome; {@link #CLIMATE_STATUS_OK} means accepted. */
    public static final String CLIMATE_STATUS = "status";
    public static final int CLIMATE_STATUS_OK = 200;

    private FordApi() {
    }

    /** The Azure AD B2C policy of a region's brand and locale. */
    public static String b2cPolicy(Region region) {
        return region.isLincoln() ? "B2C_1A_SignInSignUp_Lincoln_" + region.locale()
            : "B2C_1A_SignInSignUp_" + region.locale();
    }

    /** Where the login page sends the browser at the end; the person pastes this URL back. */
    public static String redirectUri(Region region) {
        return region.isLincoln() ? "lincolnapp://userauthorized" : "fordapp://userauthorized";
    }

    /** The authorize URL a person opens to sign in (docs/ford-api.md §3.1). */
    public static URI authorizeUrl(Endpoints endpoints, Region region, String codeChallenge) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("redirect_uri", redirectUri(region));
        query.put("response_type", "code");
        query.put("max_age", B2C_MAX_AGE);
        query.put("code_challenge", codeChallenge);
        query.put("code_challenge_method", "S256");
        query.put("scope", B2C_SCOPE);
        query.put("client_id", B2C_CLIENT_ID);
        query.put("ui_locales", region.locale());
        query.put("language_code", region.locale());
        query.put("ford_application_id", region.applicationId());
        query.put("country_code", region.countryCode());
        String path = B2C_AUTHORIZE_PATH.replace("{policy}", b2cPolicy(region));
        return URI.create(endpoints.baseUrl(Role.LOGIN, region) + path + "?" + formEncode(query));
    }

    /** Form/query encoding with spaces as {@code %20}, never {@code +}: Ford's login refuses the plus. */
    public static String formEncode(Map<String, String> values) {
        StringJoiner joiner = new StringJoiner("&");
        values.forEach((k, v) -> joiner.add(encode(k) + "=" + encode(v)));
        return joiner.toString();
    }

    /** URL-encodes one value, spaces as {@code %20}. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String encodePath(String segment) {
        return encode(segment);
    }
}
