package io.github.connectedcar.simulator.vehicle;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a simulated vehicle is (identity, profile, capabilities) and the state it starts in. Immutable; start from a
 * preset ({@link #f150(String)}, {@link #machE(String)}) and adjust with {@link #toBuilder()}.
 */
public final class VehicleSpec {

    /** VIN of the default account's pickup. */
    public static final String DEFAULT_F150_VIN = "1FTFW1E50PFA00001";
    /** VIN of the default account's electric crossover. */
    public static final String DEFAULT_MACH_E_VIN = "3FMTK3SU5PMA00002";

    private static final Pattern VIN = Pattern.compile("[A-HJ-NPR-Z0-9]{17}");

    private final String vin;
    private final String nickname;
    private final String make;
    private final String model;
    private final int modelYear;
    private final EngineType engineType;
    private final String color;
    private final String transmission;
    private final int lightingZones;
    private final boolean heatedSteeringWheel;
    private final String driverHeatedSeat;
    private final boolean remoteClimateControl;
    private final boolean remoteHeatingCooling;
    private final Set<Capability> capabilities;
    private final Set<Door> doors;
    private final double tankLiters;
    private final double litersPer100Km;
    private final double batteryCapacityKwh;
    private final double kwhPer100Km;
    private final double odometerKm;
    private final double fuelLevelPercent;
    private final double stateOfChargePercent;
    private final boolean pluggedIn;
    private final boolean charging;
    private final double chargePowerKw;
    private final double targetStateOfChargePercent;
    private final double latitude;
    private final double longitude;
    private final double altitude;
    private final double heading;
    private final boolean locked;
    private final Set<Door> openDoors;
    private final boolean deepSleep;
    private final double outsideTemperatureC;
    private final double oilLifePercent;
    private final double battery12vPercent;
    private final double tirePressureKpa;
    private final double placardPressureKpa;

    private VehicleSpec(Builder b) {
        this.vin = b.vin;
        this.nickname = b.nickname;
        this.make = b.make;
        this.model = b.model;
        this.modelYear = b.modelYear;
        this.engineType = b.engineType;
        this.color = b.color;
        this.transmission = b.transmission;
        this.lightingZones = b.lightingZones;
        this.heatedSteeringWheel = b.heatedSteeringWheel;
        this.driverHeatedSeat = b.driverHeatedSeat;
        this.remoteClimateControl = b.remoteClimateControl;
        this.remoteHeatingCooling = b.remoteHeatingCooling;
        this.capabilities = Collections.unmodifiableSet(copy(b.capabilities, Capability.class));
        this.doors = Collections.unmodifiableSet(copy(b.doors, Door.class));
        this.tankLiters = b.tankLiters;
        this.litersPer100Km = b.litersPer100Km;
        this.batteryCapacityKwh = b.batteryCapacityKwh;
        this.kwhPer100Km = b.kwhPer100Km;
        this.odometerKm = b.odometerKm;
        this.fuelLevelPercent = b.fuelLevelPercent;
        this.stateOfChargePercent = b.stateOfChargePercent;
        this.pluggedIn = b.pluggedIn;
        this.charging = b.charging;
        this.chargePowerKw = b.chargePowerKw;
        this.targetStateOfChargePercent = b.targetStateOfChargePercent;
        this.latitude = b.latitude;
        this.longitude = b.longitude;
        this.altitude = b.altitude;
        this.heading = b.heading;
        this.locked = b.locked;
        this.openDoors = Collections.unmodifiableSet(copy(b.openDoors, Door.class));
        this.deepSleep = b.deepSleep;
        this.outsideTemperatureC = b.outsideTemperatureC;
        this.oilLifePercent = b.oilLifePercent;
        this.battery12vPercent = b.battery12vPercent;
        this.tirePressureKpa = b.tirePressureKpa;
        this.placardPressureKpa = b.placardPressureKpa;
    }

    /**
     * A 2023 F-150 pickup: combustion engine, remote start, six doors including tailgate, guard mode, four lighting
     * zones, trailer light check. Parked and locked in Dearborn with 63 % fuel.
     *
     * @throws IllegalArgumentException for a malformed VIN
     */
    public static VehicleSpec f150(String vin) {
        return new Builder(vin)
            .nickname("Work Truck").make("Ford").model("F-150").modelYear(2023).engineType(EngineType.ICE)
            .color("ANTIMATTER BLUE").transmission("A").lightingZones(4).heatedSteeringWheel(true)
            .driverHeatedSeat("Heat").remoteClimateControl(false).remoteHeatingCooling(false)
            .capabilities(EnumSet.of(Capability.REMOTE_LOCK, Capability.REMOTE_START, Capability.EXTEND_REMOTE_START,
                Capability.TRAILER_LIGHT_CHECK, Capability.GUARD_MODE, Capability.ZONE_LIGHTING,
                Capability.REMOTE_PANIC_ALARM, Capability.OIL_LIFE, Capability.TIRE_PRESSURE_MONITORING))
            .doors(EnumSet.allOf(Door.class))
            .tankLiters(136).litersPer100Km(13.1)
            .odometerKm(18234.5).fuelLevelPercent(63.2)
            .position(42.300_3, -83.231_0, 190.0).heading(133)
            .locked(true).outsideTemperatureC(12.5).oilLifePercent(71).battery12vPercent(86)
            .tirePressureKpa(262).placardPressureKpa(241.3)
            .build();
    }

    /**
     * A 2023 Mustang Mach-E: battery electric (91 kWh), plugged in at home and charging at 7.2 kW from 48 % towards
     * 90 %, departure times, no guard mode or zone lighting.
     *
     * @throws IllegalArgumentException for a malformed VIN
     */
    public static VehicleSpec machE(String vin) {
        return new Builder(vin)
            .nickname("Mach-E").make("Ford").model("Mustang Mach-E").modelYear(2023).engineType(EngineType.BEV)
            .color("GRABBER BLUE").transmission("A").lightingZones(0).heatedSteeringWheel(true)
            .driverHeatedSeat("Heat").remoteClimateControl(true).remoteHeatingCooling(true)
            .capabilities(EnumSet.of(Capability.REMOTE_LOCK, Capability.REMOTE_START, Capability.DEPARTURE_TIMES,
                Capability.REMOTE_PANIC_ALARM, Capability.DISPLAY_PREFERRED_CHARGE_TIMES,
                Capability.TIRE_PRESSURE_MONITORING))
            .doors(EnumSet.of(Door.DRIVER_FRONT, Door.PASSENGER_FRONT, Door.REAR_LEFT, Door.REAR_RIGHT,
                Door.TAILGATE))
            .batteryCapacityKwh(91).kwhPer100Km(19.5)
            .odometerKm(9120.3).stateOfChargePercent(48).pluggedIn(true).charging(true).chargePowerKw(7.2)
            .targetStateOfChargePercent(90)
            .position(42.314_9, -83.210_5, 180.0).heading(270)
            .locked(true).outsideTemperatureC(12.0).oilLifePercent(100).battery12vPercent(91)
            .tirePressureKpa(290).placardPressureKpa(289.6)
            .build();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public String vin() {
        return vin;
    }

    public String nickname() {
        return nickname;
    }

    public String make() {
        return make;
    }

    public String model() {
        return model;
    }

    public int modelYear() {
        return modelYear;
    }

    public EngineType engineType() {
        return engineType;
    }

    public String color() {
        return color;
    }

    public String transmission() {
        return transmission;
    }

    public int lightingZones() {
        return lightingZones;
    }

    public boolean heatedSteeringWheel() {
        return heatedSteeringWheel;
    }

    public String driverHeatedSeat() {
        return driverHeatedSeat;
    }

    public boolean remoteClimateControl() {
        return remoteClimateControl;
    }

    public boolean remoteHeatingCooling() {
        return remoteHeatingCooling;
    }

    public Set<Capability> capabilities() {
        return capabilities;
    }

    public boolean has(Capability capability) {
        return capabilities.contains(capability);
    }

    public Set<Door> doors() {
        return doors;
    }

    public double tankLiters() {
        return tankLiters;
    }

    public double litersPer100Km() {
        return litersPer100Km;
    }

    public double batteryCapacityKwh() {
        return batteryCapacityKwh;
    }

    public double kwhPer100Km() {
        return kwhPer100Km;
    }

    public double odometerKm() {
        return odometerKm;
    }

    public double fuelLevelPercent() {
        return fuelLevelPercent;
    }

    public double stateOfChargePercent() {
        return stateOfChargePercent;
    }

    public boolean pluggedIn() {
        return pluggedIn;
    }

    public boolean charging() {
        return charging;
    }

    public double chargePowerKw() {
        return chargePowerKw;
    }

    public double targetStateOfChargePercent() {
        return targetStateOfChargePercent;
    }

    public double latitude() {
        return latitude;
    }

    public double longitude() {
        return longitude;
    }

    public double altitude() {
        return altitude;
    }

    public double heading() {
        return heading;
    }

    public boolean locked() {
        return locked;
    }

    public Set<Door> openDoors() {
        return openDoors;
    }

    public boolean deepSleep() {
        return deepSleep;
    }

    public double outsideTemperatureC() {
        return outsideTemperatureC;
    }

    public double oilLifePercent() {
        return oilLifePercent;
    }

    public double battery12vPercent() {
        return battery12vPercent;
    }

    public double tirePressureKpa() {
        return tirePressureKpa;
    }

    public double placardPressureKpa() {
        return placardPressureKpa;
    }

    @Override
    public String toString() {
        return "VehicleSpec[" + vin + ", " + modelYear + " " + make + " " + model + ", " + engineType + "]";
    }

    private static <E extends Enum<E>> EnumSet<E> copy(Set<E> set, Class<E> type) {
        return set.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(set);
    }

    /** Builder of {@link VehicleSpec}; setters validate ranges. */
    public static final class Builder {
        private String vin;
        private String nickname = "";
        private String make = "Ford";
        private String model = "";
        private int modelYear = 2023;
        private EngineType engineType = EngineType.ICE;
        private String color = "";
        private String transmission = "A";
        private int lightingZones;
        private boolean heatedSteeringWheel;
        private String driverHeatedSeat = "None";
        private boolean remoteClimateControl;
        private boolean remoteHeatingCooling;
        private Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        private Set<Door> doors = EnumSet.of(Door.DRIVER_FRONT, Door.PASSENGER_FRONT, Door.REAR_LEFT,
            Door.REAR_RIGHT);
        private double tankLiters = 60;
        private double litersPer100Km = 8;
        private double batteryCapacityKwh;
        private double kwhPer100Km = 18;
        private double odometerKm;
        private double fuelLevelPercent = 50;
        private double stateOfChargePercent = 50;
        private boolean pluggedIn;
        private boolean charging;
        private double chargePowerKw = 7.2;
        private double targetStateOfChargePercent = 90;
        private double latitude = 42.3;
        private double longitude = -83.23;
        private double altitude = 190;
        private double heading;
        private boolean locked = true;
        private Set<Door> openDoors = EnumSet.noneOf(Door.class);
        private boolean deepSleep;
        private double outsideTemperatureC = 15;
        private double oilLifePercent = 100;
        private double battery12vPercent = 90;
        private double tirePressureKpa = 240;
        private double placardPressureKpa = 240;

        /**
         * @throws IllegalArgumentException unless the VIN is 17 characters of A–Z (without I, O, Q) and 0–9
         */
        public Builder(String vin) {
            vin(vin);
        }

        private Builder(VehicleSpec s) {
            this.vin = s.vin;
            this.nickname = s.nickname;
            this.make = s.make;
            this.model = s.model;
            this.modelYear = s.modelYear;
            this.engineType = s.engineType;
            this.color = s.color;
            this.transmission = s.transmission;
            this.lightingZones = s.lightingZones;
            this.heatedSteeringWheel = s.heatedSteeringWheel;
            this.driverHeatedSeat = s.driverHeatedSeat;
            this.remoteClimateControl = s.remoteClimateControl;
            this.remoteHeatingCooling = s.remoteHeatingCooling;
            this.capabilities = copy(s.capabilities, Capability.class);
            this.doors = copy(s.doors, Door.class);
            this.tankLiters = s.tankLiters;
            this.litersPer100Km = s.litersPer100Km;
            this.batteryCapacityKwh = s.batteryCapacityKwh;
            this.kwhPer100Km = s.kwhPer100Km;
            this.odometerKm = s.odometerKm;
            this.fuelLevelPercent = s.fuelLevelPercent;
            this.stateOfChargePercent = s.stateOfChargePercent;
            this.pluggedIn = s.pluggedIn;
            this.charging = s.charging;
            this.chargePowerKw = s.chargePowerKw;
            this.targetStateOfChargePercent = s.targetStateOfChargePercent;
            this.latitude = s.latitude;
            this.longitude = s.longitude;
            this.altitude = s.altitude;
            this.heading = s.heading;
            this.locked = s.locked;
            this.openDoors = copy(s.openDoors, Door.class);
            this.deepSleep = s.deepSleep;
            this.outsideTemperatureC = s.outsideTemperatureC;
            this.oilLifePercent = s.oilLifePercent;
            this.battery12vPercent = s.battery12vPercent;
            this.tirePressureKpa = s.tirePressureKpa;
            this.placardPressureKpa = s.placardPressureKpa;
        }

        public Builder vin(String value) {
            String v = Objects.requireNonNull(value, "vin").strip().toUpperCase(Locale.ROOT);
            if (!VIN.matcher(v).matches()) {
                throw new IllegalArgumentException("Not a VIN (17 characters A-Z without I, O, Q, and 0-9): '"
                    + value + "'");
            }
            this.vin = v;
            return this;
        }

        public Builder nickname(String value) {
            this.nickname = Objects.requireNonNull(value, "nickname");
            return this;
        }

        public Builder make(String value) {
            this.make = Objects.requireNonNull(value, "make");
            return this;
        }

        public Builder model(String value) {
            this.model = Objects.requireNonNull(value, "model");
            return this;
        }

        public Builder modelYear(int value) {
            this.modelYear = value;
            return this;
        }

        public Builder engineType(EngineType value) {
            this.engineType = Objects.requireNonNull(value, "engineType");
            return this;
        }

        public Builder color(String value) {
            this.color = Objects.requireNonNull(value, "color");
            return this;
        }

        public Builder transmission(String value) {
            this.transmission = Objects.requireNonNull(value, "transmission");
            return this;
        }

        public Builder lightingZones(int value) {
            this.lightingZones = requireRange(value, 0, 4, "lightingZones");
            return this;
        }

        public Builder heatedSteeringWheel(boolean value) {
            this.heatedSteeringWheel = value;
            return this;
        }

        public Builder driverHeatedSeat(String value) {
            this.driverHeatedSeat = Objects.requireNonNull(value, "driverHeatedSeat");
            return this;
        }

        public Builder remoteClimateControl(boolean value) {
            this.remoteClimateControl = value;
            return this;
        }

        public Builder remoteHeatingCooling(boolean value) {
            this.remoteHeatingCooling = value;
            return this;
        }

        public Builder capabilities(Set<Capability> value) {
            this.capabilities = copy(Objects.requireNonNull(value, "capabilities"), Capability.class);
            return this;
        }

        public Builder withCapability(Capability capability) {
            this.capabilities.add(capability);
            return this;
        }

        public Builder withoutCapability(Capability capability) {
            this.capabilities.remove(capability);
            return this;
        }

        public Builder doors(Set<Door> value) {
            this.doors = copy(Objects.requireNonNull(value, "doors"), Door.class);
            return this;
        }

        public Builder tankLiters(double value) {
            this.tankLiters = requireRange(value, 1, 500, "tankLiters");
            return this;
        }

        public Builder litersPer100Km(double value) {
            this.litersPer100Km = requireRange(value, 1, 50, "litersPer100Km");
            return this;
        }

        public Builder batteryCapacityKwh(double value) {
            this.batteryCapacityKwh = requireRange(value, 0, 300, "batteryCapacityKwh");
            return this;
        }

        public Builder kwhPer100Km(double value) {
            this.kwhPer100Km = requireRange(value, 5, 60, "kwhPer100Km");
            return this;
        }

        public Builder odometerKm(double value) {
            this.odometerKm = requireRange(value, 0, 2_000_000, "odometerKm");
            return this;
        }

        public Builder fuelLevelPercent(double value) {
            this.fuelLevelPercent = requireRange(value, 0, 100, "fuelLevelPercent");
            return this;
        }

        public Builder stateOfChargePercent(double value) {
            this.stateOfChargePercent = requireRange(value, 0, 100, "stateOfChargePercent");
            return this;
        }

        public Builder pluggedIn(boolean value) {
            this.pluggedIn = value;
            return this;
        }

        public Builder charging(boolean value) {
            this.charging = value;
            return this;
        }

        public Builder chargePowerKw(double value) {
            this.chargePowerKw = requireRange(value, 0.5, 350, "chargePowerKw");
            return this;
        }

        public Builder targetStateOfChargePercent(double value) {
            this.targetStateOfChargePercent = requireRange(value, 50, 100, "targetStateOfChargePercent");
            return this;
        }

        public Builder position(double lat, double lon, double alt) {
            this.latitude = requireRange(lat, -90, 90, "latitude");
            this.longitude = requireRange(lon, -180, 180, "longitude");
            this.altitude = alt;
            return this;
        }

        public Builder heading(double value) {
            this.heading = requireRange(value, 0, 360, "heading");
            return this;
        }

        public Builder locked(boolean value) {
            this.locked = value;
            return this;
        }

        public Builder openDoors(Set<Door> value) {
            this.openDoors = copy(Objects.requireNonNull(value, "openDoors"), Door.class);
            return this;
        }

        public Builder deepSleep(boolean value) {
            this.deepSleep = value;
            return this;
        }

        public Builder outsideTemperatureC(double value) {
            this.outsideTemperatureC = requireRange(value, -60, 60, "outsideTemperatureC");
            return this;
        }

        public Builder oilLifePercent(double value) {
            this.oilLifePercent = requireRange(value, 0, 100, "oilLifePercent");
            return this;
        }

        public Builder battery12vPercent(double value) {
            this.battery12vPercent = requireRange(value, 0, 100, "battery12vPercent");
            return this;
        }

        public Builder tirePressureKpa(double value) {
            this.tirePressureKpa = requireRange(value, 0, 1000, "tirePressureKpa");
            return this;
        }

        public Builder placardPressureKpa(double value) {
            this.placardPressureKpa = requireRange(value, 100, 1000, "placardPressureKpa");
            return this;
        }

        /**
         * @throws IllegalArgumentException when the parts contradict each other (an electric car without battery, an
         *                                  open door the car does not have, charging while unplugged)
         */
        public VehicleSpec build() {
            if (engineType.isPlugIn() && batteryCapacityKwh <= 0) {
                throw new IllegalArgumentException(engineType + " vehicle " + vin + " needs a batteryCapacityKwh");
            }
            if (charging && !pluggedIn) {
                throw new IllegalArgumentException("Vehicle " + vin + " cannot charge while unplugged");
            }
            if (!doors.containsAll(openDoors)) {
                throw new IllegalArgumentException("Vehicle " + vin + " has no door among " + openDoors
                    + "; its doors are " + doors);
            }
            return new VehicleSpec(this);
        }

        private static double requireRange(double value, double min, double max, String name) {
            if (!(value >= min && value <= max)) {
                throw new IllegalArgumentException(name + " must be within [" + min + ", " + max + "], got " + value);
            }
            return value;
        }

        private static int requireRange(int value, int min, int max, String name) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " must be within [" + min + ", " + max + "], got " + value);
            }
            return value;
        }
    }
}
