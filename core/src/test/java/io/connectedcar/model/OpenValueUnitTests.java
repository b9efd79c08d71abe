package io.connectedcar.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class OpenValueUnitTests {
    @Test
    void knownEngineTypesAreTheConstantsInAnyLetterCase() {
        assertThat(EngineType.of(" bev ")).isSameAs(EngineType.BEV);
        assertThat(EngineType.of("Phev")).isSameAs(EngineType.PHEV);
        assertThat(EngineType.of("ICE")).isSameAs(EngineType.ICE);
        assertThat(EngineType.of("hev")).isSameAs(EngineType.HEV);
    }

    @Test
    void missingOrBlankEngineTypeIsUnknown() {
        assertThat(EngineType.of(null)).isSameAs(EngineType.UNKNOWN);
        assertThat(EngineType.of("  ")).isSameAs(EngineType.UNKNOWN);
    }

    @Test
    void anUnknownEngineTypeKeepsItsString() {
        EngineType hydrogen = EngineType.of("FCEV");
        assertThat(hydrogen.value()).isEqualTo("FCEV");
        assertThat(hydrogen.isKnown()).isFalse();
        assertThat(hydrogen).isEqualTo(EngineType.of("fcev")).hasSameHashCodeAs(EngineType.of("fcev"));
        assertThat(hydrogen.toString()).isEqualTo("FCEV");
    }

    @Test
    void onlyPlugInEngineTypesAreElectric() {
        assertThat(EngineType.BEV.isElectric()).isTrue();
        assertThat(EngineType.PHEV.isElectric()).isTrue();
        assertThat(EngineType.HEV.isElectric()).isFalse();
        assertThat(EngineType.ICE.isElectric()).isFalse();
        assertThat(EngineType.UNKNOWN.isElectric()).isFalse();
    }

    @Test
    void plugStatusTellsPluggedInFromCharging() {
        assertThat(PlugStatus.of("CONNECTED").isPluggedIn()).isTrue();
        assertThat(PlugStatus.of("CONNECTED").isCharging()).isFalse();
        assertThat(PlugStatus.of("DISCONNECTED").isPluggedIn()).isFalse();
        assertThat(PlugStatus.of("charging").isCharging()).isTrue();
        assertThat(PlugStatus.of("CHARGING_AC")).isSameAs(PlugStatus.CHARGING_AC);
        assertThat(PlugStatus.of("SOMETHING_NEW").isPluggedIn()).isFalse();
    }

    @Test
    void chargeDisplayStatusKeepsUnknownValues() {
        assertThat(ChargeDisplayStatus.of("not_ready")).isSameAs(ChargeDisplayStatus.NOT_READY);
        ChargeDisplayStatus unknown = ChargeDisplayStatus.of("TARGET_REACHED");
        assertThat(unknown.isKnown()).isFalse();
        assertThat(unknown.value()).isEqualTo("TARGET_REACHED");
        assertThat(unknown.isCharging()).isFalse();
    }

    @Test
    void capabilitiesMatchFordsFlagNamesInAnySpelling() {
        assertThat(Capability.of("remoteLock")).isSameAs(Capability.REMOTE_LOCK);
        assertThat(Capability.of("REMOTE_LOCK")).isSameAs(Capability.REMOTE_LOCK);
        assertThat(Capability.of("RemotePanicAlarm")).isSameAs(Capability.REMOTE_PANIC_ALARM);
        assertThat(Capability.of("digitalKey").isKnown()).isFalse();
        assertThat(Capability.of("digitalKey").name()).isEqualTo("digitalKey");
        assertThatThrownBy(() -> Capability.of(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
