package io.github.connectedcar.model;

import io.github.connectedcar.testing.Fixtures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ObjectNode;

@Tag("unit")
class VehicleUnitTests {
    @Test
    void builtVehiclesNormaliseTheVinAndDefaultTheEngineType() {
        Vehicle vehicle = Vehicle.builder(" 1ftfw1e50pfa00001 ").nickname(" ").engineType(null).build();
        assertThat(vehicle.vin()).isEqualTo("1FTFW1E50PFA00001");
        assertThat(vehicle.nickname()).isEmpty();
        assertThat(vehicle.engineType()).isSameAs(EngineType.UNKNOWN);
        assertThat(vehicle.capabilities()).isEmpty();
        assertThat(vehicle.details()).isEmpty();
    }

    @Test
    void blankVinsAndFlagNamesAreRefused() {
        assertThatThrownBy(() -> Vehicle.builder(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Vehicle.builder("v").capabilityFlag(" ", true))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anExplicitChargingFlagCountsForAVehicleOfUnknownEngineType() {
        Vehicle vehicle = Vehicle.builder("v").capabilityFlag("charging", true).build();
        assertThat(vehicle.supports(Capability.CHARGING)).isTrue();
        assertThat(Vehicle.builder("v").build().supports(Capability.CHARGING)).isFalse();
    }

    @Test
    void aFlagThatSaysNoIsKeptButNotSupported() {
        Vehicle vehicle = Vehicle.builder("v").capabilityFlag("guardMode", false).build();
        assertThat(vehicle.capabilityFlags()).containsEntry("guardMode", false);
        assertThat(vehicle.supports(Capability.GUARD_MODE)).isFalse();
        assertThat(vehicle.capabilities()).isEmpty();
    }

    @Test
    void rawEntriesAreCopiedOnBuild() {
        ObjectNode profile = Fixtures.JSON.createObjectNode().put("model", "F-150");
        Vehicle.Builder builder = Vehicle.builder("v").profile(profile);
        Vehicle vehicle = builder.build();
        profile.put("model", "Ranger");
        assertThat(vehicle.profile().orElseThrow().get("model").stringValue()).isEqualTo("F-150");
        assertThat(builder.build().profile().orElseThrow().get("model").stringValue()).isEqualTo("Ranger");
    }
}
