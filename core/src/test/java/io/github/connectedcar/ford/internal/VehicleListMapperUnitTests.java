package io.github.connectedcar.ford.internal;

import io.github.connectedcar.model.Capability;
import io.github.connectedcar.model.EngineType;
import io.github.connectedcar.model.Vehicle;
import io.github.connectedcar.testing.Fixtures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.connectedcar.exception.DecodeException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

@Tag("unit")
class VehicleListMapperUnitTests {
    private static List<Vehicle> vehicles(String json) {
        return VehicleListMapper.toVehicles(Fixtures.json(json));
    }

    private final List<Vehicle> dashboard = VehicleListMapper.toVehicles(Fixtures.load(Fixtures.DASHBOARD));
    private final Vehicle f150 = dashboard.get(0);
    private final Vehicle machE = dashboard.get(1);

    @Test
    void detailsProfilesAndCapabilitiesAreJoinedByVin() {
        assertThat(dashboard).extracting(Vehicle::vin).containsExactly("1FTFW1E50PFA00001", "3FMTK3SU5MMA00002");
        assertThat(f150.nickname()).contains("Work Truck");
        assertThat(f150.modelName()).contains("F-150");
        assertThat(f150.modelYear()).hasValue(2023);
        assertThat(f150.engineType()).isEqualTo(EngineType.ICE);
        assertThat(f150.numberOfLightingZones()).hasValue(4);
        assertThat(machE.nickname()).contains("Sparky");
        assertThat(machE.modelName()).contains("Mustang Mach-E");
        assertThat(machE.modelYear()).as("a year sent as a string").hasValue(2021);
        assertThat(machE.engineType()).isEqualTo(EngineType.BEV);
    }

    @Test
    void theVinFieldMayBeSpelledInAnyLetterCase() {
        assertThat(machE.profile().orElseThrow().get("vin").stringValue()).isEqualTo("3FMTK3SU5MMA00002");
        assertThat(machE.engineType()).as("joined from a profile keyed by 'vin'").isEqualTo(EngineType.BEV);
    }

    @Test
    void capabilityFlagsAcceptBooleansAndDisplayStrings() {
        assertThat(f150.supports(Capability.REMOTE_LOCK)).as("\"Display\"").isTrue();
        assertThat(f150.supports(Capability.REMOTE_START)).isTrue();
        assertThat(f150.supports(Capability.TRAILER_LIGHT_CHECK)).isTrue();
        assertThat(f150.supports(Capability.DEPARTURE_TIMES)).as("\"NoDisplay\"").isFalse();
        assertThat(f150.supports(Capability.GUARD_MODE)).isTrue();
        assertThat(f150.supports(Capability.ZONE_LIGHTING)).as("true").isTrue();
        assertThat(f150.supports(Capability.REMOTE_PANIC_ALARM)).isTrue();
        assertThat(machE.supports(Capability.REMOTE_START)).as("true").isTrue();
        assertThat(machE.supports(Capability.ZONE_LIGHTING)).as("\"false\"").isFalse();
        assertThat(machE.supports(Capability.REMOTE_PANIC_ALARM)).as("\"true\"").isTrue();
    }

    @Test
    void remoteClimateControlComesFromTheProfile() {
        assertThat(f150.supports(Capability.REMOTE_CLIMATE_CONTROL)).isFalse();
        assertThat(machE.supports(Capability.REMOTE_CLIMATE_CONTROL)).isTrue();
    }

    @Test
    void chargingIsImpliedByAnElectricEngineType() {
        assertThat(machE.supports(Capability.CHARGING)).isTrue();
        assertThat(f150.supports(Capability.CHARGING)).isFalse();
        assertThat(machE.capabilities()).contains(Capability.CHARGING);
        assertThat(f150.capabilities()).doesNotContain(Capability.CHARGING);
    }

    @Test
    void rawFlagsAreKeptIncludingUnknownOnesAndNonFlagValuesAreLeftOut() {
        assertThat(machE.capabilityFlags()).containsEntry("plugAndCharge", true)
            .containsEntry("departureTimes", true).containsEntry("showEVBatteryLevel", true)
            .doesNotContainKeys("remoteWindowCalibration", "driverHeatedSeat", "transmissionIndicator",
                "numberOfLightingZones", "engineType", "model", "VIN", "vin");
        assertThat(machE.supports(Capability.of("plugAndCharge"))).isTrue();
        assertThat(machE.supports(Capability.of("PLUG_AND_CHARGE"))).isTrue();
        assertThat(machE.supports(Capability.of("somethingFordNeverSent"))).isFalse();
        assertThat(machE.capabilityEntry().orElseThrow().get("remoteWindowCalibration").stringValue())
            .as("odd values stay reachable raw").isEqualTo("Pending");
    }

    @Test
    void capabilitiesListEverySupportedOne() {
        assertThat(f150.capabilities()).containsExactlyInAnyOrder(Capability.REMOTE_LOCK, Capability.REMOTE_START,
            Capability.TRAILER_LIGHT_CHECK, Capability.GUARD_MODE, Capability.ZONE_LIGHTING,
            Capability.REMOTE_PANIC_ALARM, Capability.of("heatedSteeringWheel"));
    }

    @Test
    void theCapabilityEntryWinsOverAProfileFlagOfTheSameName() {
        List<Vehicle> list = vehicles("""
            {"vehicleProfile":[{"VIN":"v1","remoteStart":true}],
             "vehicleCapabilities":[{"VIN":"v1","RemoteStart":"NoDisplay"}]}""");
        assertThat(list.get(0).supports(Capability.REMOTE_START)).isFalse();
        assertThat(list.get(0).capabilityFlags()).containsOnlyKeys("RemoteStart");
    }

    @Test
    void aVehicleWithoutProfileHasWhatTheOtherSectionsGive() {
        List<Vehicle> list = vehicles("""
            {"userVehicles":{"vehicleDetails":[{"VIN":"1FTFW1E50PFA00001","nickName":"Truck"},
                                               {"VIN":"3FMTK3SU5MMA00002","nickName":"Sparky"}]},
             "vehicleProfile":[{"VIN":"3FMTK3SU5MMA00002","model":"Mustang Mach-E","engineType":"BEV"}],
             "vehicleCapabilities":[{"VIN":"1FTFW1E50PFA00001","remoteLock":"Display"}]}""");
        Vehicle truck = list.get(0);
        assertThat(truck.nickname()).contains("Truck");
        assertThat(truck.profile()).isEmpty();
        assertThat(truck.modelName()).isEmpty();
        assertThat(truck.modelYear()).isEmpty();
        assertThat(truck.engineType()).isEqualTo(EngineType.UNKNOWN);
        assertThat(truck.numberOfLightingZones()).isEmpty();
        assertThat(truck.supports(Capability.REMOTE_LOCK)).isTrue();
        Vehicle sparky = list.get(1);
        assertThat(sparky.capabilityEntry()).isEmpty();
        assertThat(sparky.capabilities()).containsExactly(Capability.CHARGING);
    }

    @Test
    void aVinOnlyInTheProfilesOrCapabilitiesStillMakesAVehicle() {
        List<Vehicle> list = vehicles("""
            {"vehicleProfile":[{"VIN":"p1","engineType":"PHEV"}],
             "vehicleCapabilities":[{"vin":"c1","remoteLock":true}]}""");
        assertThat(list).extracting(Vehicle::vin).containsExactly("P1", "C1");
        assertThat(list.get(0).details()).isEmpty();
        assertThat(list.get(0).supports(Capability.CHARGING)).as("PHEV").isTrue();
    }

    @Test
    void missingSectionsGiveNoVehicles() {
        assertThat(vehicles("{}")).isEmpty();
        assertThat(vehicles("{\"userVehicles\":{\"vehicleDetails\":\"none\"}}")).isEmpty();
    }

    @Test
    void entriesWithoutAVinAreSkipped() {
        List<Vehicle> list = vehicles("""
            {"userVehicles":{"vehicleDetails":[{"nickName":"ghost"},42,{"VIN":"  "},{"VIN":"real1"}]}}""");
        assertThat(list).extracting(Vehicle::vin).containsExactly("REAL1");
    }

    @Test
    void anUnknownEngineTypeIsKeptAndIsNotFatal() {
        Vehicle vehicle = vehicles("""
            {"vehicleProfile":[{"VIN":"x","engineType":"FCEV","year":"next year","numberOfLightingZones":"many"}]}""")
            .get(0);
        assertThat(vehicle.engineType().value()).isEqualTo("FCEV");
        assertThat(vehicle.engineType().isKnown()).isFalse();
        assertThat(vehicle.engineType().isElectric()).isFalse();
        assertThat(vehicle.modelYear()).isEmpty();
        assertThat(vehicle.numberOfLightingZones()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"vehicles\"", "42", "null"})
    void aNonObjectRootIsADecodeErrorOfVehicles(String body) {
        assertThatThrownBy(() -> vehicles(body)).isInstanceOf(DecodeException.class)
            .satisfies(error -> assertThat(((DecodeException) error).getOperation()).isEqualTo("vehicles"));
        assertThatThrownBy(() -> VehicleListMapper.toVehicles(null)).isInstanceOf(DecodeException.class);
    }

    @Test
    void rawEntriesAreCopiesAndTheBodyIsNotChanged() {
        JsonNode body = Fixtures.load(Fixtures.DASHBOARD);
        JsonNode before = body.deepCopy();
        Vehicle vehicle = VehicleListMapper.toVehicles(body).get(0);
        assertThat(body).isEqualTo(before);

        ((ObjectNode) body.get("vehicleProfile").get(0)).put("model", "Ranger");
        ((ObjectNode) vehicle.profile().orElseThrow()).put("model", "Bronco");
        assertThat(vehicle.profile().orElseThrow().get("model").stringValue()).isEqualTo("F-150");
    }

    @Test
    void toStringIsShortAndUseful() {
        assertThat(f150.toString()).isEqualTo("Vehicle{vin=1FTFW1E50PFA00001, nickname=Work Truck, model=2023 F-150, "
            + "engineType=ICE, capabilities=[remoteLock, remoteStart, trailerLightCheck, guardMode, zoneLighting, "
            + "remotePanicAlarm, heatedSteeringWheel]}");
        assertThat(machE.toString()).doesNotContain("tcuEnabled", "{\"");
    }

    @Test
    void equalBodiesGiveEqualVehicles() {
        assertThat(VehicleListMapper.toVehicles(Fixtures.load(Fixtures.DASHBOARD))).isEqualTo(dashboard);
        assertThat(f150).isNotEqualTo(machE);
    }
}
