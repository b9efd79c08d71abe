package io.github.connectedcar.spring.boot;

import io.github.connectedcar.ConnectedCarClientBuilder;

/**
 * Changes the builder of the auto-configured client after the {@code connectedcar.*} properties were applied: a bean
 * of this type sets what the properties do not cover (command options, a transport, a clock...).
 */
@FunctionalInterface
public interface ConnectedCarClientBuilderCustomizer {

    /** Changes the builder in place. */
    void customize(ConnectedCarClientBuilder builder);
}
