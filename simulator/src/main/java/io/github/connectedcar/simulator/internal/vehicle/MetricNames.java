package io.github.connectedcar.simulator.internal.vehicle;

/** Names of the telemetry metrics and states the simulator produces, as Ford spells them (docs/ford-api.md §4.2). */
public final class MetricNames {

    public static final String ODOMETER = "odometer";
    public static final String SPEED = "speed";
    public static final String POSITION = "position";
    public static final String HEADING = "heading";
    public static final String COMPASS_DIRECTION = "compassDirection";
    public static final String IGNITION_STATUS = "ignitionStatus";
    public static final String GEAR_LEVER_POSITION = "gearLeverPosition";
    public static final String REMOTE_START_COUNTDOWN_TIMER = "remoteStartCountdownTimer";
    public static final String ALARM_STATUS = "alarmStatus";
    public static final String PANIC_ALARM_STATUS = "panicAlarmStatus";
    public static final String DOOR_STATUS = "doorStatus";
    public static final String DOOR_LOCK_STATUS = "doorLockStatus";
    public static final String HOOD_STATUS = "hoodStatus";
    public static final String WINDOW_STATUS = "windowStatus";
    public static final String TIRE_PRESSURE = "tirePressure";
    public static final String TIRE_PRESSURE_STATUS = "tirePressureStatus";
    public static final String TIRE_PRESSURE_SYSTEM_STATUS = "tirePressureSystemStatus";
    public static final String OUTSIDE_TEMPERATURE = "outsideTemperature";
    public static final String BATTERY_STATE_OF_CHARGE = "batteryStateOfCharge";
    public static final String BATTERY_VOLTAGE = "batteryVoltage";
    public static final String OIL_LIFE_REMAINING = "oilLifeRemaining";
    public static final String FUEL_LEVEL = "fuelLevel";
    public static final String FUEL_RANGE = "fuelRange";
    public static final String ENGINE_COOLANT_TEMP = "engineCoolantTemp";
    public static final String INDICATORS = "indicators";
    public static final String XEV_BATTERY_STATE_OF_CHARGE = "xevBatteryStateOfCharge";
    public static final String XEV_BATTERY_ACTUAL_STATE_OF_CHARGE = "xevBatteryActualStateOfCharge";
    public static final String XEV_BATTERY_RANGE = "xevBatteryRange";
    public static final String XEV_BATTERY_CAPACITY = "xevBatteryCapacity";
    public static final String XEV_BATTERY_ENERGY_REMAINING = "xevBatteryEnergyRemaining";
    public static final String XEV_BATTERY_TEMPERATURE = "xevBatteryTemperature";
    public static final String XEV_PLUG_CHARGER_STATUS = "xevPlugChargerStatus";
    public static final String XEV_BATTERY_CHARGE_DISPLAY_STATUS = "xevBatteryChargeDisplayStatus";
    public static final String XEV_BATTERY_TIME_TO_FULL_CHARGE = "xevBatteryTimeToFullCharge";
    public static final String XEV_BATTERY_CHARGER_VOLTAGE_OUTPUT = "xevBatteryChargerVoltageOutput";
    public static final String XEV_BATTERY_CHARGER_CURRENT_OUTPUT = "xevBatteryChargerCurrentOutput";
    public static final String XEV_DEPARTURE_SCHEDULES = "xevDepartureSchedules";
    public static final String CUSTOM_METRICS = "customMetrics";
    public static final String CONFIGURATIONS = "configurations";
    public static final String DISPLAY_SYSTEM_OF_MEASURE = "displaySystemOfMeasure";

    /** State: whether the car accepts commands (deep sleep precludes them). */
    public static final String STATE_COMMAND_PRECLUSION = "commandPreclusion";
    /** State: whether the modem is connected. */
    public static final String STATE_DEVICE_CONNECTIVITY = "deviceConnectivity";
    /** Event: the last remote start. */
    public static final String EVENT_REMOTE_START = "remoteStartEvent";

    private MetricNames() {
    }
}
