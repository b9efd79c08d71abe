package io.github.connectedcar.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.http.AuthScheme;
import io.github.connectedcar.http.HttpHeaders;
import io.github.connectedcar.http.HttpMethod;
import io.github.connectedcar.http.HttpRequest;
import io.github.connectedcar.http.HttpResponse;
import io.github.connectedcar.http.TransportException;
import io.github.connectedcar.http.TransportOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** {@link ReactorNettyTransport#send} against a real socket: one fresh MockWebServer per test. */
@Tag("integration")
@ExtendWith(MockWebServerExtension.class)
class ReactorNettyTransportIntegrationTests {

    private static final Duration VERIFY = Duration.ofSeconds(5);
    private static final String SECRET_QUERY = "code=s3cr3t-auth-code";

    private MockWebServer server;
    private ReactorNettyTransport transport;

    @BeforeEach
    void setUp(MockWebServer server) {
        this.server = server;
        transport = ReactorNettyTransport.builder().build();
    }

    @AfterEach
    void tearDown() {
        transport.close();
    }

    @Test
    void anHttpCallSetsUpNoTls() {
        server.enqueue(new MockResponse.Builder().code(200).body("plain").build());

        StepVerifier.create(transport.send(HttpRequest.of(HttpMethod.GET, uri("/status"), "status")))
            .assertNext(response -> assertThat(response.bodyAsString()).isEqualTo("plain"))
            .expectComplete()
            .verify(VERIFY);
        assertThat(transport.tlsReady()).isFalse();
    }

    @Test
    void reachesTheServerByIpAddressAndByHostName() {
        String ip = server.getSocketAddress().getAddress().getHostAddress();
        for (String host : List.of(ip.contains(":") ? "[" + ip + "]" : ip, "localhost")) {
            server.enqueue(new MockResponse.Builder().code(200).body(host).build());
            URI byHost = URI.create("http://" + host + ":" + server.getPort() + "/status");

            StepVerifier.create(transport.send(HttpRequest.of(HttpMethod.GET, byHost, "status")))
                .assertNext(response -> assertThat(response.bodyAsString()).isEqualTo(host))
                .expectComplete()
                .verify(VERIFY);
        }
    }

    @Test
    void sendsMethodPathQueryHeaderSpellingAndBodyExactly() throws InterruptedException {
        server.enqueue(new MockResponse.Builder().code(202).build());
        byte[] body = "{\"command\":\"lock\",\"ü\":1}".getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Application-Id", "1E8C7794-FF5F-49BC-9596-A1E0C86C5B19");
        headers.put("countryCode", "USA");
        headers.put("auth-token", "cat-token");
        headers.put("User-Agent", "okhttp/4.12.0");
        headers.put("Content-Type", "application/json");
        HttpRequest request = new HttpRequest(HttpMethod.POST,
            uri("/api/vehicles/VIN123/commands?unit=metric&name=two%20words"), HttpHeaders.of(headers), body,
            "lock", AuthScheme.CAT, false);

        StepVerifier.create(transport.send(request))
            .assertNext(response -> assertThat(response.status()).isEqualTo(202))
            .expectComplete()
            .verify(VERIFY);

        RecordedRequest recorded = takeRequest();
        assertThat(recorded.getMethod()).isEqualTo("POST");
        assertThat(recorded.getTarget()).isEqualTo("/api/vehicles/VIN123/commands?unit=metric&name=two%20words");
        assertThat(headerNamesAsSent(recorded)).contains("Application-Id", "countryCode", "auth-token", "User-Agent",
            "Content-Type");
        headers.forEach((name, value) -> assertThat(recorded.getHeaders().get(name)).as(name).isEqualTo(value));
        assertThat(recorded.getHeaders().get("Content-Length")).isEqualTo(String.valueOf(body.length));
        assertThat(recorded.getBody()).isNotNull();
        assertThat(recorded.getBody().toByteArray()).isEqualTo(body);
    }

    @Test
    void sendsNoBodyWhenTheRequestHasNone() throws InterruptedException {
        server.enqueue(new MockResponse.Builder().code(200).build());
        server.enqueue(new MockResponse.Builder().code(204).build());

        StepVerifier.create(transport.send(HttpRequest.of(HttpMethod.GET, uri("/status"), "status")))
            .assertNext(response -> assertThat(response.body()).isEmpty())
            .expectComplete()
            .verify(VERIFY);
        StepVerifier.create(transport.send(HttpRequest.of(HttpMethod.DELETE, uri("/session"), "logout")))
            .assertNext(response -> assertThat(response.status()).isEqualTo(204))
            .expectComplete()
            .verify(VERIFY);

        RecordedRequest get = takeRequest();
        assertThat(get.getMethod()).isEqualTo("GET");
        assertThat(get.getBodySize()).isZero();
        RecordedRequest delete = takeRequest();
        assertThat(delete.getMethod()).isEqualTo("DELETE");
        assertThat(delete.getBodySize()).isZero();
    }

    @Test
    void mapsMultiStatusWithItsHeadersAndBody() {
        server.enqueue(new MockResponse.Builder()
            .code(207)
            .addHeader("X-Request-Id", "req-42")
            .addHeader("Set-Cookie", "first=1")
            .addHeader("Set-Cookie", "second=2")
            .addHeader("Content-Type", "application/json")
            .body("{\"statuses\":[200,404]}")
            .build());

        StepVerifier.create(transport.send(HttpRequest.of(HttpMethod.GET, uri("/multi"), "capabilities")))
            .assertNext(response -> {
                assertThat(response.status()).isEqualTo(207);
                assertThat(response.isSuccess()).isTrue();
                assertThat(response.headers().get("x-request-id")).isEqualTo("req-42");
                assertThat(response.headers().names()).contains("X-Request-Id");
                assertThat(response.headers().get("Set-Cookie")).isEqualTo("first=1");
                assertThat(response.headers().get("Content-Type")).isEqualTo("application/json");
                assertThat(response.bodyAsString()).isEqualTo("{\"statuses\":[200,404]}");
            })
            .expectComplete()
            .verify(VERIFY);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 404, 429, 500, 503})
    void returnsErrorStatusesAsResponsesWithTheirBodies(int status) {
        server.enqueue(new MockResponse.Builder()
            .code(status)
            .addHeader("Retry-After", "62")
            .body("{\"error\":\"status " + status + "\"}")
            .build());

        StepVerifier.create(transport.send(HttpRequest.of(HttpMethod.GET, uri("/fails"), "status")))
            .assertNext(response -> {
                assertThat(response.status()).isEqualTo(status);
                assertThat(response.isSuccess()).isFalse();
                assertThat(response.headers().get("Retry-After")).isEqualTo("62");
                assertThat(response.bodyAsString()).isEqualTo("{\"error\":\"status " + status + "\"}");
            })
            .expectComplete()
            .verify(VERIFY);
    }

    @Test
    void asksForGzipAndInflatesAGzipBody() throws Exception {
        String json = "{\"metrics\":{\"odometer\":{\"value\":12345.6}}}".repeat(20);
        server.enqueue(new MockResponse.Builder()
            .code(200)
            .addHeader("Content-Encoding", "gzip")
            .body(new Buffer().write(gzip(json)))
            .build());

        StepVerifier.create(transport.send(HttpRequest.of(HttpMethod.GET, uri("/telemetry"), "telemetry")))
            .assertNext(response -> {
                assertThat(response.bodyAsString()).isEqualTo(json);
                // The body handed on is plain, so the header no longer claims otherwise.
                assertThat(response.headers().get("Content-Encoding")).isNull();
            })
            .expectComplete()
            .verify(VERIFY);

        assertThat(takeRequest().getHeaders().get("Accept-Encoding")).contains("gzip");
    }

    @Test
    void readsABodyOfUnknownLengthInManyPiecesWhole() {
        // No Content-Length and far more than the first buffer: the body grows piece by piece.
        String json = "{\"metrics\":{\"odometer\":{\"value\":12345.6}}}".repeat(1000);
        server.enqueue(new MockResponse.Builder().code(200).chunkedBody(json, 1000).build());

        StepVerifier.create(transport.send(HttpRequest.of(HttpMethod.GET, uri("/telemetry"), "telemetry")))
            .assertNext(response -> {
                assertThat(response.headers().get("Content-Length")).isNull();
                assertThat(response.bodyAsString()).isEqualTo(json);
            })
            .expectComplete()
            .verify(VERIFY);
    }

    @Test
    void readsABodyOfDeclaredLengthWhole() {
        String json = "{\"vin\":\"1FTFW1E50PFA00001\"}".repeat(500);
        server.enqueue(new MockResponse.Builder().code(200).body(json).build());

        StepVerifier.create(transport.send(HttpRequest.of(HttpMethod.GET, uri("/telemetry"), "telemetry")))
            .assertNext(response -> {
                assertThat(response.headers().get("Content-Length")).isEqualTo(Integer.toString(json.length()));
                assertThat(response.bodyAsString()).isEqualTo(json);
            })
            .expectComplete()
            .verify(VERIFY);
    }

    @Test
    void returnsARedirectAsIsWithoutFollowingIt() {
        server.enqueue(new MockResponse.Builder()
            .code(302)
            .addHeader("Location", "fordapp://userauthorized/?code=abc")
            .build());
        server.enqueue(new MockResponse.Builder().code(200).body("followed").build());

        StepVerifier.create(transport.send(HttpRequest.of(HttpMethod.GET, uri("/authorize"), "authorize")))
            .assertNext(response -> {
                assertThat(response.status()).isEqualTo(302);
                assertThat(response.headers().get("Location")).isEqualTo("fordapp://userauthorized/?code=abc");
            })
            .expectComplete()
            .verify(VERIFY);

        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void reusesOnePooledConnectionOnceEachBodyIsRead() throws InterruptedException {
        transport.close();
        transport = ReactorNettyTransport.builder()
            .options(TransportOptions.defaults().withMaxConnections(1))
            .build();
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().code(200).body("response " + i).build());
        }

        for (int i = 0; i < 3; i++) {
            String expected = "response " + i;
            StepVerifier.create(transport.send(HttpRequest.of(HttpMethod.GET, uri("/n/" + i), "status")))
                .assertNext(response -> assertThat(response.bodyAsString()).isEqualTo(expected))
                .expectComplete()
                .verify(VERIFY);
        }

        List<Integer> connectionIndexes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            connectionIndexes.add(takeRequest().getConnectionIndex());
        }
        assertThat(connectionIndexes).containsOnly(0);
    }

    @Test
    void reportsARefusedConnectionAsNotSent() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        HttpRequest request = HttpRequest.of(HttpMethod.POST,
            URI.create("http://127.0.0.1:" + closedPort + "/commands?" + SECRET_QUERY), "remoteStart");

        StepVerifier.create(transport.send(request))
            .expectErrorSatisfies(error -> {
                assertThat(error).isInstanceOf(TransportException.class);
                assertThat(((TransportException) error).requestMayHaveBeenSent()).isFalse();
                assertThat(error.getMessage())
                    .contains("remoteStart", "127.0.0.1:" + closedPort, "refused")
                    .doesNotContain("s3cr3t", "/commands");
            })
            .verify(VERIFY);
    }

    @Test
    void reportsADisconnectAfterTheRequestAsMaybeSentAndDoesNotResend() {
        server.enqueue(new MockResponse.Builder()
            .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
            .build());
        server.enqueue(new MockResponse.Builder().code(200).body("second delivery").build());
        HttpRequest command = new HttpRequest(HttpMethod.POST, uri("/commands?" + SECRET_QUERY),
            HttpHeaders.empty().with("auth-token", "cat-secret"), "{}".getBytes(StandardCharsets.UTF_8),
            "lock", AuthScheme.CAT, false);

        StepVerifier.create(transport.send(command))
            .expectErrorSatisfies(error -> {
                assertThat(error).isInstanceOf(TransportException.class);
                assertThat(((TransportException) error).requestMayHaveBeenSent()).isTrue();
                assertThat(error.getMessage())
                    .contains("lock", "localhost:" + server.getPort())
                    .doesNotContain("s3cr3t", "cat-secret", "/commands");
            })
            .verify(VERIFY);

        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void reportsAConnectionDroppedMidResponseAsMaybeSent() {
        server.enqueue(new MockResponse.Builder()
            .code(200)
            .body("x".repeat(64 * 1024))
            .onResponseBody(new SocketEffect.CloseSocket())
            .build());

        StepVerifier.create(transport.send(HttpRequest.of(HttpMethod.GET, uri("/telemetry"), "telemetry")))
            .expectErrorSatisfies(error -> {
                assertThat(error).isInstanceOf(TransportException.class);
                assertThat(((TransportException) error).requestMayHaveBeenSent()).isTrue();
                assertThat(error.getMessage()).contains("telemetry", "localhost:" + server.getPort());
            })
            .verify(VERIFY);
    }

    @Test
    void reportsAResponseTimeoutAsMaybeSent() {
        transport.close();
        transport = ReactorNettyTransport.builder()
            .options(TransportOptions.defaults().withResponseTimeout(Duration.ofMillis(300)))
            .build();
        server.enqueue(new MockResponse.Builder()
            .code(200)
            .headersDelay(1, TimeUnit.SECONDS)
            .build());

        StepVerifier.create(transport.send(HttpRequest.of(HttpMethod.POST, uri("/commands"), "unlock")))
            .expectErrorSatisfies(error -> {
                assertThat(error).isInstanceOf(TransportException.class);
                assertThat(((TransportException) error).requestMayHaveBeenSent()).isTrue();
                assertThat(error.getMessage()).contains("unlock", "no response", "300 ms");
            })
            .verify(VERIFY);
    }

    @Test
    void failsWithoutSendingOnceClosed() {
        transport.close();
        transport.close();

        StepVerifier.create(transport.send(HttpRequest.of(HttpMethod.POST, uri("/commands"), "lock")))
            .expectErrorSatisfies(error -> {
                assertThat(error).isInstanceOf(TransportException.class);
                assertThat(((TransportException) error).requestMayHaveBeenSent()).isFalse();
                assertThat(error.getMessage()).contains("closed");
            })
            .verify(VERIFY);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void closesWithoutBlockingEvenOnANonBlockingThread() {
        server.enqueue(new MockResponse.Builder().code(200).build());
        StepVerifier.create(transport.send(HttpRequest.of(HttpMethod.GET, uri("/status"), "status")))
            .expectNextCount(1)
            .expectComplete()
            .verify(VERIFY);

        // BlockHound fails this if close() waits for the pooled connection to shut.
        StepVerifier.create(Mono.fromRunnable(transport::close).subscribeOn(Schedulers.parallel()))
            .expectComplete()
            .verify(VERIFY);
    }

    @Test
    void rejectsAHeaderThatCannotBeSentWithoutSending() {
        HttpRequest request = HttpRequest.of(HttpMethod.GET, uri("/status"), "status")
            .withHeader("X-Injected", "s3cr3t\r\nEvil: 1");

        StepVerifier.create(transport.send(request))
            .expectErrorSatisfies(error -> {
                assertThat(error)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("status")
                    .hasMessageContaining("X-Injected");
                for (Throwable t = error; t != null; t = t.getCause()) {
                    assertThat(t.getMessage()).doesNotContain("s3cr3t");
                }
            })
            .verify(VERIFY);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void sendsNothingUntilSubscribedAndAgainOnEachSubscription() throws InterruptedException {
        server.enqueue(new MockResponse.Builder().code(200).build());
        server.enqueue(new MockResponse.Builder().code(200).build());
        var send = transport.send(HttpRequest.of(HttpMethod.GET, uri("/status"), "status"));

        assertThat(server.takeRequest(200, TimeUnit.MILLISECONDS)).isNull();
        StepVerifier.create(send.then(send).map(HttpResponse::status)).expectNext(200).expectComplete().verify(VERIFY);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://localhost:" + server.getPort() + pathAndQuery);
    }

    private RecordedRequest takeRequest() throws InterruptedException {
        RecordedRequest recorded = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(recorded).as("a request reached the server").isNotNull();
        return recorded;
    }

    private static List<String> headerNamesAsSent(RecordedRequest recorded) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < recorded.getHeaders().size(); i++) {
            names.add(recorded.getHeaders().name(i));
        }
        return names;
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(bytes)) {
            zip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
