package io.github.connectedcar.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A private {@code redis-server} for a test class: started before its first test on a free loopback port, with no
 * persistence but a temporary folder, emptied before each test, stopped after the last. Register it as a static
 * field: {@code @RegisterExtension static final RedisServerExtension REDIS = new RedisServerExtension();}.
 * {@link #stop()}, {@link #start()}, {@link #freeze()} and {@link #thaw()} play an outage or a hung server mid-test.
 *
 * <p>Needs Debian's {@code redis-server} on the {@code PATH} ({@code ./test.sh} installs it); no mocks, no containers.
 */
public final class RedisServerExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

    private Path folder;
    private int port;
    private Process server;
    private boolean frozen;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        folder = Files.createTempDirectory("redis-server-");
        port = freePort();
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        // A test that stopped or froze the server may have failed before setting it right.
        if (frozen) {
            thaw();
        }
        start();
        command("FLUSHALL");
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop();
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** {@code redis://127.0.0.1:PORT}. */
    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Starts the server (again, on the same port) and waits until it answers {@code PING}. */
    public void start() {
        if (server != null && server.isAlive()) {
            return;
        }
        List<String> command = List.of("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
            "--save", "", "--appendonly", "no", "--dir", folder.toString());
        try {
            server = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("redis.log").toFile())).start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start redis-server: is it installed? Run ./test.sh, or "
                + "apt-get install redis-server", e);
        }
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!answersPing()) {
            if (!server.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("redis-server did not answer PING on port " + port + ": " + log());
            }
            sleep(Duration.ofMillis(20));
        }
    }

    /**
     * Stops the server as an administrator would for maintenance ({@code SHUTDOWN SAVE}: the data is written to the
     * temporary folder and read back by {@link #start()}), and waits until it has ended.
     */
    public void stop() {
        if (server == null) {
            return;
        }
        if (frozen) {
            thaw(); // a stopped process acts on nothing
        }
        try {
            command("SHUTDOWN SAVE"); // the server closes the connection without a reply
        } catch (UncheckedIOException ignored) {
            // it is ending or gone: waited for below
        }
        try {
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server = null;
    }

    /** Suspends the server (SIGSTOP): connections stay open but nothing is answered, as with a hung server. */
    public void freeze() {
        signal("-STOP");
        frozen = true;
    }

    /** Resumes a frozen server (SIGCONT). */
    public void thaw() {
        signal("-CONT");
        frozen = false;
    }

    /** Sends one command (no arguments with spaces) and gives Redis's reply line, such as {@code +OK}. */
    public String command(String line) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            return readLine(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("Redis on port " + port + " did not answer " + line, e);
        }
    }

    private boolean answersPing() {
        try {
            return command("PING").equals("+PONG");
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(server.pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill " + signal + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String log() {
        try {
            return Files.readString(folder.resolve("redis.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
