package io.github.connectedcar.cli;

import io.github.connectedcar.ConnectedCarClient;
import io.github.connectedcar.VehicleAsyncClient;
import io.github.connectedcar.VehicleClient;
import io.github.connectedcar.command.ActionResult;
import io.github.connectedcar.command.ChargeMode;
import io.github.connectedcar.command.ChargeSettings;
import io.github.connectedcar.command.CommandFlux;
import io.github.connectedcar.command.GuardModeStatus;
import io.github.connectedcar.model.GuardModeState;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ObjectNode;

/** The car commands: each is sent once and followed to its end with live progress. */
final class RemoteCommands {
    private RemoteCommands() {
    }

    /** One command on one car, followed to its end. */
    abstract static class VehicleCommand extends ClientCommand {
        @Parameters(index = "0", paramLabel = "VIN", description = "The car's VIN (see: connectedcar vehicles).")
        String vin;

        private final String label;
        private final Function<VehicleAsyncClient, CommandFlux> command;

        VehicleCommand(String label, Function<VehicleAsyncClient, CommandFlux> command) {
            this.label = label;
            this.command = command;
        }

        /** For commands whose arguments come from options: they override {@link #send}. */
        VehicleCommand(String label) {
            this(label, null);
        }

        CommandFlux send(VehicleAsyncClient car) {
            return command.apply(car);
        }

        @Override
        int run(ConnectedCarClient client) {
            VehicleAsyncClient car = client.vehicle(vin).async();
            new CommandRunner(terminal, global.json).follow(label + " " + vin, send(car), car.commandOptions());
            return ExitCode.OK;
        }
    }

    /** One Ford-host action on one car: a single call, no command to follow. */
    abstract static class VehicleAction extends ClientCommand {
        @Parameters(index = "0", paramLabel = "VIN", description = "The car's VIN (see: connectedcar vehicles).")
        String vin;

        private final String label;
        private final Function<VehicleClient, ActionResult> action;

        VehicleAction(String label, Function<VehicleClient, ActionResult> action) {
            this.label = label;
            this.action = action;
        }

        /** For actions whose arguments come from options: they override {@link #act}. */
        VehicleAction(String label) {
            this(label, null);
        }

        ActionResult act(VehicleClient car) {
            return action.apply(car);
        }

        @Override
        int run(ConnectedCarClient client) {
            new CommandRunner(terminal, global.json).print(label + " " + vin, act(client.vehicle(vin)));
            return ExitCode.OK;
        }
    }

    @Command(name = "start", description = "Remote start (again to extend).")
    static final class Start extends VehicleCommand {
        Start() {
            super("Remote start", VehicleAsyncClient::start);
        }
    }

    @Command(name = "stop", description = "Cancel a remote start.")
    static final class Stop extends VehicleCommand {
        Stop() {
            super("Cancel remote start", VehicleAsyncClient::stop);
        }
    }

    @Command(name = "lock", description = "Lock the doors.")
    static final class Lock extends VehicleCommand {
        Lock() {
            super("Lock", VehicleAsyncClient::lock);
        }
    }

    @Command(name = "unlock", description = "Unlock the doors.")
    static final class Unlock extends VehicleCommand {
        Unlock() {
            super("Unlock", VehicleAsyncClient::unlock);
        }
    }

    @Command(name = "honk", description = "Honk the horn and flash the lights.")
    static final class Honk extends VehicleCommand {
        @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "3",
            description = "1, 3 or 5 (default: ${DEFAULT-VALUE}).")
        int seconds;

        Honk() {
            super("Honk and flash");
        }

        @Override
        CommandFlux send(VehicleAsyncClient car) {
            return car.honk(seconds);
        }
    }

    @Command(name = "refresh", description = "Ask the car for fresh status (wakes its modem: drains the 12 V battery; "
        + "at most once per 15 minutes).")
    static final class Refresh extends VehicleCommand {
        Refresh() {
            super("Status refresh", VehicleAsyncClient::refreshStatus);
        }
    }

    @Command(name = "charge", description = "Charging: start, stop or pause it, its settings, its past sessions.",
        subcommands = {ChargeStart.class, ChargeStop.class, ChargePause.class, ChargeSettingsCommand.class,
            ChargeHistoryCommand.class})
    static final class Charge extends CommandGroup {
    }

    @Command(name = "start", description = "Start charging.")
    static final class ChargeStart extends VehicleCommand {
        ChargeStart() {
            super("Start charging", VehicleAsyncClient::startCharging);
        }
    }

    @Command(name = "stop", description = "Stop charging.")
    static final class ChargeStop extends VehicleCommand {
        ChargeStop() {
            super("Stop charging", VehicleAsyncClient::stopCharging);
        }
    }

    @Command(name = "pause", description = "Pause charging.")
    static final class ChargePause extends VehicleCommand {
        ChargePause() {
            super("Pause charging", VehicleAsyncClient::pauseCharging);
        }
    }

    @Command(name = "guard", description = "Guard mode: on, off or status.",
        subcommands = {GuardOn.class, GuardOff.class, GuardStatus.class})
    static final class Guard extends CommandGroup {
    }

    @Command(name = "on", description = "Turn guard mode on.")
    static final class GuardOn extends VehicleAction {
        GuardOn() {
            super("Guard mode on", VehicleClient::enableGuardMode);
        }
    }

    @Command(name = "off", description = "Turn guard mode off.")
    static final class GuardOff extends VehicleAction {
        GuardOff() {
            super("Guard mode off", VehicleClient::disableGuardMode);
        }
    }

    @Command(name = "status", description = "Show whether guard mode is on.")
    static final class GuardStatus extends ClientCommand {
        @Parameters(paramLabel = "VIN", description = "The car's VIN (see: connectedcar vehicles).")
        String vin;

        @Override
        int run(ConnectedCarClient client) {
            GuardModeStatus status = client.vehicle(vin).guardModeStatus();
            if (global.json) {
                ActionResult answer = status.answer();
                ObjectNode node = StatusView.JSON.createObjectNode().put("vin", status.vin());
                node.put("on", status.isOn().orElse(null));
                node.put("state", status.state().map(GuardModeState::value).orElse(null));
                node.put("httpStatus", answer.httpStatus());
                answer.returnCode().ifPresent(code -> node.put("returnCode", code));
                answer.message().ifPresent(message -> node.put("message", message));
                printJson(node);
            } else {
                terminal.line("Guard mode of " + vin + ": " + describe(status));
            }
            return ExitCode.OK;
        }

        private String describe(GuardModeStatus status) {
            if (status.state().isEmpty()) {
                return "not reported (Ford answered" + status.answer().returnCode().stream()
                    .mapToObj(code -> " returnCode " + code).findFirst().orElse("") + " without a state)";
            }
            GuardModeState state = status.state().get();
            if (state.isOn()) {
                return terminal.green("on");
            }
            if (state.equals(GuardModeState.DISABLED)) {
                return "off";
            }
            if (state.equals(GuardModeState.ENROLLING)) {
                return terminal.yellow("enrolling") + " (turning on, not on yet)";
            }
            return state.value() + " (a state this version does not know)";
        }
    }

    @Command(name = "settings", description = {"Change the charge settings of an electric car; only the settings "
        + "given are sent.", "Example: connectedcar charge settings VIN --target 80"})
    static final class ChargeSettingsCommand extends VehicleCommand {
        @Option(names = "--target", paramLabel = "PERCENT", description = "Charge up to this level: "
            + ChargeSettings.MIN_TARGET_PERCENT + " to " + ChargeSettings.MAX_TARGET_PERCENT + "; below 80 only in "
            + "steps of 10 (50, 60, 70).")
        Integer targetPercent;

        @Option(names = "--mode", paramLabel = "MODE", description = "When to charge, by Ford's name: CHARGE_NOW, "
            + "DEPARTURE_TIMES, VALUE_CHARGE, ...")
        String mode;

        @Option(names = "--current-limit", paramLabel = "AMPS", description = "The AC charging current limit.")
        Integer currentLimitAmps;

        @Option(names = "--dc-power-limit", paramLabel = "KW", description = "The DC fast-charging power limit.")
        Integer dcPowerLimitKilowatts;

        @Option(names = "--auto-unlock-port", paramLabel = "on|off", arity = "1", converter = OnOff.class,
            description = "Whether the charge port unlocks by itself when charging ends.")
        Boolean autoUnlockPort;

        ChargeSettingsCommand() {
            super("Charge settings");
        }

        @Override
        CommandFlux send(VehicleAsyncClient car) {
            ChargeSettings.Builder settings = ChargeSettings.builder();
            if (targetPercent == null && mode == null && currentLimitAmps == null && dcPowerLimitKilowatts == null
                && autoUnlockPort == null) {
                throw new ParameterException(spec.commandLine(), "Give at least one setting to change: --target, "
                    + "--mode, --current-limit, --dc-power-limit or --auto-unlock-port.");
            }
            if (targetPercent != null) {
                settings.targetPercent(targetPercent);
            }
            if (mode != null) {
                settings.mode(ChargeMode.of(mode));
            }
            if (currentLimitAmps != null) {
                settings.currentLimitAmps(currentLimitAmps);
            }
            if (dcPowerLimitKilowatts != null) {
                settings.dcPowerLimitKilowatts(dcPowerLimitKilowatts);
            }
            if (autoUnlockPort != null) {
                settings.autoUnlockChargePort(autoUnlockPort);
            }
            return car.updateChargeSettings(settings.build());
        }
    }

    /** {@code on} or {@code off} (also true/false, yes/no) as a boolean. */
    static final class OnOff implements CommandLine.ITypeConverter<Boolean> {
        @Override
        public Boolean convert(String value) {
            return switch (Terminal.lower(value.strip())) {
                case "on", "true", "yes" -> true;
                case "off", "false", "no" -> false;
                default -> throw new CommandLine.TypeConversionException("'" + value + "' is not on or off");
            };
        }
    }
}
