package io.github.connectedcar.bench;

import io.github.connectedcar.ConnectedCarClientBuilder;
import io.github.connectedcar.auth.InMemoryTokenStore;
import io.github.connectedcar.ford.Endpoints;
import io.github.connectedcar.protection.QuotaOptions;

/** Clients for the load drivers: pointed at a simulator, without the request budget that would throttle them. */
final class BenchClients {
    private BenchClients() {
    }

    static ConnectedCarClientBuilder builder(String baseUrl) {
        return new ConnectedCarClientBuilder()
            .endpoints(Endpoints.allAt(baseUrl))
            .tokenStore(new InMemoryTokenStore())
            // The account budget exists to protect a real Ford account; against the simulator it would only cap the
            // measurement at 20 requests a minute.
            .quota(QuotaOptions.unlimited());
    }
}
