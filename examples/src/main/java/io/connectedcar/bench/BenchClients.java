package io.connectedcar.bench;

import io.connectedcar.ConnectedCarClientBuilder;
import io.connectedcar.Endpoints;
import io.connectedcar.auth.InMemoryTokenStore;

/** Clients for the load drivers: pointed at a simulator, with the account protections that would throttle a benchmark off. */
final class BenchClients {
    private BenchClients() {
    }

    static ConnectedCarClientBuilder builder(String baseUrl) {
        return new ConnectedCarClientBuilder()
            .endpoints(Endpoints.allAt(baseUrl))
            .tokenStore(new InMemoryTokenStore());
    }
}
