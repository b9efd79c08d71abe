package io.connectedcar.bench;

import io.connectedcar.ConnectedCarClientBuilder;
import io.connectedcar.auth.InMemoryTokenStore;
import io.connectedcar.ford.Endpoints;
import io.connectedcar.protection.QuotaOptions;

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
