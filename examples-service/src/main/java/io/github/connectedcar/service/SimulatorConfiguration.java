package io.github.connectedcar.service;

import io.github.connectedcar.auth.InMemoryTokenStore;
import io.github.connectedcar.auth.TokenStore;
import io.github.connectedcar.ford.Endpoints;
import io.github.connectedcar.simulator.FordCloudSimulator;
import io.github.connectedcar.simulator.SimulatedAccount;
import io.github.connectedcar.spring.boot.ConnectedCarClientBuilderCustomizer;
import io.github.connectedcar.usage.InMemoryUsageStore;
import io.github.connectedcar.usage.UsageStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A simulator of Ford's cloud inside the service, with its demo account, an F-150 and a Mustang Mach-E: the default,
 * so the service runs with no Ford account and no network. It is left out when {@code connectedcar.endpoint} or
 * {@code connectedcar.region} is given (a real account, or a standalone simulator), or with
 * {@code connectedcar.simulator.enabled=false}. The login and the usage counts then stay in memory, so the
 * simulated account never touches a real one's files.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("${connectedcar.simulator.enabled:true} and '${connectedcar.endpoint:}'.isEmpty() "
    + "and '${connectedcar.region:}'.isEmpty()")
public class SimulatorConfiguration {

    /** The simulator on a free loopback port; its clock runs {@code connectedcar.simulator.speed} times real time. */
    @Bean(destroyMethod = "close")
    public FordCloudSimulator fordCloudSimulator(@Value("${connectedcar.simulator.speed:5}") double speed) {
        return FordCloudSimulator.builder().speed(speed).build().start();
    }

    @Bean
    public ConnectedCarClientBuilderCustomizer simulatorEndpoints(FordCloudSimulator simulator) {
        return builder -> builder.endpoints(Endpoints.allAt(simulator.baseUrl()));
    }

    @Bean
    public TokenStore simulatorTokenStore() {
        return new InMemoryTokenStore();
    }

    @Bean
    public UsageStore simulatorUsageStore() {
        return new InMemoryUsageStore();
    }

    /** Tells the page that this is the simulator, so it can show the demo account's credentials. */
    @Bean
    public SimulatorMode simulatorMode() {
        return new SimulatorMode(SimulatedAccount.DEFAULT_USERNAME, SimulatedAccount.DEFAULT_PASSWORD);
    }
}
