package io.github.connectedcar.simulator.internal.service;

import java.time.Duration;

import io.github.connectedcar.simulator.command.CommandTimings;
import io.github.connectedcar.simulator.internal.http.Router;

/**
 * Assembles every simulated service of Ford's cloud on one router: B2C login, Ford token service, Autonomic token
 * exchange, Ford vehicle and message services, MPS (guard mode, zone lighting), Autonomic telemetry and commands,
 * plus the websocket push endpoint. Each keeps Ford's own path, so one base URL serves every role.
 */
public final class CloudServices {

    private final Router router = new Router();
    private final PushService push;

    public CloudServices(ServiceContext context, CommandTimings timings, Duration keepAliveInterval) {
        Guards guards = new Guards(context);
        new B2cLoginService(context).register(router);
        new FordTokenService(context, guards).register(router);
        new AutonomicTokenService(context, guards).register(router);
        new FordVehicleService(context, guards).register(router);
        new MpsService(context, guards).register(router);
        new TelemetryService(context, guards).register(router);
        new CommandService(context, guards, timings).register(router);
        this.push = new PushService(context, guards, keepAliveInterval);
        context.world().addListener(push);
    }

    /** The HTTP routes of every service. */
    public Router router() {
        return router;
    }

    /** The websocket endpoint. */
    public PushService push() {
        return push;
    }
}
