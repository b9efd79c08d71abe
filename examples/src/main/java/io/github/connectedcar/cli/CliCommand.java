package io.github.connectedcar.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every subcommand has: the global options and the terminal. */
abstract class CliCommand implements Callable<Integer> {
    /** The global options are declared once, on the top command, and inherited by every subcommand. */
    @Spec
    CommandSpec spec;

    Terminal terminal;
    GlobalOptions global;

    @Override
    public final Integer call() throws Exception {
        global = ((ConnectedCarCli) spec.root().userObject()).global;
        global.applyVerbosity();
        return execute();
    }

    /** Runs the command; returns its exit code. */
    abstract int execute() throws Exception;

    void printJson(Object node) {
        terminal.line(StatusView.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node));
    }
}
