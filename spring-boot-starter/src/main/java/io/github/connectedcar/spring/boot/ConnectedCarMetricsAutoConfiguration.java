package io.github.connectedcar.spring.boot;

import io.github.connectedcar.ConnectedCarAsyncClient;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The client's counters as Micrometer meters ({@link ConnectedCarMetrics}), when Micrometer is on the class path;
 * Spring Boot binds them to its meter registry. Off with {@code connectedcar.metrics.enabled=false}.
 */
@AutoConfiguration(after = ConnectedCarAutoConfiguration.class)
@ConditionalOnClass(MeterBinder.class)
@ConditionalOnBean(ConnectedCarAsyncClient.class)
@ConditionalOnProperty(name = "connectedcar.metrics.enabled", matchIfMissing = true)
public class ConnectedCarMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public ConnectedCarMetrics connectedCarMetrics(ConnectedCarAsyncClient client, ConnectedCarProperties properties) {
        return new ConnectedCarMetrics(client, properties.getAccount());
    }
}
