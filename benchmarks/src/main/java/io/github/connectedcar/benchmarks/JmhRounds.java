package io.github.connectedcar.benchmarks;

import io.github.connectedcar.internal.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Compares two builds of these benchmarks side by side on a shared machine: runs the JMH jar of each in turn, round
 * after round (the order swapped every round, so that drift favours neither), and prints per benchmark the median and
 * the spread of the per-round ratios B / A of the average time.
 *
 * <pre>java -cp benchmarks/target/connectedcar-benchmarks.jar io.github.connectedcar.benchmarks.JmhRounds \
 *     A.jar B.jar ROUNDS REGEX [more JMH options, default: -wi 3 -i 5 -w 1 -r 1 -f 1]</pre>
 */
public final class JmhRounds {
    private JmhRounds() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 4) {
            System.err.println("Usage: JmhRounds A.jar B.jar ROUNDS REGEX [JMH options]");
            System.exit(2);
        }
        String a = args[0];
        String b = args[1];
        int rounds = Integer.parseInt(args[2]);
        List<String> options = args.length > 4 ? List.of(Arrays.copyOfRange(args, 4, args.length))
            : List.of("-wi", "3", "-i", "5", "-w", "1", "-r", "1", "-f", "1");
        Map<String, List<double[]>> scores = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            boolean aFirst = round % 2 == 0;
            Map<String, Double> first = run(aFirst ? a : b, args[3], options);
            Map<String, Double> second = run(aFirst ? b : a, args[3], options);
            Map<String, Double> ofA = aFirst ? first : second;
            Map<String, Double> ofB = aFirst ? second : first;
            for (Map.Entry<String, Double> entry : ofA.entrySet()) {
                Double other = ofB.get(entry.getKey());
                if (other != null) {
                    scores.computeIfAbsent(entry.getKey(), n -> new ArrayList<>())
                        .add(new double[] {entry.getValue(), other});
                    System.out.printf(Locale.ROOT, "round %d %s: A %.3f, B %.3f, B/A %.2f%n", round + 1,
                        entry.getKey(), entry.getValue(), other, other / entry.getValue());
                }
            }
        }
        System.out.println();
        System.out.println("| benchmark | A (median) | B (median) | B / A, median of rounds (min–max) |");
        System.out.println("| --- | --- | --- | --- |");
        scores.forEach((name, pairs) -> {
            double[] ofA = pairs.stream().mapToDouble(p -> p[0]).toArray();
            double[] ofB = pairs.stream().mapToDouble(p -> p[1]).toArray();
            double[] ratios = pairs.stream().mapToDouble(p -> p[1] / p[0]).toArray();
            System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.2f (%.2f–%.2f) |%n", name, median(ofA), median(ofB),
                median(ratios), Arrays.stream(ratios).min().orElse(Double.NaN),
                Arrays.stream(ratios).max().orElse(Double.NaN));
        });
    }

    /** The average time of every benchmark the regex selects, by benchmark name (and parameters). */
    private static Map<String, Double> run(String jar, String regex, List<String> options)
        throws IOException, InterruptedException {
        Path result = Files.createTempFile("jmh-rounds", ".json");
        try {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar, regex, "-bm", "avgt", "-rf", "json", "-rff", result.toString()));
            command.addAll(options);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException("JMH in " + jar + " failed with exit code " + process.exitValue());
            }
            Map<String, Double> scores = new LinkedHashMap<>();
            for (JsonNode benchmark : Json.MAPPER.readTree(result.toFile())) {
                String name = benchmark.path("benchmark").asString().replaceAll(".*\\.", "");
                JsonNode params = benchmark.path("params");
                if (params.isObject()) {
                    name += params.toString();
                }
                scores.put(name, benchmark.path("primaryMetric").path("score").asDouble());
            }
            return scores;
        } finally {
            Files.deleteIfExists(result);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
