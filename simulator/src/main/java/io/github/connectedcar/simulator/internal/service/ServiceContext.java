package io.github.connectedcar.simulator.internal.service;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import io.github.connectedcar.simulator.clock.SimulatedClock;
import io.github.connectedcar.simulator.internal.account.QuotaLimits;
import io.github.connectedcar.simulator.internal.auth.TokenKind;
import io.github.connectedcar.simulator.internal.auth.TokenRegistry;
import io.github.connectedcar.simulator.internal.world.SimulationWorld;

/**
 * What every simulated service shares: the world, the clock, the token registry, how long each kind of token lives,
 * and the quota in force (it can change while the simulator runs).
 */
public record ServiceContext(SimulationWorld world, SimulatedClock clock, TokenRegistry tokens,
                             Map<TokenKind, Duration> lifetimes, Supplier<QuotaLimits> quota) {

    public ServiceContext {
        Objects.requireNonNull(world, "world");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(tokens, "tokens");
        lifetimes = Map.copyOf(lifetimes);
        Objects.requireNonNull(quota, "quota");
    }

    /**
     * @throws IllegalArgumentException for a kind without lifetime
     */
    public Duration lifetime(TokenKind kind) {
        Duration lifetime = lifetimes.get(kind);
        if (lifetime == null) {
            throw new IllegalArgumentException("No lifetime for " + kind);
        }
        return lifetime;
    }

    public QuotaLimits quotaLimits() {
        return quota.get();
    }
}
