package io.github.connectedcar.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the command line writes: stdout for results, stderr for progress and errors. Colours and the spinner only
 * when stdout is a terminal (and {@code NO_COLOR} is unset); plain lines otherwise, so scripts and pipes get text
 * they can read.
 */
final class Terminal {
    private static final String RESET = "\u001b[0m";

    private final PrintStream out;
    private final PrintStream err;
    private final BufferedReader in;
    private final boolean interactive;
    private final boolean colour;

    Terminal(PrintStream out, PrintStream err, BufferedReader in, boolean interactive, boolean colour) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.interactive = interactive;
        this.colour = colour;
    }

    /** The process's own terminal. */
    static Terminal system() {
        boolean interactive = System.console() != null;
        String term = System.getenv("TERM");
        boolean colour = interactive && System.getenv("NO_COLOR") == null && !"dumb".equals(term);
        return new Terminal(System.out, System.err,
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), interactive, colour);
    }

    /** The same terminal with notes and progress on stdout too, for output that is one story from top to bottom. */
    Terminal storyteller() {
        return new Terminal(out, out, in, interactive, colour);
    }

    /** The same terminal with results on stderr too, for a story told beside a JSON answer on stdout. */
    Terminal onStderr() {
        return new Terminal(err, err, in, interactive, colour);
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    boolean isInteractive() {
        return interactive;
    }

    /** One line the person typed or pasted, or {@code null} at the end of input. */
    String readLine() throws IOException {
        return in.readLine();
    }

    void line(String text) {
        out.println(text);
    }

    /** A progress or notice line, to stderr so stdout stays clean for results. */
    void note(String text) {
        err.println(text);
    }

    String bold(String s) {
        return paint("1", s);
    }

    String green(String s) {
        return paint("32", s);
    }

    String red(String s) {
        return paint("31", s);
    }

    String yellow(String s) {
        return paint("33", s);
    }

    String dim(String s) {
        return paint("2", s);
    }

    private String paint(String code, String s) {
        return colour ? "\u001b[" + code + "m" + s + RESET : s;
    }

    /** Prints an aligned table: a bold header row, then the rows, columns padded to their widest cell. */
    void table(List<String> headers, List<List<String>> rows) {
        int[] widths = new int[headers.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(headers);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int i = 0; i < widths.length && i < row.size(); i++) {
                widths[i] = Math.max(widths[i], visibleLength(row.get(i)));
            }
        }
        out.println(bold(format(headers, widths)));
        for (List<String> row : rows) {
            out.println(format(row, widths));
        }
    }

    private static String format(List<String> row, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            String cell = i < row.size() ? row.get(i) : "";
            line.append(cell);
            if (i < widths.length - 1) {
                line.append(" ".repeat(widths[i] - visibleLength(cell) + 2));
            }
        }
        return line.toString().stripTrailing();
    }

    /** Length without colour escapes. */
    private static int visibleLength(String s) {
        return s.replaceAll("\u001b\\[[0-9;]*m", "").length();
    }

    /** A progress display for something that takes a while; see {@link Progress}. */
    Progress progress(String label) {
        return new Progress(this, label);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
