package io.github.connectedcar.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.simulator.FordCloudSimulator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The embedded simulator stays out as soon as the service is pointed at a real account or another server. */
@Tag("unit")
class SimulatorConfigurationUnitTests {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withUserConfiguration(SimulatorConfiguration.class);

    @Test
    void aRegionMeansARealAccount() {
        runner.withPropertyValues("connectedcar.region=EU")
            .run(context -> assertThat(context).doesNotHaveBean(FordCloudSimulator.class)
                .doesNotHaveBean(SimulatorMode.class));
    }

    @Test
    void anEndpointMeansAnotherServer() {
        runner.withPropertyValues("connectedcar.endpoint=http://127.0.0.1:8080")
            .run(context -> assertThat(context).doesNotHaveBean(FordCloudSimulator.class));
    }

    @Test
    void itCanBeTurnedOff() {
        runner.withPropertyValues("connectedcar.simulator.enabled=false")
            .run(context -> assertThat(context).doesNotHaveBean(FordCloudSimulator.class));
    }
}
