package io.github.connectedcar.simulator.internal.vehicle;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.github.connectedcar.simulator.command.CommandTimings;
import io.github.connectedcar.simulator.vehicle.Door;
import io.github.connectedcar.simulator.vehicle.VehicleSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The vehicle model without HTTP: processes over simulated time and what they report. */
@Tag("unit")
class SimulatedVehicleUnitTests {

    private static final Instant START = Instant.parse("2026-05-02T08:00:00Z");

    private static SimulatedVehicle vehicle(VehicleSpec spec) {
        return new SimulatedVehicle(spec, "owner@example.com", CommandTimings.defaults(), START);
    }

    @Test
    void drivingMovesTheCarAddsToTheOdometerAndBurnsFuel() {
        SimulatedVehicle truck = vehicle(VehicleSpec.f150(VehicleSpec.DEFAULT_F150_VIN));
        truck.drainChanges();

        truck.driving().start(60, 0);
        truck.advanceTo(START.plus(Duration.ofMinutes(30)), () -> { });
        truck.driving().stop();

        assertThat(truck.driving().odometerKm()).isCloseTo(18_264.5, org.assertj.core.data.Offset.offset(0.01));
        assertThat(truck.driving().latitude()).isGreaterThan(42.56);
        assertThat(truck.driving().fuelLevelPercent()).isLessThan(63.2);
        assertThat(truck.driving().ignitionOn()).isFalse();
        assertThat(truck.drainChanges().metrics()).contains(MetricNames.POSITION, MetricNames.ODOMETER,
            MetricNames.FUEL_LEVEL, MetricNames.IGNITION_STATUS);
    }

    @Test
    void chargingStopsAtTheTargetAndReportsCompletion() {
        SimulatedVehicle car = vehicle(VehicleSpec.machE(VehicleSpec.DEFAULT_MACH_E_VIN));

        car.advanceTo(START.plus(Duration.ofHours(12)), () -> { });

        assertThat(car.charging().actualStateOfCharge()).isCloseTo(90.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(car.charging().isCharging()).isFalse();
        assertThat(car.charging().displayStatus()).isEqualTo("COMPLETED");
        assertThat(car.charging().minutesToFull()).isZero();
    }

    @Test
    void anElectricCarCannotDriveWhilePluggedInAndACombustionCarHasNoPlug() {
        SimulatedVehicle car = vehicle(VehicleSpec.machE(VehicleSpec.DEFAULT_MACH_E_VIN));
        SimulatedVehicle truck = vehicle(VehicleSpec.f150(VehicleSpec.DEFAULT_F150_VIN));

        assertThatThrownBy(() -> car.driving().start(50, 90)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> truck.charging().setPluggedIn(true)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> truck.charging().setStateOfCharge(50)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void specsRejectContradictions() {
        assertThatThrownBy(() -> VehicleSpec.f150("TOO-SHORT")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VehicleSpec.machE(VehicleSpec.DEFAULT_MACH_E_VIN).toBuilder().pluggedIn(false)
            .build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VehicleSpec.machE(VehicleSpec.DEFAULT_MACH_E_VIN).toBuilder()
            .openDoors(java.util.EnumSet.of(Door.INNER_TAILGATE)).build())
            .isInstanceOf(IllegalArgumentException.class);
    }
}
