package io.github.connectedcar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.model.VehicleStatus;
import io.github.connectedcar.simulator.FordCloudSimulator;
import io.github.connectedcar.testing.FixtureFiles;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Every value Ford sends reaches a script: {@code status --json} carries the typed view and, under {@code ford},
 * every metric, event and state as Ford sent it; {@code charge history --json} the charging sessions. Real bodies
 * (the fixtures) and the simulator's, through the command line against a simulator on a real socket.
 */
@Tag("integration")
class EveryValueCliIntegrationTests {
    private static final String PICKUP = "1FTFW1E50PFA00001";
    private static final String CROSSOVER = "3FMTK3SU5PMA00002";

    /** Known metrics and the typed field of {@code status --json} that must carry each. */
    private static final Map<String, String> TYPED = Map.ofEntries(
        Map.entry("odometer", "odometerKm"), Map.entry("fuelLevel", "fuelLevelPercent"),
        Map.entry("fuelRange", "fuelRangeKm"), Map.entry("oilLifeRemaining", "oilLifePercent"),
        Map.entry("engineCoolantTemp", "engineCoolantTemperatureCelsius"), Map.entry("engineSpeed", "engineSpeedRpm"),
        Map.entry("xevBatteryStateOfCharge", "evStateOfChargePercent"),
        Map.entry("xevBatteryActualStateOfCharge", "evActualStateOfChargePercent"),
        Map.entry("xevBatteryRange", "evRangeKm"), Map.entry("xevBatteryCapacity", "evBatteryCapacityKwh"),
        Map.entry("xevBatteryEnergyRemaining", "evEnergyRemainingKwh"),
        Map.entry("xevBatteryTemperature", "evBatteryTemperatureCelsius"),
        Map.entry("xevBatteryVoltage", "evBatteryVoltage"), Map.entry("xevBatteryIoCurrent", "evBatteryCurrentAmperes"),
        Map.entry("xevBatteryChargerVoltageOutput", "chargerVoltage"),
        Map.entry("xevBatteryChargerCurrentOutput", "chargerCurrentAmperes"),
        Map.entry("xevChargeStationPowerType", "chargeStationPowerType"),
        Map.entry("xevPlugChargerStatus", "plugStatus"), Map.entry("xevBatteryChargeDisplayStatus", "chargeStatus"),
        Map.entry("xevBatteryTimeToFullCharge", "timeToFullChargeMinutes"),
        Map.entry("batteryStateOfCharge", "batteryStateOfChargePercent"), Map.entry("batteryVoltage", "batteryVoltage"),
        Map.entry("ignitionStatus", "ignition"), Map.entry("remoteStartCountdownTimer", "remoteStartSecondsLeft"),
        Map.entry("doorLockStatus", "lockState"), Map.entry("hoodStatus", "hood"), Map.entry("alarmStatus", "alarm"),
        Map.entry("panicAlarmStatus", "panicAlarm"), Map.entry("gearLeverPosition", "gearLever"),
        Map.entry("windowStatus", "windows"), Map.entry("seatBeltStatus", "seatBelts"),
        Map.entry("tirePressure", "tyres"), Map.entry("tirePressureStatus", "tyreStatuses"),
        Map.entry("tirePressureSystemStatus", "tyreSystem"), Map.entry("outsideTemperature", "outsideTemperatureCelsius"),
        Map.entry("speed", "speedKmh"), Map.entry("position", "position"), Map.entry("heading", "headingDegrees"),
        Map.entry("compassDirection", "compassDirection"), Map.entry("doorStatus", "doors"),
        Map.entry("indicators", "warnings"), Map.entry("engineOilTemp", "engineOilTemperatureCelsius"),
        Map.entry("dieselExhaustFluidLevel", "dieselExhaustFluidLevelPercent"),
        Map.entry("dieselExhaustFilterStatus", "dieselExhaustFilterStatus"),
        Map.entry("batteryLoadStatus", "batteryLoadStatus"));

    @TempDir
    Path home;

    private FordCloudSimulator simulator;
    private Path tokenFile;

    @BeforeEach
    void startSimulator() {
        simulator = FordCloudSimulator.builder().speed(20).build().start();
        tokenFile = home.resolve("tokens.json");
        CliHarness.logIn(simulator.baseUrl(), tokenFile);
    }

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    private JsonNode json(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Terminal terminal = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), new BufferedReader(new StringReader("")), false,
            false);
        String[] all = new String[args.length + 5];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--json";
        all[args.length + 1] = "--endpoint";
        all[args.length + 2] = simulator.baseUrl();
        all[args.length + 3] = "--token-file";
        all[args.length + 4] = tokenFile.toString();
        int code = ConnectedCarCli.run(terminal, all);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return StatusView.JSON.readTree(out.toString(StandardCharsets.UTF_8));
    }

    /** Every metric, custom metric, configuration, event and state of the body, as sent, under "ford"; known ones typed. */
    private static void assertEverythingSurfaces(JsonNode body, JsonNode view) {
        assertThat(view.get("ford")).isEqualTo(body);
        for (String section : new String[] {"metrics", "events", "states"}) {
            body.path(section).properties().forEach(entry -> assertThat(view.at("/ford/" + section).get(entry.getKey()))
                .as(section + "." + entry.getKey()).isEqualTo(entry.getValue()));
        }
        body.path("metrics").propertyNames().forEach(metric -> {
            String typed = TYPED.get(metric);
            if (typed != null) {
                assertThat(view.has(typed)).as("typed field " + typed + " for " + metric).isTrue();
            }
        });
    }

    @Test
    void theRealBodiesSurfaceEveryMetricTypedAndAsSent() {
        for (String fixture : new String[] {FixtureFiles.F150, FixtureFiles.MACH_E, FixtureFiles.RANGER}) {
            byte[] bytes = FixtureFiles.text(fixture).getBytes(StandardCharsets.UTF_8);
            JsonNode body = StatusView.JSON.readTree(bytes);
            JsonNode view = StatusView.JSON.readTree(StatusView.JSON.writeValueAsString(
                StatusView.json(VehicleStatus.parse(bytes))));
            assertEverythingSurfaces(body, view);
        }
        JsonNode machE = StatusView.json(VehicleStatus.parse(FixtureFiles.text(FixtureFiles.MACH_E)
            .getBytes(StandardCharsets.UTF_8)));
        assertThat(machE.get("evBatteryCapacityKwh").doubleValue()).isEqualTo(88.0);
        assertThat(machE.get("evEnergyRemainingKwh").doubleValue()).isEqualTo(64.3);
        assertThat(machE.get("chargerPowerKw").doubleValue()).isEqualTo(229.0 * 31.5 / 1000);
        JsonNode f150 = StatusView.json(VehicleStatus.parse(FixtureFiles.text(FixtureFiles.F150)
            .getBytes(StandardCharsets.UTF_8)));
        assertThat(f150.get("lockState").stringValue()).isEqualTo("LOCKED");
        assertThat(f150.get("locks")).hasSize(2);
        assertThat(f150.get("panicAlarm").stringValue()).isEqualTo("UNDEFINED");
        JsonNode ranger = StatusView.json(VehicleStatus.parse(FixtureFiles.text(FixtureFiles.RANGER)
            .getBytes(StandardCharsets.UTF_8)));
        assertThat(ranger.get("lockState").stringValue()).isEqualTo("DOUBLE_LOCKED");
        assertThat(ranger.get("dieselExhaustFluidLevelPercent").doubleValue()).isEqualTo(41.5);
        assertThat(ranger.at("/ford/metrics/hybridVehicleModeStatus/value").stringValue())
            .as("a metric no getter knows, as sent").isEqualTo("UNKNOWN_MODE");
    }

    @Test
    void statusJsonOfTheSimulatorsCarsCarriesEveryValueItSent() {
        for (String vin : new String[] {PICKUP, CROSSOVER}) {
            JsonNode view = json("status", vin);
            JsonNode body = view.get("ford");
            assertThat(body.path("metrics").size()).isGreaterThan(15);
            assertThat(body.path("vin").stringValue()).isEqualTo(vin);
            assertEverythingSurfaces(body, view);
        }
    }

    @Test
    void chargeHistoryListsTheSessionsWithStartEndEnergyLocationAndCharger() {
        simulator.vehicle(CROSSOVER).setStateOfCharge(40).plugIn().setCharging(true);
        simulator.advance(Duration.ofMinutes(30));
        simulator.vehicle(CROSSOVER).setCharging(false);
        JsonNode history = json("charge", "history", CROSSOVER);
        JsonNode sessions = history.get("sessions");
        assertThat(sessions.size()).isGreaterThanOrEqualTo(3);
        for (JsonNode session : sessions) {
            assertThat(session.has("start")).isTrue();
            assertThat(session.has("end")).isTrue();
            assertThat(session.get("energyKwh").doubleValue()).isGreaterThanOrEqualTo(0);
            assertThat(session.get("chargerType").stringValue()).isIn("AC_BASIC", "DC_FAST");
            assertThat(session.at("/location/name").stringValue()).isEqualTo("Home");
            assertThat(session.get("ford").has("energyTransferDuration")).isTrue();
        }
        assertThat(json("charge", "history", PICKUP).get("sessions")).as("no charge port, no sessions").isEmpty();
    }
}
