package io.github.connectedcar.command;

import io.github.connectedcar.model.CommandState;
import static io.github.connectedcar.testing.FakeCommandCloud.F150;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.connectedcar.ConnectedCarAsyncClient;
import io.github.connectedcar.testing.FakeCommandCloud;
import io.github.connectedcar.testing.FakeCommandCloudExtension;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Argument errors are thrown at call time, with clear text, and nothing is sent. */
@Tag("unit")
@ExtendWith(FakeCommandCloudExtension.class)
class CommandArgumentsUnitTests {
    private final FakeCommandCloud cloud;
    private final ConnectedCarAsyncClient client;

    CommandArgumentsUnitTests(FakeCommandCloud cloud, ConnectedCarAsyncClient client) {
        this.cloud = cloud;
        this.client = client;
    }

    @AfterEach
    void nothingWasSent() {
        assertThat(cloud.transport.requests()).as("nothing was sent").isEmpty();
    }

    @Test
    void honkAcceptsOneThreeOrFiveSecondsOnly() {
        assertThatThrownBy(() -> client.vehicle(F150).honk(2)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("1, 3 or 5 seconds");
        assertThat(HonkDuration.ofSeconds(3)).isEqualTo(HonkDuration.THREE_SECONDS);
    }

    @Test
    void lightingZonesAreZeroToFour() {
        assertThatThrownBy(() -> client.vehicle(F150).selectLightingZone(5))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 to 4");
        assertThat(LightingZone.of(3)).isEqualTo(LightingZone.DRIVER_SIDE);
    }

    @Test
    void chargeTargetBelowEightyMustBeAStepOfTen() {
        assertThatThrownBy(() -> ChargeSettings.builder().targetPercent(55))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("below 80 % only in steps of 10").hasMessageContaining("Use 50 or 60");
        assertThatThrownBy(() -> ChargeSettings.builder().targetPercent(101))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 10 and 100");
        assertThatThrownBy(() -> ChargeSettings.builder().targetPercent(5))
            .isInstanceOf(IllegalArgumentException.class);
        assertThat(ChargeSettings.builder().targetPercent(85).build().targetSetsAllThreeStateOfChargeSettings())
            .isFalse();
        assertThat(ChargeSettings.builder().targetPercent(70).build().targetSetsAllThreeStateOfChargeSettings())
            .isTrue();
    }

    @Test
    void chargeSettingsNeedSomethingToChange() {
        assertThatThrownBy(() -> ChargeSettings.builder().build()).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("at least one setting");
        assertThatThrownBy(() -> ChargeSettings.builder().currentLimitAmps(0))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void departuresAreToTheMinuteWithUniqueIds() {
        assertThatThrownBy(() -> Departure.of(DayOfWeek.MONDAY, LocalTime.of(7, 30, 15), "LOC", 1))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("to the minute");
        assertThatThrownBy(() -> DepartureSchedule.of(Departure.of(DayOfWeek.MONDAY, LocalTime.of(7, 0), "L", 1),
            Departure.of(DayOfWeek.TUESDAY, LocalTime.of(7, 0), "L", 1)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schedule id 1");
        assertThatThrownBy(() -> Departure.of(DayOfWeek.MONDAY, LocalTime.NOON, " ", 1))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("location");
    }

    @Test
    void climateTemperatureIsInHalfDegreesWithinFordsRange() {
        assertThatThrownBy(() -> ClimateProfile.builder().temperatureCelsius(21.3))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("steps of 0.5");
        assertThatThrownBy(() -> ClimateProfile.builder().temperatureCelsius(51))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between");
        assertThat(ClimateProfile.builder().temperatureCelsius(-40).build().preferences())
            .containsEntry("SetPointTemp_Rq", "-40_0");
        assertThat(ClimateProfile.builder().temperatureCelsius(22).build().temperatureCelsius()).contains(22.0);
    }

    @Test
    void commandOptionsCheckTheirValuesAndAllowAtMostThreeIncreasingChecks() {
        assertThatThrownBy(() -> CommandOptions.defaults().withTimeout(Duration.ZERO))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
        assertThatThrownBy(() -> CommandOptions.defaults().withChecks(Duration.ofSeconds(5), Duration.ofSeconds(2)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("increasing");
        assertThatThrownBy(() -> CommandOptions.defaults().withChecks(Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(3), Duration.ofSeconds(4))).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("1 to 3");
        assertThatThrownBy(() -> CommandOptions.defaults().withStatusRefreshChecks())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("statusRefreshChecks");
        CommandOptions defaults = CommandOptions.defaults();
        assertThat(defaults.checksFor("lock")).extracting(Duration::toSeconds).containsExactly(12L, 45L, 120L);
        assertThat(defaults.checksFor("statusRefresh")).extracting(Duration::toSeconds)
            .containsExactly(65L, 150L, 300L);
        assertThat(defaults.timeoutFor("statusRefresh")).isEqualTo(Duration.ofMinutes(5));
        assertThat(defaults.blockingTimeoutFor("lock")).isEqualTo(Duration.ofSeconds(150));
    }

    @Test
    void commandStatesAreAnOpenValueType() {
        assertThat(CommandState.of("succeeded")).isSameAs(CommandState.SUCCEEDED);
        CommandState unknown = CommandState.of(" PARKED_ELSEWHERE ");
        assertThat(unknown.name()).isEqualTo("PARKED_ELSEWHERE");
        assertThat(unknown.isKnown()).isFalse();
        assertThat(unknown.isFinal()).isFalse();
        assertThat(unknown).isEqualTo(CommandState.of("PARKED_ELSEWHERE"));
        assertThatThrownBy(() -> CommandState.of(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ChargeMode.of("charge_now")).isSameAs(ChargeMode.CHARGE_NOW);
        assertThat(ChargeMode.of("solar_only").value()).isEqualTo("SOLAR_ONLY");
    }
}
