package io.github.connectedcar.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A command that only groups subcommands ({@code charge start}, {@code guard status}...): run alone, it is a usage
 * error naming the subcommands, reported like any other (as JSON under {@code --json}).
 */
abstract class CommandGroup implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), spec.qualifiedName() + " needs a subcommand: "
            + String.join(", ", spec.subcommands().keySet()) + ".");
    }
}
