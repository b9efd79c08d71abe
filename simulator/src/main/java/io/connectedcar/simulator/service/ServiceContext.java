package io.connectedcar.simulator.service;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import io.connectedcar.simulator.QuotaPolicy;
import io.connectedcar.simulator.TokenLifetimes;
import io.connectedcar.simulator.auth.TokenRegistry;
import io.connectedcar.simulator.clock.SimulatedClock;
import io.connectedcar.simulator.world.SimulationWorld;

/**
 * What every simulated service shares: the world, the clock, the token registry, the lifetimes and the (changeable)
 * quota policy.
 */
public record ServiceContext(SimulationWorld world, SimulatedClock clock, TokenRegistry tokens,
                             TokenLifetimes lifetimes, AtomicReference<QuotaPolicy> quota) {

    public ServiceContext {
        Objects.requireNonNull(world, "world");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(lifetimes, "lifetimes");
        Objects.requireNonNull(quota, "quota");
    }

    public QuotaPolicy quotaPolicy() {
        return quota.get();
    }
}
