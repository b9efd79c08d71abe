package io.github.connectedcar.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.http.TransportException;
import io.github.connectedcar.http.WebSocketRefusedException;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import io.netty.handler.timeout.ReadTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import reactor.core.Exceptions;
import reactor.netty.channel.AbortedException;
import reactor.netty.http.client.PrematureCloseException;

/** How {@link TransportErrors} decides "not sent" versus "may have been sent", and what its messages reveal. */
@Tag("unit")
class TransportErrorsUnitTests {

    private static final URI SECRET_URI =
        URI.create("https://api.example.com/v1/vehicles/VIN-SECRET/commands?code=s3cr3t&token=t0k3n");
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);

    @Test
    void aConnectTimeoutIsNotSent() {
        TransportException error = map(new ConnectTimeoutException("connection timed out: api.example.com"));

        assertThat(error.requestMayHaveBeenSent()).isFalse();
        assertThat(error.getMessage()).contains("timed out connecting to api.example.com:443");
    }

    @Test
    void aRefusedOrUnroutableConnectionIsNotSent() {
        TransportException refused = map(new ConnectException("finishConnect(..) failed: Connection refused"));
        TransportException unroutable = map(new NoRouteToHostException("No route to host"));

        assertThat(refused.requestMayHaveBeenSent()).isFalse();
        assertThat(refused.getMessage()).contains("connection refused by api.example.com:443");
        assertThat(unroutable.requestMayHaveBeenSent()).isFalse();
        assertThat(unroutable.getMessage()).contains("could not connect to api.example.com:443");
    }

    @Test
    void anUnresolvedHostIsNotSent() {
        TransportException error = map(new UnknownHostException("Failed to resolve 'api.example.com'"));

        assertThat(error.requestMayHaveBeenSent()).isFalse();
        assertThat(error.getMessage()).contains("could not resolve the host of api.example.com:443");
    }

    @Test
    void aFailedTlsHandshakeIsNotSentEvenWhenWrapped() {
        TransportException error = map(new DecoderException(new SSLHandshakeException("PKIX path building failed")));

        assertThat(error.requestMayHaveBeenSent()).isFalse();
        assertThat(error.getMessage()).contains("TLS handshake");
    }

    @Test
    void aConnectionClosedBeforeTheRequestWasWrittenIsNotSent() {
        TransportException error = map(AbortedException.beforeSend());

        assertThat(error.requestMayHaveBeenSent()).isFalse();
        assertThat(error.getMessage()).contains("closed before the request was written");
    }

    @Test
    void anyOtherAbortIsMaybeSent() {
        assertThat(map(new AbortedException(new ClosedChannelException())).requestMayHaveBeenSent()).isTrue();
    }

    @Test
    void aPrematureCloseIsMaybeSent() {
        TransportException error = map(PrematureCloseException.TEST_EXCEPTION);

        assertThat(error.requestMayHaveBeenSent()).isTrue();
        assertThat(error.getMessage()).contains("closed before the response was complete");
    }

    @Test
    void aResponseTimeoutIsMaybeSentAndSaysHowLongWasWaited() {
        TransportException seconds = map(ReadTimeoutException.INSTANCE);
        TransportException millis = TransportErrors.forRequest("lock", SECRET_URI, Duration.ofMillis(250),
            ReadTimeoutException.INSTANCE);

        assertThat(seconds.requestMayHaveBeenSent()).isTrue();
        assertThat(seconds.getMessage()).contains("no response from api.example.com:443 within 30 s");
        assertThat(millis.getMessage()).contains("within 250 ms");
    }

    @Test
    void aResetConnectionIsMaybeSent() {
        TransportException error = map(new IOException("Connection reset by peer"));

        assertThat(error.requestMayHaveBeenSent()).isTrue();
        assertThat(error.getMessage()).contains("reset by peer");
    }

    @Test
    void anUnknownFailureIsMaybeSent() {
        assertThat(map(new IllegalStateException("something new")).requestMayHaveBeenSent()).isTrue();
    }

    @Test
    void looksThroughReactorWrappers() {
        TransportException error = map(Exceptions.propagate(new ConnectException("Connection refused")));

        assertThat(error.requestMayHaveBeenSent()).isFalse();
        assertThat(error.getCause()).isInstanceOf(ConnectException.class);
    }

    @Test
    void survivesACauseCycle() {
        IllegalStateException first = new IllegalStateException("first");
        IllegalArgumentException second = new IllegalArgumentException("second", first);
        first.initCause(second);

        assertThat(map(first).requestMayHaveBeenSent()).isTrue();
    }

    @Test
    void messagesNameOperationHostAndPortButNeverPathQueryOrCauseText() {
        TransportException error = map(new ConnectException("Connection refused: secret detail"));

        assertThat(error.getMessage())
            .startsWith("remoteStart: ")
            .contains("api.example.com:443", "the request was not sent")
            .doesNotContain("VIN-SECRET", "s3cr3t", "t0k3n", "/v1", "secret detail");
    }

    @Test
    void aRefusedWebsocketUpgradeSaysItsStatus() {
        WebSocketClientHandshakeException refused = new WebSocketClientHandshakeException(
            "Invalid handshake response getStatus: 401 Unauthorized",
            new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.UNAUTHORIZED));

        TransportException error = TransportErrors.forWebsocket(URI.create("wss://api.autonomic.ai/v1beta/ws?x=1"),
            RESPONSE_TIMEOUT, refused);

        assertThat(error.requestMayHaveBeenSent()).isTrue();
        assertThat(error).isInstanceOfSatisfying(WebSocketRefusedException.class,
            refusal -> assertThat(refusal.status()).isEqualTo(401));
        assertThat(error.getMessage())
            .contains("websocket", "api.autonomic.ai:443", "refused with status 401")
            .doesNotContain("v1beta", "x=1");
    }

    @Test
    void fillsInTheDefaultPortOfEachScheme() {
        assertThat(TransportErrors.hostAndPort(URI.create("https://h/"))).isEqualTo("h:443");
        assertThat(TransportErrors.hostAndPort(URI.create("wss://h/"))).isEqualTo("h:443");
        assertThat(TransportErrors.hostAndPort(URI.create("http://h/"))).isEqualTo("h:80");
        assertThat(TransportErrors.hostAndPort(URI.create("ws://h/"))).isEqualTo("h:80");
        assertThat(TransportErrors.hostAndPort(URI.create("http://h:8080/"))).isEqualTo("h:8080");
    }

    private static TransportException map(Throwable error) {
        return TransportErrors.forRequest("remoteStart", SECRET_URI, RESPONSE_TIMEOUT, error);
    }
}
