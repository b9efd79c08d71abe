package io.github.connectedcar.http;

import java.util.ServiceLoader;

/**
 * Service-provider interface that lets the client builder find a transport on the class path through
 * {@link ServiceLoader} when none is given. {@code connectedcar-reactor-adapter} provides one.
 */
public interface HttpTransportProvider {

    /**
     * Makes a new transport with these options.
     *
     * @param options the transport's options
     * @return the transport
     */
    HttpTransport create(TransportOptions options);

    /**
     * The first provider on the class path.
     *
     * @return the provider
     * @throws IllegalStateException when there is none, naming the artifact to add
     */
    static HttpTransportProvider load() {
        return ServiceLoader.load(HttpTransportProvider.class).findFirst()
            .or(() -> ServiceLoader.load(HttpTransportProvider.class, HttpTransportProvider.class.getClassLoader())
                .findFirst())
            .orElseThrow(() -> new IllegalStateException(
                "No HTTP transport found: add io.github.connectedcar:connectedcar-reactor-adapter to the class path "
                    + "or give the builder a transport(...)"));
    }
}
