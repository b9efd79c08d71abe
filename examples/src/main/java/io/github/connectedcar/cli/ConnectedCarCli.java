package io.github.connectedcar.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ScopeType;

/**
 * {@code connectedcar}: the command line of connectedcar-java. {@code demo} runs the whole story against an embedded
 * simulator of Ford's cloud; the other commands work on a real account (or on {@code --endpoint}).
 */
// --help and --version on every subcommand too, as the usage errors' "See: connectedcar COMMAND --help" promises.
@Command(name = "connectedcar", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT,
    version = "connectedcar 0.1.0",
    description = "Read and command a connected Ford or Lincoln.",
    subcommands = {DemoCommand.class, LoginCommand.class, LogoutCommand.class, VehiclesCommand.class,
        StatusCommand.class, WatchCommand.class, RemoteCommands.Start.class, RemoteCommands.Stop.class,
        RemoteCommands.Lock.class, RemoteCommands.Unlock.class, RemoteCommands.Honk.class,
        RemoteCommands.Refresh.class, RemoteCommands.Charge.class, DepartureCommands.Departures.class,
        RemoteCommands.Guard.class, LightingCommands.Lights.class, ClimateCommand.class,
        TrailerLightCheckCommands.TrailerLightCheck.class, SoftwareUpdatesCommand.class,
        CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:Ford answered with an error", "2:usage error (options, VIN, pasted URL)",
        "3:log in needed (connectedcar login)", "4:the car refused or did not carry out the command",
        "5:rate limited (Ford's throttle or the daily budget)", "6:network: Ford could not be reached"})
public final class ConnectedCarCli implements Runnable {
    @Mixin
    GlobalOptions global;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Netty's JFR buffer events: nothing here records them, and setting them up generates classes at start-up.
        if (System.getProperty("io.netty.jfr.enabled") == null) {
            System.setProperty("io.netty.jfr.enabled", "false");
        }
        System.exit(run(Terminal.system(), args));
    }

    /** Runs the command line with this terminal; returns the exit code. */
    static int run(Terminal terminal, String... args) {
        CommandLine cli = new CommandLine(new ConnectedCarCli(), new Factory(terminal));
        cli.setOut(new java.io.PrintWriter(terminal.out(), true));
        cli.setErr(new java.io.PrintWriter(terminal.err(), true));
        Errors errors = new Errors(terminal);
        cli.setExecutionExceptionHandler(errors);
        cli.setParameterExceptionHandler(errors::handleParameterException);
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Gives every command the terminal. */
    private static final class Factory implements CommandLine.IFactory {
        private final Terminal terminal;

        Factory(Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (CliCommand.class.isAssignableFrom(type)) {
                K command = CommandLine.defaultFactory().create(type);
                ((CliCommand) command).terminal = terminal;
                return command;
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
