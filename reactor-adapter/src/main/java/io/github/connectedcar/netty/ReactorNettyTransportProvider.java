package io.github.connectedcar.netty;

import io.github.connectedcar.http.HttpTransport;
import io.github.connectedcar.http.HttpTransportProvider;
import io.github.connectedcar.http.TransportOptions;
import java.util.Objects;

/**
 * Makes {@link ReactorNettyTransport}s for {@link HttpTransportProvider#load()}; registered in
 * {@code META-INF/services/io.github.connectedcar.http.HttpTransportProvider}, so having this artifact on the class path
 * is enough for the client builder to find a transport.
 */
public final class ReactorNettyTransportProvider implements HttpTransportProvider {

    /** Called by {@link java.util.ServiceLoader}. */
    public ReactorNettyTransportProvider() {
    }

    /**
     * A new transport with its own connection pool; opens no connection until a request is sent.
     *
     * @throws NullPointerException  when {@code options} is null
     * @throws IllegalStateException when the trust store cannot be used
     */
    @Override
    public HttpTransport create(TransportOptions options) {
        return ReactorNettyTransport.builder().options(Objects.requireNonNull(options, "options")).build();
    }
}
