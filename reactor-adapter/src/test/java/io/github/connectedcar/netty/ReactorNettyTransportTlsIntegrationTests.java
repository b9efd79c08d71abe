package io.github.connectedcar.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.http.HttpMethod;
import io.github.connectedcar.http.HttpRequest;
import io.github.connectedcar.http.TransportException;
import io.github.connectedcar.http.TransportOptions;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.net.URI;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** TLS trust of {@link ReactorNettyTransport}: a fresh HTTPS MockWebServer with a self-signed certificate per test. */
@Tag("integration")
class ReactorNettyTransportTlsIntegrationTests {

    private static final Duration VERIFY = Duration.ofSeconds(5);

    private MockWebServer server;
    private ReactorNettyTransport transport;

    @BeforeEach
    void startServer() throws IOException {
        server = new MockWebServer();
        server.useHttps(TestCertificates.serverSslContext().getSocketFactory());
        server.start();
    }

    @AfterEach
    void stopServer() {
        if (transport != null) {
            transport.close();
        }
        server.close();
    }

    @Test
    void trustsAServerSignedByTheGivenTrustStore() {
        transport = ReactorNettyTransport.builder()
            .options(TransportOptions.defaults().withTrustStore(TestCertificates.trustStore()))
            .build();
        server.enqueue(new MockResponse.Builder().code(200).body("secure").build());

        StepVerifier.create(transport.send(request("localhost")))
            .assertNext(response -> assertThat(response.bodyAsString()).isEqualTo("secure"))
            .expectComplete()
            .verify(VERIFY);
    }

    @Test
    void usesTheGivenSslContext() throws IOException {
        transport = ReactorNettyTransport.builder()
            .sslContext(SslContextBuilder.forClient().trustManager(TestCertificates.certificate()).build())
            .build();
        server.enqueue(new MockResponse.Builder().code(200).body("pinned").build());

        StepVerifier.create(transport.send(request("localhost")))
            .assertNext(response -> assertThat(response.bodyAsString()).isEqualTo("pinned"))
            .expectComplete()
            .verify(VERIFY);
    }

    @Test
    void refusesAServerTheJdkTrustStoreDoesNotKnowWithoutSending() {
        transport = ReactorNettyTransport.builder().build();
        server.enqueue(new MockResponse.Builder().code(200).build());

        StepVerifier.create(transport.send(request("localhost")))
            .expectErrorSatisfies(error -> {
                assertNotSentBecauseOfTls(error);
                assertThat(error).hasRootCauseInstanceOf(CertPathBuilderException.class);
            })
            .verify(VERIFY);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void theJdkTrustStoreIsReadAtTheFirstHttpsCallOnly() {
        transport = ReactorNettyTransport.builder().build();
        assertThat(transport.tlsReady()).isFalse();

        StepVerifier.create(transport.send(request("localhost")))
            .expectErrorSatisfies(ReactorNettyTransportTlsIntegrationTests::assertNotSentBecauseOfTls)
            .verify(VERIFY);
        assertThat(transport.tlsReady()).isTrue();
    }

    @Test
    void aGivenTrustStoreIsReadAtBuild() {
        transport = ReactorNettyTransport.builder()
            .options(TransportOptions.defaults().withTrustStore(TestCertificates.trustStore()))
            .build();

        assertThat(transport.tlsReady()).isTrue();
    }

    @Test
    void verifiesTheHostNameAgainstTheCertificate() {
        transport = ReactorNettyTransport.builder()
            .options(TransportOptions.defaults().withTrustStore(TestCertificates.trustStore()))
            .build();
        server.enqueue(new MockResponse.Builder().code(200).build());
        // A trusted certificate, but issued for "localhost" only, reached by IP address.
        String ip = server.getSocketAddress().getAddress().getHostAddress();

        StepVerifier.create(transport.send(request(ip.contains(":") ? "[" + ip + "]" : ip)))
            .expectErrorSatisfies(error -> {
                assertNotSentBecauseOfTls(error);
                assertThat(error).rootCause()
                    .isInstanceOf(CertificateException.class)
                    .hasMessageContaining("subject alternative names");
            })
            .verify(VERIFY);
        assertThat(server.getRequestCount()).isZero();
    }

    private HttpRequest request(String host) {
        return HttpRequest.of(HttpMethod.GET, URI.create("https://" + host + ":" + server.getPort() + "/status"),
            "status");
    }

    private static void assertNotSentBecauseOfTls(Throwable error) {
        assertThat(error).isInstanceOf(TransportException.class);
        assertThat(((TransportException) error).requestMayHaveBeenSent()).isFalse();
        assertThat(error.getMessage()).contains("TLS handshake");
        boolean handshakeFailed = false;
        for (Throwable t = error; t != null; t = t.getCause()) {
            handshakeFailed |= t instanceof SSLHandshakeException;
        }
        assertThat(handshakeFailed).as("an SSLHandshakeException among the causes").isTrue();
    }
}
