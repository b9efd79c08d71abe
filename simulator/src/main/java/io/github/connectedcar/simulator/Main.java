package io.github.connectedcar.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.connectedcar.simulator.vehicle.VehicleSpec;

/**
 * Runs the simulator standalone: {@code java -jar connectedcar-simulator.jar [--port N] [--host H] [--speed X]
 * [--start 2026-05-02T08:00:00Z] [--quota N]}. Logs the base URL and the accounts, then serves until stopped
 * (Ctrl-C).
 */
public final class Main {

    private Main() {
    }

    /** Parsed command line. */
    record Options(String host, int port, double speed, Instant start, Integer quota, boolean help) {
    }

    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(usage());
            return;
        }
        configureConsoleLogging();
        Logger log = LoggerFactory.getLogger(Main.class);
        FordCloudSimulator sim = build(options).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }, "simulator-shutdown"));
        log.info("Ford cloud simulator running at {} (speed {}x, simulated time {})", sim.baseUrl(),
            sim.clock().speed(), sim.clock().now());
        log.info("Point an SDK's single-base switch at {}; admin API at {}/_simulator", sim.baseUrl(), sim.baseUrl());
        for (SimulatedAccount account : sim.accounts()) {
            log.info("Account {} / {} ({}), vehicles {}", account.username(), account.password(),
                account.applicationId(), account.vehicles().stream()
                    .map(v -> v.vin() + " " + v.model() + " " + v.engineType()).toList());
        }
        log.info("Sign in by opening {}", sim.authorizeUrl("<S256 challenge>"));
        stopped.await();
    }

    static FordCloudSimulator build(Options options) {
        FordCloudSimulator.Builder builder = FordCloudSimulator.builder()
            .host(options.host()).port(options.port()).speed(options.speed());
        if (options.start() != null) {
            builder.startTime(options.start());
        }
        if (options.quota() != null) {
            builder.quota(QuotaPolicy.perWindow(options.quota(), Duration.ofDays(1)));
        }
        return builder.build();
    }

    /**
     * @throws IllegalArgumentException for an unknown option or a malformed value
     */
    static Options parse(String[] args) {
        String host = FordCloudSimulator.Builder.DEFAULT_HOST;
        int port = 0;
        double speed = 1.0;
        Instant start = null;
        Integer quota = null;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> help = true;
                case "--port" -> port = parseInt(value(args, ++i, arg), arg);
                case "--host" -> host = value(args, ++i, arg);
                case "--speed" -> speed = parseDouble(value(args, ++i, arg), arg);
                case "--start" -> {
                    String v = value(args, ++i, arg);
                    try {
                        start = Instant.parse(v);
                    } catch (java.time.format.DateTimeParseException e) {
                        throw new IllegalArgumentException("--start needs an ISO-8601 instant, got '" + v + "'");
                    }
                }
                case "--quota" -> quota = parseInt(value(args, ++i, arg), arg);
                default -> throw new IllegalArgumentException("Unknown option '" + arg + "'");
            }
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be within [0, 65535]");
        }
        if (speed < 0) {
            throw new IllegalArgumentException("--speed must be >= 0");
        }
        return new Options(host, port, speed, start, quota, help);
    }

    static String usage() {
        return "Usage: java -jar connectedcar-simulator.jar [--port N] [--host 127.0.0.1] [--speed 1] "
            + "[--start 2026-05-02T08:00:00Z] [--quota 1000]\n"
            + "Default account " + SimulatedAccount.DEFAULT_USERNAME + " / " + SimulatedAccount.DEFAULT_PASSWORD
            + " with " + VehicleSpec.DEFAULT_F150_VIN + " (F-150) and " + VehicleSpec.DEFAULT_MACH_E_VIN
            + " (Mustang Mach-E).";
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int parseInt(String value, String option) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, got '" + value + "'");
        }
    }

    private static double parseDouble(String value, String option) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, got '" + value + "'");
        }
    }

    /** Sets slf4j-simple (bundled in the runnable jar) to a readable console format unless configured already. */
    private static void configureConsoleLogging() {
        setDefault("org.slf4j.simpleLogger.defaultLogLevel", "info");
        setDefault("org.slf4j.simpleLogger.showDateTime", "true");
        setDefault("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        setDefault("org.slf4j.simpleLogger.showShortLogName", "true");
        setDefault("org.slf4j.simpleLogger.log.io.netty", "warn");
        setDefault("org.slf4j.simpleLogger.log.reactor", "warn");
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
