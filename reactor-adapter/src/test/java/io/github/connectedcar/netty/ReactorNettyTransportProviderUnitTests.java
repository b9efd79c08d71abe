package io.github.connectedcar.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.connectedcar.http.HttpTransport;
import io.github.connectedcar.http.HttpTransportProvider;
import io.github.connectedcar.http.TransportOptions;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Discovery through {@link java.util.ServiceLoader} and the builder's preconditions. */
@Tag("unit")
class ReactorNettyTransportProviderUnitTests {

    @Test
    void serviceLoaderFindsTheReactorNettyProvider() {
        assertThat(HttpTransportProvider.load()).isInstanceOf(ReactorNettyTransportProvider.class);
    }

    @Test
    void providerMakesATransportWithTheGivenOptions() {
        TransportOptions options = TransportOptions.defaults()
            .withConnectTimeout(Duration.ofSeconds(3))
            .withMaxConnections(4);

        try (HttpTransport transport = HttpTransportProvider.load().create(options)) {
            assertThat(transport).isInstanceOf(ReactorNettyTransport.class);
            assertThat(((ReactorNettyTransport) transport).options()).isEqualTo(options);
        }
    }

    @Test
    void builderRefusesATrustStoreAndAnSslContextTogether() throws Exception {
        var builder = ReactorNettyTransport.builder()
            .options(TransportOptions.defaults().withTrustStore(TestCertificates.trustStore()))
            .sslContext(io.netty.handler.ssl.SslContextBuilder.forClient().build());

        assertThatThrownBy(builder::build)
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("not both");
    }

    @Test
    void builderRefusesAServerSslContext() {
        assertThatThrownBy(() -> ReactorNettyTransport.builder().sslContext(TestCertificates.nettyServerSslContext()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("client");
    }
}
