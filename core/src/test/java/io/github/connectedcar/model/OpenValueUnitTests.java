package io.github.connectedcar.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.connectedcar.command.ChargeMode;
import io.github.connectedcar.command.PreconditionTemperature;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Tag("unit")
class OpenValueUnitTests {
    /** Every open value type: its {@code of}, one constant, and that constant spelt another way. */
    static Stream<Arguments> everyOpenValueType() {
        return Stream.of(
            type("PlugStatus", PlugStatus::of, PlugStatus.CHARGING_AC, " charging-ac "),
            type("ChargeDisplayStatus", ChargeDisplayStatus::of, ChargeDisplayStatus.NOT_PLUGGED_IN, "NotPluggedIn"),
            type("EngineType", EngineType::of, EngineType.PHEV, "p-h-e-v"),
            type("Capability", Capability::of, Capability.REMOTE_PANIC_ALARM, "REMOTE_PANIC_ALARM"),
            type("CommandState", CommandState::of, CommandState.TIMED_OUT, "timed out"),
            type("ChargeMode", ChargeMode::of, ChargeMode.DEPARTURE_TIMES_CONDITIONED, "charge-dt-cond"),
            type("PreconditionTemperature", PreconditionTemperature::of, PreconditionTemperature.MEDIUM, " medium"));
    }

    private static Arguments type(String name, Function<String, OpenValue> of, OpenValue constant, String spelling) {
        return Arguments.of(name, of, constant, spelling);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyOpenValueType")
    void aConstantMatchesInAnyCaseWithAnySeparators(String type, Function<String, OpenValue> of, OpenValue constant,
                                                    String spelling) {
        assertThat(of.apply(spelling)).isSameAs(constant);
        assertThat(of.apply(constant.value())).isSameAs(constant);
        assertThat(constant.isKnown()).isTrue();
        assertThat(constant.toString()).isEqualTo(constant.value());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyOpenValueType")
    void anUnknownValuePassesThroughAndMatchesByTheSameRule(String type, Function<String, OpenValue> of,
                                                            OpenValue constant, String spelling) {
        OpenValue unknown = of.apply(" Solar_Only ");
        assertThat(unknown.isKnown()).isFalse();
        // The SDK sends charge modes and precondition levels to Ford, so it writes them as Ford does: upper case.
        boolean sentToFord = unknown instanceof ChargeMode || unknown instanceof PreconditionTemperature;
        assertThat(unknown.value()).isEqualTo(sentToFord ? "SOLAR_ONLY" : "Solar_Only");
        assertThat(unknown.toString()).isEqualTo(unknown.value());
        for (String other : new String[] {"SOLAR_ONLY", "solar-only", "solar only", "SolarOnly"}) {
            assertThat(of.apply(other)).isEqualTo(unknown).hasSameHashCodeAs(unknown);
        }
        assertThat(of.apply("SOLAR_ONLY_2")).isNotEqualTo(unknown);
        assertThat(unknown).isNotEqualTo(constant);
    }

    @Test
    void valuesOfDifferentTypesAreNeverEqual() {
        assertThat(ChargeDisplayStatus.IN_PROGRESS).isNotEqualTo(PlugStatus.of("IN_PROGRESS"));
        assertThat(CommandState.of("remoteLock")).isNotEqualTo(Capability.REMOTE_LOCK);
        assertThat(PreconditionTemperature.OFF).isNotEqualTo(ChargeMode.of("OFF"));
    }

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
