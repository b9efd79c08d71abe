package io.connectedcar.cli;

import io.connectedcar.ConnectedCarClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every subcommand has: the global options, the terminal, and a client made from them. */
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

    /** Runs the command; by default with a client made from the global options. */
    int execute() throws Exception {
        try (ConnectedCarClient client = global.client()) {
            return run(client);
        }
    }

    abstract int run(ConnectedCarClient client) throws Exception;

    void printJson(Object node) {
        terminal.line(StatusView.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node));
    }
}
