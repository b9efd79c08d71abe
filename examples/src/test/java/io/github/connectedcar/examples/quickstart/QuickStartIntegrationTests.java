package io.github.connectedcar.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The README's quick start is this program, and it runs to its end against the embedded simulator. */
@Tag("integration")
class QuickStartIntegrationTests {
    private static final Path SOURCE = Path.of("src/main/java/io/github/connectedcar/examples/quickstart/QuickStart.java");
    private static final Path README = Path.of("../README.md");

    @Test
    void runsToTheEndPrintingValues() {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            QuickStart.main(new String[0]);
        } finally {
            System.setOut(original);
        }

        String out = printed.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("1FTFW1E50PFA00001  F-150  ICE", "3FMTK3SU5PMA00002")
            .containsPattern("odometer \\d+(\\.\\d+)? km, fuel \\d+(\\.\\d+)? %, locked (true|false)")
            .contains("REQUESTED", "SUCCEEDED")
            .containsPattern("remote start done in \\d+ s")
            .containsPattern("engine running, \\d+ min left")
            .doesNotContain("Optional", "unknown");
    }

    @Test
    void theReadmeShowsTheProgramWordForWord() throws IOException {
        String readme = Files.readString(README);
        Matcher block = Pattern.compile("## Quick start\\n.*?```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find()).as("README has a java block under ## Quick start").isTrue();

        assertThat(block.group(1)).isEqualTo(marked(Files.readAllLines(SOURCE)));
    }

    /** The lines between the "quick start" marks, without the indentation they share. */
    private static String marked(List<String> lines) {
        int begin = lines.indexOf("    // quick start: begin");
        int end = lines.indexOf("    // quick start: end");
        assertThat(begin).as("begin mark").isNotNegative();
        assertThat(end).as("end mark").isGreaterThan(begin);
        StringBuilder text = new StringBuilder();
        for (String line : lines.subList(begin + 1, end)) {
            text.append(line.startsWith("    ") ? line.substring(4) : line.strip()).append('\n');
        }
        return text.toString();
    }
}
