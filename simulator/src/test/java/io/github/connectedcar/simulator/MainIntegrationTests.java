package io.github.connectedcar.simulator;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import reactor.netty.http.client.HttpClient;
import reactor.util.retry.Retry;

import static org.assertj.core.api.Assertions.assertThat;

/** The standalone entry point as a real separate process on a chosen port. */
@Tag("integration")
class MainIntegrationTests {

    @Test
    void startsAsAProcessOnTheGivenPort() throws IOException, InterruptedException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
            Main.class.getName(), "--port", Integer.toString(port), "--speed", "60"))
            .redirectErrorStream(true).redirectOutput(new File(System.getProperty("java.io.tmpdir"),
                "connectedcar-simulator-main-test.log")).start();
        try {
            String overview = HttpClient.create().get().uri("http://127.0.0.1:" + port + "/_simulator")
                .responseSingle((res, body) -> body.asString())
                .retryWhen(Retry.fixedDelay(150, Duration.ofMillis(100)))
                .block(Duration.ofSeconds(30));

            assertThat(overview).contains("\"baseUrl\":\"http://127.0.0.1:" + port + "\"")
                .contains("\"speed\":60.0").contains(SimulatedAccount.DEFAULT_USERNAME);
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
