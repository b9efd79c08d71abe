package io.github.connectedcar.simulator.junit;

import java.time.Duration;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.connectedcar.simulator.FordCloudSimulator;
import io.github.connectedcar.simulator.vehicle.Door;
import io.github.connectedcar.simulator.vehicle.VehicleSpec;

import static org.assertj.core.api.Assertions.assertThat;

/** The extension: one simulator per class, reset between tests, injectable as a parameter. */
@Tag("integration")
class FordCloudSimulatorExtensionIntegrationTests {

    private static final String F150 = VehicleSpec.DEFAULT_F150_VIN;

    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class RegisteredOnAStaticField {

        @RegisterExtension
        static final FordCloudSimulatorExtension SIM = FordCloudSimulatorExtension.configured(b -> b.speed(0));

        static String firstBaseUrl;
        static java.time.Instant firstNow;

        @Test
        @Order(1)
        void aTestChangesTheWorld() {
            firstBaseUrl = SIM.baseUrl();
            firstNow = SIM.clock().now();
            SIM.vehicle(F150).openDoor(Door.TAILGATE);
            SIM.clock().advance(Duration.ofHours(3));

            assertThat(SIM.vehicle(F150).summary().get("openDoors").toString()).contains("TAILGATE");
        }

        @Test
        @Order(2)
        void theNextTestSeesTheSameServerFreshlyReset() {
            assertThat(SIM.baseUrl()).isEqualTo(firstBaseUrl);
            assertThat(SIM.vehicle(F150).summary().get("openDoors").toString()).isEqualTo("[]");
            assertThat(SIM.clock().now()).isEqualTo(firstNow);
            assertThat(SIM.requests().all()).isEmpty();
        }
    }

    @Nested
    @ExtendWith(FordCloudSimulatorExtension.class)
    class ExtendedWith {

        @Test
        void theSimulatorIsInjectedRunning(FordCloudSimulator sim) {
            assertThat(sim.isRunning()).isTrue();
            assertThat(sim.baseUrl()).startsWith("http://127.0.0.1:");
        }
    }
}
