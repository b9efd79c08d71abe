package io.github.connectedcar.simulator.fault;

import java.time.Duration;

/**
 * What the injector decided for one request.
 *
 * @param delay   real-time delay before anything else
 * @param replace a fault answering instead of the service, or null
 * @param spoil   a fault spoiling the service's answer, or null
 */
public record FaultPlan(Duration delay, Fault replace, Fault spoil) {

    static final FaultPlan NONE = new FaultPlan(Duration.ZERO, null, null);

    public boolean isNone() {
        return delay.isZero() && replace == null && spoil == null;
    }
}
