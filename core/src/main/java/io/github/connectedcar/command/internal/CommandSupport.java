package io.github.connectedcar.command.internal;

import io.github.connectedcar.command.CommandOptions;
import io.github.connectedcar.ford.internal.FordCalls;
import io.github.connectedcar.protection.internal.StatusRefreshGuard;
import io.github.connectedcar.usage.UsageStore;
import java.time.Duration;
import java.util.Objects;

/**
 * What one client's vehicle clients share to send commands: the engine, the Ford-host actions, the kept vehicle list
 * and the client's default {@link CommandOptions}.
 *
 * @param engine   sends and follows Autonomic commands
 * @param actions  guard mode, zone lighting, climate profile
 * @param defaults the client's default command options
 */
public record CommandSupport(CommandEngine engine, VehicleActions actions, CommandOptions defaults) {

    public CommandSupport {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(actions, "actions");
        Objects.requireNonNull(defaults, "defaults");
    }

    /**
     * @param capabilityCacheTtl how long the vehicle list is kept for capability checks
     * @param usage              counts the account's status refreshes, under {@code account}
     * @param push               the cars' pushed telemetry, which follows commands without polling
     */
    public static CommandSupport create(FordCalls calls, CommandOptions defaults, Duration capabilityCacheTtl,
                                        UsageStore usage, String account, CommandPush push) {
        CapabilityCache capabilities = new CapabilityCache(calls::vehicles, calls.clock(), capabilityCacheTtl);
        CommandEngine engine = new CommandEngine(calls, capabilities,
            new StatusRefreshGuard(calls.clock(), usage, account), new CommandMetrics(), push);
        return new CommandSupport(engine, new VehicleActions(calls, capabilities), defaults);
    }
}
