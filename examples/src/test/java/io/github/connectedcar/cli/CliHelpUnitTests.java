package io.github.connectedcar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.cli.CliHarness.Run;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --help} on every command and subcommand, as the usage errors' "See: connectedcar ... --help" promises. */
@Tag("unit")
class CliHelpUnitTests {

    private static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Terminal terminal = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), new BufferedReader(new StringReader("")), false,
            false);
        int code = ConnectedCarCli.run(terminal, args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Every command path under the top command: {@code [demo]}, {@code [charge, start]}... */
    private static List<List<String>> commandPaths(CommandLine command, List<String> path) {
        List<List<String>> paths = new ArrayList<>();
        command.getSubcommands().forEach((name, sub) -> {
            List<String> subPath = new ArrayList<>(path);
            subPath.add(name);
            paths.add(subPath);
            paths.addAll(commandPaths(sub, subPath));
        });
        return paths;
    }

    @Test
    void everySubcommandAnswersHelpWithItsUsage() {
        List<List<String>> paths = commandPaths(new CommandLine(new ConnectedCarCli()), List.of());
        assertThat(paths).contains(List.of("charge", "settings"), List.of("guard", "status"),
            List.of("departures", "set"), List.of("lights", "zone"), List.of("climate"),
            List.of("trailer-light-check", "start"), List.of("help"));

        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            Run run = cli(args.toArray(String[]::new));

            String name = "connectedcar " + String.join(" ", path);
            assertThat(run.exitCode()).as("%s --help: %s", name, run.err()).isZero();
            assertThat(run.out()).as(name).contains("Usage: " + name + " ");
            assertThat(run.err()).as(name).isEmpty();
        }
    }

    @Test
    void theTopCommandListsEveryCommand() {
        Run run = cli("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("charge", "departures", "guard", "lights", "climate", "trailer-light-check");
    }

    @Test
    void aGroupWithoutItsSubcommandIsAUsageErrorNamingThem() {
        Run run = cli("departures");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("connectedcar departures needs a subcommand: on, off, set, clear")
            .contains("See: connectedcar departures --help");
    }
}
