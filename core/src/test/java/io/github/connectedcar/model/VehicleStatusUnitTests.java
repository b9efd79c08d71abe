package io.github.connectedcar.model;

import io.github.connectedcar.testing.FixtureFiles;
import io.github.connectedcar.testing.Fixtures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.github.connectedcar.ford.internal.TelemetryMapper;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

@Tag("unit")
class VehicleStatusUnitTests {
    private static final Instant METRIC_TIME = Instant.parse("2026-05-02T07:59:40Z");

    private static VehicleStatus status(String json) {
        return TelemetryMapper.toStatus(Fixtures.json(json));
    }

    /** A body with one metric {@code name} whose value is the given JSON. */
    private static VehicleStatus withMetric(String name, String valueJson) {
        return status("""
            {"updateTime":"2026-05-02T08:00:03Z","vin":"1FTFW1E50PFA00001","metrics":{"%s":
              {"updateTime":"2026-05-02T07:59:40Z","value":%s}}}""".formatted(name, valueJson));
    }

    @Nested
    class IcePickup {
        private final VehicleStatus f150 = TelemetryMapper.toStatus(Fixtures.load(Fixtures.F150));

        @Test
        void eachDoorKeepsFordsLockStateBesideTheBoolean() {
            assertThat(f150.lockState()).contains(Measurement.of(LockState.LOCKED, Unit.NONE, METRIC_TIME));
            assertThat(f150.doorLocks()).extracting(lock -> lock.value().lockState())
                .containsExactly(LockState.LOCKED, LockState.LOCKED);
            assertThat(f150.allDoorsLocked()).contains(true);
        }

        @Test
        void panicAlarmGearSeatBeltsEngineAndConfigurationAreTyped() {
            assertThat(f150.panicAlarmStatus().map(Measurement::value)).contains("UNDEFINED");
            assertThat(f150.gearLeverPosition().map(Measurement::value)).contains("PARK");
            assertThat(f150.compassDirection().map(Measurement::value)).contains("NORTHWEST");
            assertThat(f150.seatBelts()).extracting(Measurement::value)
                .containsExactly(new SeatBeltStatus("DRIVER", "UNKNOWN", "UNBUCKLED"));
            assertThat(f150.seatBelts().get(0).value().isBuckled()).isFalse();
            assertThat(f150.engineCoolantTemperature()).contains(Measurement.of(71.0, Unit.CELSIUS, METRIC_TIME));
            assertThat(f150.engineSpeed()).contains(Measurement.of(652.0, Unit.REVOLUTIONS_PER_MINUTE, METRIC_TIME));
            assertThat(f150.remoteStartRunDuration().map(Measurement::value)).contains(Duration.ofMinutes(15));
            assertThat(f150.configurationNames()).containsExactly("remoteStartRunDurationSetting");
            assertThat(f150.customEventNames()).containsExactly("vehicle-status-update-event");
            assertThat(f150.evBatteryTemperature()).as("no such metric on a pickup").isEmpty();
        }

        @Test
        void identityComesFromTheTopLevel() {
            assertThat(f150.vin()).contains("1FTFW1E50PFA00001");
            assertThat(f150.vehicleId()).contains("6c1e5a0e-93f4-4bb5-9a3e-0f7d2c1b4a10");
            assertThat(f150.updateTime()).contains(Instant.parse("2026-05-02T08:00:03Z"));
        }

        @Test
        void numbersCarryTheirUnitAndTheMetricsOwnUpdateTime() {
            assertThat(f150.odometer()).contains(Measurement.of(18234.5, Unit.KILOMETERS, METRIC_TIME));
            assertThat(f150.speed()).contains(Measurement.of(0.0, Unit.KILOMETERS_PER_HOUR, METRIC_TIME));
            assertThat(f150.fuelLevel()).contains(Measurement.of(63.244381, Unit.PERCENT, METRIC_TIME));
            assertThat(f150.fuelRange()).contains(Measurement.of(512.4, Unit.KILOMETERS, METRIC_TIME));
            assertThat(f150.oilLife()).contains(Measurement.of(47.0, Unit.PERCENT, METRIC_TIME));
            assertThat(f150.outsideTemperature()).contains(Measurement.of(11.25, Unit.CELSIUS, METRIC_TIME));
            assertThat(f150.lowVoltageBatteryStateOfCharge()).contains(Measurement.of(88.0, Unit.PERCENT, METRIC_TIME));
            assertThat(f150.lowVoltageBatteryVoltage()).contains(Measurement.of(12.6875, Unit.VOLTS, METRIC_TIME));
        }

        @Test
        void positionHasLatitudeLongitudeAltitudeAndGpsDimension() {
            Measurement<Position> position = f150.position().orElseThrow();
            assertThat(position.value().latitude()).isEqualTo(42.300914);
            assertThat(position.value().longitude()).isEqualTo(-83.230881);
            assertThat(position.value().altitude()).hasValue(190.5);
            assertThat(position.value().gpsDimension()).contains("DIM_3D");
            assertThat(position.measuredAt()).contains(Instant.parse("2026-05-02T07:59:41Z"));
        }

        @Test
        void headingIsReadFromItsObjectValue() {
            Measurement<Heading> heading = f150.heading().orElseThrow();
            assertThat(heading.unit()).isEqualTo(Unit.DEGREES);
            assertThat(heading.value().degrees()).isEqualTo(312.5);
            assertThat(heading.value().uncertainty()).hasValue(2.0);
            assertThat(heading.value().detectionType()).contains("HEADING_RAW_GNSS");
        }

        @Test
        void statesOfBodyAndSecurityAreKeptAsFordSentThem() {
            assertThat(f150.ignitionStatus().map(Measurement::value)).contains("OFF");
            assertThat(f150.alarmStatus().map(Measurement::value)).contains("ARMED");
            assertThat(f150.hoodStatus().map(Measurement::value)).contains("CLOSED");
            assertThat(f150.tirePressureSystemStatus().map(Measurement::value)).contains("NORMAL_OPERATION");
        }

        @Test
        void remoteStartCountdownIsADurationFromSeconds() {
            assertThat(f150.remoteStartCountdown().map(Measurement::value)).contains(Duration.ofSeconds(851));
        }

        @Test
        void everyDoorIsListedWithItsLocator() {
            List<Measurement<DoorStatus>> doors = f150.doors();
            assertThat(doors).hasSize(6);
            assertThat(doors.get(0).value())
                .isEqualTo(new DoorStatus("UNSPECIFIED_FRONT", "DRIVER", "DRIVER", "CLOSED"));
            assertThat(doors).extracting(door -> door.value().door()).containsExactly("UNSPECIFIED_FRONT",
                "UNSPECIFIED_FRONT", "REAR_LEFT", "REAR_RIGHT", "TAILGATE", "INNER_TAILGATE");
            DoorStatus tailgate = doors.get(4).value();
            assertThat(tailgate.isOpen()).isTrue();
            assertThat(tailgate.isClosed()).isFalse();
            assertThat(tailgate.side()).as("a locator Ford left out").isEqualTo("UNKNOWN");
            assertThat(doors.get(4).measuredAt()).contains(METRIC_TIME);
        }

        @Test
        void lockStateUsesTheAllDoorsEntry() {
            assertThat(f150.doorLocks()).extracting(Measurement::value).containsExactly(
                new DoorLockStatus("ALL_DOORS", "UNKNOWN", "UNKNOWN", "LOCKED"),
                new DoorLockStatus("UNSPECIFIED_FRONT", "DRIVER", "DRIVER", "LOCKED"));
            assertThat(f150.allDoorsLocked()).contains(true);
        }

        @Test
        void windowsReportTheirOpeningRange() {
            List<Measurement<WindowStatus>> windows = f150.windows();
            assertThat(windows).hasSize(4);
            WindowStatus driver = windows.get(0).value();
            assertThat(driver.window()).isEqualTo("UNSPECIFIED_FRONT");
            assertThat(driver.side()).isEqualTo("DRIVER");
            assertThat(driver.openAtLeast()).isZero();
            assertThat(driver.openAtMost()).isEqualTo(10.0);
            assertThat(driver.isFullyClosed()).isFalse();
            assertThat(windows.get(1).value().isFullyClosed()).isTrue();
        }

        @Test
        void eachTyreHasItsPressureInKilopascalsAndItsWheel() {
            List<Measurement<TirePressure>> tyres = f150.tirePressures();
            assertThat(tyres).extracting(tyre -> tyre.value().wheel())
                .containsExactly("FRONT_LEFT", "FRONT_RIGHT", "REAR_LEFT", "REAR_RIGHT");
            assertThat(tyres).allSatisfy(tyre -> assertThat(tyre.unit()).isEqualTo(Unit.KILOPASCALS));
            assertThat(tyres.get(2).value().pressure()).isEqualTo(198.0);
            assertThat(tyres.get(2).value().recommended()).hasValue(241.3165);
        }

        @Test
        void tyreWarningStatusIsListedPerWheel() {
            assertThat(f150.tireStatuses()).extracting(Measurement::value).containsExactly(
                new TireStatus("FRONT_LEFT", "NORMAL"), new TireStatus("FRONT_RIGHT", "NORMAL"),
                new TireStatus("REAR_LEFT", "LOW"), new TireStatus("REAR_RIGHT", "NORMAL"));
            assertThat(f150.tireStatuses().get(2).value().isNormal()).isFalse();
        }

        @Test
        void indicatorsAreReadByNameWithTheirCode() {
            Map<String, Measurement<Indicator>> indicators = f150.indicators();
            assertThat(indicators).containsOnlyKeys("lowFuel", "lowWasherFluid", "malfunctionIndicator",
                "tirePressureMonitorSystemWarning", "electricTrailerBrakeConnection");
            assertThat(indicators.get("lowWasherFluid").value())
                .isEqualTo(new Indicator("lowWasherFluid", true, Optional.of("600E19")));
            assertThat(indicators.get("electricTrailerBrakeConnection").value().additionalInfo()).isEmpty();
            assertThat(indicators.get("lowFuel").measuredAt()).contains(Instant.parse("2026-05-02T07:55:02Z"));
            assertThat(f150.activeIndicators()).containsExactly("lowWasherFluid", "tirePressureMonitorSystemWarning");
        }

        @Test
        void anIceVehicleHasNoElectricValues() {
            assertThat(f150.evStateOfCharge()).isEmpty();
            assertThat(f150.evRange()).isEmpty();
            assertThat(f150.plugStatus()).isEmpty();
            assertThat(f150.chargeDisplayStatus()).isEmpty();
            assertThat(f150.timeToFullCharge()).isEmpty();
        }

        @Test
        void unknownMetricsAreReachableRaw() {
            assertThat(f150.metricNames()).contains("yawRate", "vehicleLifeCycleMode", "compassDirection",
                "customMetrics", "configurations");
            assertThat(f150.metric("yawRate").orElseThrow().get("value").doubleValue()).isEqualTo(0.01824);
            assertThat(f150.metric("seatBeltStatus").orElseThrow().isArray()).isTrue();
            assertThat(f150.metric("noSuchMetric")).isEmpty();
        }

        @Test
        void nestedCustomMetricsConfigurationsAndCustomEventsAreReachable() {
            assertThat(f150.customMetricNames()).containsExactly("accumulated-vehicle-speed-cruising-coaching-score",
                "trailer-connection-status");
            assertThat(f150.customMetric("trailer-connection-status").orElseThrow().get("value").stringValue())
                .isEqualTo("NOT_CONNECTED");
            assertThat(f150.configuration("remoteStartRunDurationSetting").orElseThrow().get("value").doubleValue())
                .isEqualTo(900.0);
            assertThat(f150.customEvent("vehicle-status-update-event")).isPresent();
            assertThat(f150.customMetric("yawRate")).as("a top-level metric is not a custom one").isEmpty();
        }

        @Test
        void eventsAndCommandStatesAreReachableRaw() {
            assertThat(f150.eventNames()).containsExactly("remoteStartEvent", "customEvents");
            assertThat(f150.event("remoteStartEvent").orElseThrow().get("commandId").stringValue())
                .isEqualTo("0d8a3c4e-2f61-4a9b-8c77-5e2b9a1f3c01");
            JsonNode remoteStart = f150.state("remoteStartCommand").orElseThrow();
            assertThat(remoteStart.get("commandId").stringValue()).isEqualTo("0d8a3c4e-2f61-4a9b-8c77-5e2b9a1f3c01");
            assertThat(remoteStart.at("/value/toState").stringValue()).isEqualTo("success");
            assertThat(f150.stateNames()).containsExactly("commandPreclusion", "remoteStartCommand", "lockCommand");
        }

        @Test
        void toStringIsShortAndDoesNotDumpTheBody() {
            String text = f150.toString();
            assertThat(text).startsWith("VehicleStatus{vin=1FTFW1E50PFA00001")
                .contains("odometer=18234.5 km", "fuelLevel=63.244381 %", "ignition=OFF", "locked=true")
                .doesNotContain("oemCorrelationId", "6c1e5a0e", "indicators", "{\"");
            assertThat(text.length()).isLessThan(250);
        }
    }

    @Nested
    class DieselPickup {
        private final VehicleStatus ranger = VehicleStatus.parse(FixtureFiles.text(FixtureFiles.RANGER)
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        private final Instant time = Instant.parse("2026-05-03T06:41:12Z");

        @Test
        void dieselEngineAndLowVoltageLoadAreTyped() {
            assertThat(ranger.dieselExhaustFluidLevel()).contains(Measurement.of(41.5, Unit.PERCENT, time));
            assertThat(ranger.dieselExhaustFilterStatus().map(Measurement::value)).contains("NORMAL");
            assertThat(ranger.engineOilTemperature()).contains(Measurement.of(97.5, Unit.CELSIUS, time));
            assertThat(ranger.lowVoltageBatteryLoadStatus().map(Measurement::value)).contains("STATE_NORMAL");
            assertThat(ranger.lowVoltageBatteryVoltage().map(Measurement::value)).as("a number sent as a string")
                .contains(12.4375);
        }

        @Test
        void doubleLockedIsLockedAndEachDoorKeepsItsOwnState() {
            assertThat(ranger.lockState().map(Measurement::value)).contains(LockState.DOUBLE_LOCKED);
            assertThat(ranger.allDoorsLocked()).contains(true);
            assertThat(ranger.doorLocks()).extracting(lock -> lock.value().door() + "=" + lock.value().lockState())
                .containsExactly("ALL_DOORS=DOUBLE_LOCKED", "UNSPECIFIED_FRONT=DOUBLE_LOCKED", "TAILGATE=LOCKED");
        }

        @Test
        void panicAlarmSeatBeltsAndTheSnapshotTimeWithMilliseconds() {
            assertThat(ranger.panicAlarmStatus().map(Measurement::value)).contains("ACTIVE");
            assertThat(ranger.seatBelts()).extracting(Measurement::value).containsExactly(
                new SeatBeltStatus("DRIVER", "FIRST", "BUCKLED"), new SeatBeltStatus("PASSENGER", "FIRST", "UNBUCKLED"));
            assertThat(ranger.updateTime()).contains(Instant.parse("2026-05-03T06:41:15.482Z"));
            assertThat(ranger.tirePressures().get(0).measuredAt()).as("no time of its own: the snapshot's")
                .contains(Instant.parse("2026-05-03T06:41:15.482Z"));
            assertThat(ranger.tirePressures().get(0).value().recommended()).hasValue(240.0);
        }

        @Test
        void unknownMetricsAndStatesStayReachable() {
            assertThat(ranger.metric("hybridVehicleModeStatus").orElseThrow().get("value").stringValue())
                .isEqualTo("UNKNOWN_MODE");
            assertThat(ranger.stateNames()).containsExactly("commandPreclusion", "deviceConnectivity",
                "startTrailerLightCheckCommand");
            assertThat(ranger.configurationNames()).contains("automaticSoftwareUpdateOptIn");
            assertThat(ranger.activeIndicators()).containsExactly("dieselParticulateFilterFull");
        }
    }

    @Nested
    class BatteryElectric {
        private final VehicleStatus machE = TelemetryMapper.toStatus(Fixtures.load(Fixtures.MACH_E));
        private final Instant time = Instant.parse("2026-05-02T21:13:58Z");

        @Test
        void batteryTemperatureVoltageCurrentAndChargerOutputHaveTheirUnits() {
            assertThat(machE.evBatteryTemperature()).contains(Measurement.of(18.0, Unit.CELSIUS, time));
            assertThat(machE.evBatteryVoltage()).contains(Measurement.of(371.5, Unit.VOLTS, time));
            assertThat(machE.evBatteryCurrent()).contains(Measurement.of(-18.2, Unit.AMPERES, time));
            assertThat(machE.chargerVoltageOutput()).contains(Measurement.of(229.0, Unit.VOLTS, time));
            assertThat(machE.chargerCurrentOutput()).contains(Measurement.of(31.5, Unit.AMPERES, time));
            assertThat(machE.chargerPowerOutput()).contains(Measurement.of(229.0 * 31.5 / 1000, Unit.KILOWATTS, time));
            assertThat(machE.chargeStationPowerType().map(Measurement::value)).contains("AC_BASIC");
        }

        @Test
        void theOnlyLockEntryGivesTheLockState() {
            assertThat(machE.lockState().map(Measurement::value)).contains(LockState.UNLOCKED);
        }

        @Test
        void stateOfChargeRangeAndEnergyHaveTheirUnits() {
            assertThat(machE.evStateOfCharge()).contains(Measurement.of(73.0, Unit.PERCENT, time));
            assertThat(machE.evActualStateOfCharge()).contains(Measurement.of(76.5, Unit.PERCENT, time));
            assertThat(machE.evRange()).contains(Measurement.of(301.0, Unit.KILOMETERS, time));
            assertThat(machE.evBatteryCapacity()).contains(Measurement.of(88.0, Unit.KILOWATT_HOURS, time));
            assertThat(machE.evEnergyRemaining()).contains(Measurement.of(64.3, Unit.KILOWATT_HOURS, time));
        }

        @Test
        void plugAndChargeStatusAreOpenValues() {
            PlugStatus plug = machE.plugStatus().orElseThrow().value();
            assertThat(plug).isEqualTo(PlugStatus.CHARGING_AC);
            assertThat(plug.isPluggedIn()).isTrue();
            assertThat(plug.isCharging()).isTrue();
            ChargeDisplayStatus charge = machE.chargeDisplayStatus().orElseThrow().value();
            assertThat(charge).isEqualTo(ChargeDisplayStatus.IN_PROGRESS);
            assertThat(charge.isCharging()).isTrue();
        }

        @Test
        void timeToFullChargeIsADurationFromMinutes() {
            assertThat(machE.timeToFullCharge().map(Measurement::value)).contains(Duration.ofMinutes(185));
        }

        @Test
        void positionWithoutAltitudeStillReads() {
            Position position = machE.position().orElseThrow().value();
            assertThat(position.latitude()).isEqualTo(52.520008);
            assertThat(position.altitude()).isEmpty();
            assertThat(position.gpsDimension()).contains("3D_FIX");
        }

        @Test
        void aSingleTyreStatusObjectCountsAsOneEntryWithAnUnknownWheel() {
            assertThat(machE.tireStatuses()).extracting(Measurement::value)
                .containsExactly(new TireStatus("UNKNOWN", "NORMAL"));
        }

        @Test
        void unlockedAllDoorsEntryMeansNotLocked() {
            assertThat(machE.allDoorsLocked()).contains(false);
        }

        @Test
        void hoodFallsBackToTheHoodDoorEntry() {
            assertThat(machE.hoodStatus().map(Measurement::value)).contains("CLOSED");
        }

        @Test
        void commandStatesNestedUnderCommandsAreFound() {
            assertThat(machE.state("startGlobalChargeCommand").orElseThrow().at("/value/toState").stringValue())
                .isEqualTo("COMMAND_SUCCEEDED_ON_DEVICE");
            assertThat(machE.stateNames()).containsExactly("startGlobalChargeCommand");
        }

        @Test
        void customMetricsOfElectricVehiclesAreReachable() {
            assertThat(machE.customMetric("xevBatteryMaximumRange").orElseThrow().get("value").doubleValue())
                .isEqualTo(412.0);
            assertThat(machE.metric("xevChargeStationPowerType").orElseThrow().get("value").stringValue())
                .isEqualTo("AC_BASIC");
        }

        @Test
        void missingFuelMetricsAreEmpty() {
            assertThat(machE.fuelLevel()).isEmpty();
            assertThat(machE.fuelLevelClamped()).isEmpty();
            assertThat(machE.fuelLevelOutOfRange()).isFalse();
            assertThat(machE.oilLife()).isEmpty();
            assertThat(machE.remoteStartCountdown()).isEmpty();
            assertThat(machE.windows()).isEmpty();
            assertThat(machE.indicators()).isEmpty();
            assertThat(machE.activeIndicators()).isEmpty();
        }

        @Test
        void toStringShowsTheStateOfCharge() {
            assertThat(machE.toString()).contains("vin=3FMTK3SU5MMA00002", "evStateOfCharge=73.0 %", "locked=false")
                .doesNotContain("fuelLevel");
        }
    }

    @Nested
    class OddData {
        @Test
        void fuelLevelAboveHundredIsKeptAndFlagged() {
            VehicleStatus status = withMetric("fuelLevel", "104.17");
            assertThat(status.fuelLevel().map(Measurement::value)).contains(104.17);
            assertThat(status.fuelLevelClamped()).contains(Measurement.of(100.0, Unit.PERCENT, METRIC_TIME));
            assertThat(status.fuelLevelOutOfRange()).isTrue();
        }

        @Test
        void fuelLevelBelowZeroIsKeptAndFlagged() {
            VehicleStatus status = withMetric("fuelLevel", "-2.5");
            assertThat(status.fuelLevel().map(Measurement::value)).contains(-2.5);
            assertThat(status.fuelLevelClamped().map(Measurement::value)).contains(0.0);
            assertThat(status.fuelLevelOutOfRange()).isTrue();
        }

        @Test
        void fuelLevelInsideTheRangeIsNotFlagged() {
            VehicleStatus status = withMetric("fuelLevel", "100");
            assertThat(status.fuelLevelClamped().map(Measurement::value)).contains(100.0);
            assertThat(status.fuelLevelOutOfRange()).isFalse();
        }

        @Test
        void aNonNumericFuelLevelIsEmptyNotAnError() {
            VehicleStatus status = withMetric("fuelLevel", "\"abc\"");
            assertThat(status.fuelLevel()).isEmpty();
            assertThat(status.fuelLevelOutOfRange()).isFalse();
            assertThat(status.metric("fuelLevel").orElseThrow().get("value").stringValue()).isEqualTo("abc");
        }

        @Test
        void aNumberSentAsAStringIsRead() {
            assertThat(withMetric("odometer", "\" 18234.5 \"").odometer().map(Measurement::value)).contains(18234.5);
        }

        @Test
        void aPositionThatIsAStringIsEmpty() {
            assertThat(withMetric("position", "\"42.3,-83.2\"").position()).isEmpty();
        }

        @Test
        void aPositionWithoutLongitudeIsEmpty() {
            assertThat(withMetric("position", "{\"location\":{\"lat\":42.3}}").position()).isEmpty();
        }

        @Test
        void wrongTypesMakeEveryGetterEmptyAndNeverThrow() {
            VehicleStatus status = status("""
                {"vin":42,"updateTime":"yesterday","metrics":{
                  "odometer":"lots","speed":{"value":true},"heading":{"value":{"heading":"north"}},
                  "ignitionStatus":{"value":1},"xevPlugChargerStatus":{"value":{}},
                  "xevBatteryTimeToFullCharge":{"value":-1},"remoteStartCountdownTimer":{"value":"soon"},
                  "doorStatus":"CLOSED","doorLockStatus":[42,{"value":null},{"vehicleDoor":"ALL_DOORS"}],
                  "windowStatus":[{"value":"OPEN"}],"tirePressure":[{"value":"flat","vehicleWheel":"FRONT_LEFT"}],
                  "tirePressureStatus":[[]],"indicators":[{"value":true}]},
                 "events":[],"states":"none"}""");
            assertThat(status.vin()).isEmpty();
            assertThat(status.updateTime()).isEmpty();
            assertThat(status.odometer()).isEmpty();
            assertThat(status.speed()).isEmpty();
            assertThat(status.heading()).isEmpty();
            assertThat(status.ignitionStatus()).isEmpty();
            assertThat(status.plugStatus()).isEmpty();
            assertThat(status.timeToFullCharge()).as("a negative duration").isEmpty();
            assertThat(status.remoteStartCountdown()).isEmpty();
            assertThat(status.doors()).isEmpty();
            assertThat(status.doorLocks()).isEmpty();
            assertThat(status.allDoorsLocked()).isEmpty();
            assertThat(status.windows()).isEmpty();
            assertThat(status.tirePressures()).isEmpty();
            assertThat(status.tireStatuses()).isEmpty();
            assertThat(status.indicators()).isEmpty();
            assertThat(status.eventNames()).isEmpty();
            assertThat(status.event("anything")).isEmpty();
            assertThat(status.stateNames()).isEmpty();
            assertThat(status.state("lockCommand")).isEmpty();
            assertThat(status.toString()).contains("vin=?");
        }

        @Test
        void oneUnreadableEntryOfAListIsSkippedAndTheOthersKept() {
            VehicleStatus status = status("""
                {"metrics":{"tirePressure":[
                  {"value":"flat","vehicleWheel":"FRONT_LEFT"},
                  {"value":250.0,"vehicleWheel":"FRONT_RIGHT"}]}}""");
            assertThat(status.tirePressures()).extracting(tyre -> tyre.value().wheel()).containsExactly("FRONT_RIGHT");
        }

        @Test
        void anEmptyBodyHasNothingButIsFine() {
            VehicleStatus status = status("{}");
            assertThat(status.odometer()).isEmpty();
            assertThat(status.metricNames()).isEmpty();
            assertThat(status.doors()).isEmpty();
            assertThat(status.raw().isEmpty()).isTrue();
        }

        @Test
        void aMetricWithoutUpdateTimeTakesTheSnapshotTime() {
            VehicleStatus status = status("""
                {"updateTime":"2026-05-02T08:00:03Z","metrics":{"odometer":{"value":10.0}}}""");
            assertThat(status.odometer().orElseThrow().measuredAt()).contains(Instant.parse("2026-05-02T08:00:03Z"));
        }

        @Test
        void withoutAnyTimeTheMeasurementHasNoTime() {
            VehicleStatus status = status("""
                {"metrics":{"odometer":{"updateTime":"not a time","value":10.0}}}""");
            assertThat(status.odometer().orElseThrow().measuredAt()).isEmpty();
            assertThat(status.odometer().orElseThrow().toString()).isEqualTo("10.0 km");
        }

        @Test
        void timesWithFractionsAndOffsetsAreRead() {
            VehicleStatus status = status("""
                {"metrics":{"odometer":{"updateTime":"2026-05-02T10:00:00.250+02:00","value":10.0}}}""");
            assertThat(status.odometer().orElseThrow().measuredAt())
                .contains(Instant.parse("2026-05-02T08:00:00.250Z"));
        }

        @Test
        void lockStateWithoutAnAllDoorsEntryNeedsEveryLockLocked() {
            VehicleStatus status = status("""
                {"metrics":{"doorLockStatus":[
                  {"value":"LOCKED","vehicleDoor":"UNSPECIFIED_FRONT"},
                  {"value":"DOUBLE_LOCKED","vehicleDoor":"REAR_LEFT"}]}}""");
            assertThat(status.allDoorsLocked()).contains(true);
            VehicleStatus oneOpen = status("""
                {"metrics":{"doorLockStatus":[
                  {"value":"LOCKED","vehicleDoor":"UNSPECIFIED_FRONT"},
                  {"value":"UNLOCKED","vehicleDoor":"TAILGATE"}]}}""");
            assertThat(oneOpen.allDoorsLocked()).contains(false);
        }

        @Test
        void anUnknownLockStateIsKeptAndIsNotLocked() {
            VehicleStatus status = withMetric("doorLockStatus", "\"SUPER_LOCKED\"");
            LockState state = status.lockState().orElseThrow().value();
            assertThat(state.isKnown()).isFalse();
            assertThat(state.value()).isEqualTo("SUPER_LOCKED");
            assertThat(state.isLocked()).isFalse();
            assertThat(LockState.of("double-locked")).isEqualTo(LockState.DOUBLE_LOCKED);
        }

        @Test
        void wrongTypesInNewMetricsMakeEmptyGetters() {
            VehicleStatus status = status("""
                {"metrics":{"xevBatteryTemperature":{"value":"hot"},"xevBatteryIoCurrent":{"value":[1]},
                  "xevBatteryChargerVoltageOutput":{"value":230},"panicAlarmStatus":{"value":7},
                  "seatBeltStatus":[{"value":{"x":1}}],"engineSpeed":"fast",
                  "configurations":{"remoteStartRunDurationSetting":{"value":-5}}}}""");
            assertThat(status.evBatteryTemperature()).isEmpty();
            assertThat(status.evBatteryCurrent()).isEmpty();
            assertThat(status.chargerPowerOutput()).as("no current").isEmpty();
            assertThat(status.panicAlarmStatus()).isEmpty();
            assertThat(status.seatBelts()).isEmpty();
            assertThat(status.engineSpeed()).isEmpty();
            assertThat(status.remoteStartRunDuration()).isEmpty();
            assertThat(status.lockState()).isEmpty();
        }

        @Test
        void anUnknownPlugStatusIsKeptRaw() {
            PlugStatus plug = withMetric("xevPlugChargerStatus", "\"CHARGINGDC\"").plugStatus().orElseThrow().value();
            assertThat(plug.isKnown()).isFalse();
            assertThat(plug.value()).isEqualTo("CHARGINGDC");
            assertThat(plug.isCharging()).isTrue();
        }

        @Test
        void aHeadingSentAsAPlainNumberIsRead() {
            assertThat(withMetric("heading", "90").heading().map(heading -> heading.value().degrees())).contains(90.0);
        }

        @Test
        void fractionalMinutesToFullChargeKeepTheirSeconds() {
            assertThat(withMetric("xevBatteryTimeToFullCharge", "1.5").timeToFullCharge().map(Measurement::value))
                .contains(Duration.ofSeconds(90));
        }
    }

    @Nested
    class Immutability {
        @Test
        void changingTheInputTreeAfterwardsChangesNothing() {
            ObjectNode body = (ObjectNode) Fixtures.load(Fixtures.F150);
            VehicleStatus status = VehicleStatus.of(body);
            ((ObjectNode) body.get("metrics").get("odometer")).put("value", 1.0);
            body.put("vin", "CHANGED");
            assertThat(status.odometer().map(Measurement::value)).contains(18234.5);
            assertThat(status.vin()).contains("1FTFW1E50PFA00001");
        }

        @Test
        void changingWhatRawAccessReturnsChangesNothing() {
            VehicleStatus status = VehicleStatus.of(Fixtures.load(Fixtures.F150));
            ((ObjectNode) status.raw()).removeAll();
            ((ObjectNode) status.metric("odometer").orElseThrow()).put("value", 1.0);
            ((ObjectNode) status.state("remoteStartCommand").orElseThrow()).removeAll();
            assertThat(status.odometer().map(Measurement::value)).contains(18234.5);
            assertThat(status.state("remoteStartCommand").orElseThrow().has("commandId")).isTrue();
            assertThat(status.raw()).isEqualTo(Fixtures.load(Fixtures.F150));
        }

        @Test
        void returnedCollectionsCannotBeChanged() {
            VehicleStatus status = VehicleStatus.of(Fixtures.load(Fixtures.F150));
            assertThatThrownBy(() -> status.doors().clear()).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> status.indicators().clear()).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> status.metricNames().clear()).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void equalBodiesGiveEqualStatuses() {
            assertThat(VehicleStatus.of(Fixtures.load(Fixtures.F150)))
                .isEqualTo(VehicleStatus.of(Fixtures.load(Fixtures.F150)))
                .hasSameHashCodeAs(VehicleStatus.of(Fixtures.load(Fixtures.F150)))
                .isNotEqualTo(VehicleStatus.of(Fixtures.load(Fixtures.MACH_E)));
        }

        @Test
        void aNonObjectBodyIsRefusedByTheFactory() {
            assertThatThrownBy(() -> VehicleStatus.of(Fixtures.json("[]")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ARRAY");
        }
    }

    @Test
    void measurementMapKeepsUnitAndTime() {
        Measurement<Double> level = Measurement.of(104.0, Unit.PERCENT, METRIC_TIME);
        assertThat(level.map(value -> Math.min(value, 100.0))).isEqualTo(Measurement.of(100.0, Unit.PERCENT,
            METRIC_TIME));
        assertThat(level.toString()).isEqualTo("104.0 % at 2026-05-02T07:59:40Z");
    }

    @Test
    void aCompactedStatusIsEqualAndEveryGetterReadsTheSame() throws ReflectiveOperationException {
        for (String fixture : List.of(FixtureFiles.F150, FixtureFiles.MACH_E, FixtureFiles.RANGER)) {
            // Compact, as Ford sends it: its entries are kept as sent until compacted.
            byte[] body = Fixtures.load(fixture).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            VehicleStatus asSent = VehicleStatus.parse(body);
            VehicleStatus compacted = asSent.compacted();

            assertThat(compacted).isNotSameAs(asSent).isEqualTo(asSent).hasSameHashCodeAs(asSent);
            assertThat(compacted.compacted()).isSameAs(compacted);
            int getters = 0;
            for (java.lang.reflect.Method getter : VehicleStatus.class.getMethods()) {
                if (getter.getParameterCount() == 0 && getter.getDeclaringClass() == VehicleStatus.class
                    && !java.lang.reflect.Modifier.isStatic(getter.getModifiers())
                    && !List.of("compacted", "hashCode", "toString").contains(getter.getName())) {
                    assertThat(getter.invoke(compacted)).as("%s of %s", getter.getName(), fixture)
                        .isEqualTo(getter.invoke(asSent));
                    getters++;
                }
            }
            assertThat(getters).isGreaterThan(60);
            assertThat(compacted.raw()).isEqualTo(Fixtures.load(fixture));
        }
    }
}
