package io.github.connectedcar.spring.boot;

import io.github.connectedcar.ConnectedCarAsyncClient;
import io.github.connectedcar.auth.TokenStore;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The account's health ({@link ConnectedCarHealthIndicator}) under {@code /actuator/health/connectedCar}, when
 * Actuator's health support is on the class path. Off with {@code management.health.connectedcar.enabled=false}.
 */
@AutoConfiguration(after = ConnectedCarAutoConfiguration.class)
@ConditionalOnClass(ReactiveHealthIndicator.class)
@ConditionalOnBean({ConnectedCarAsyncClient.class, TokenStore.class})
@ConditionalOnEnabledHealthIndicator("connectedcar")
public class ConnectedCarHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "connectedCarHealthIndicator")
    public ConnectedCarHealthIndicator connectedCarHealthIndicator(ConnectedCarAsyncClient client,
                                                                   TokenStore tokenStore,
                                                                   ConnectedCarProperties properties) {
        return new ConnectedCarHealthIndicator(client, tokenStore, properties.getAccount(), Clock.systemUTC());
    }
}
