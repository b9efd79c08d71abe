package io.connectedcar.http.internal;

import io.connectedcar.http.HttpRequest;
import io.connectedcar.http.HttpResponse;
import io.connectedcar.http.HttpTransport;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Policies in order, closest to the API first and closest to the wire last, then the transport. Immutable and
 * shared by every call of one client.
 */
public final class HttpPipeline {
    private final HttpTransport transport;
    private final List<HttpPipelinePolicy> policies;

    public HttpPipeline(HttpTransport transport, List<HttpPipelinePolicy> policies) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.policies = List.copyOf(policies);
    }

    /**
     * Sends a request through every policy. Lazy: nothing is sent until subscription; each subscription sends anew.
     */
    public Mono<HttpResponse> send(HttpRequest request) {
        Objects.requireNonNull(request, "request");
        return Mono.defer(() -> next(0).send(request));
    }

    private HttpPipelineNext next(int index) {
        if (index == policies.size()) {
            return transport::send;
        }
        HttpPipelinePolicy policy = policies.get(index);
        return request -> Mono.defer(() -> policy.process(request, next(index + 1)));
    }

    public List<HttpPipelinePolicy> policies() {
        return policies;
    }

    public HttpTransport transport() {
        return transport;
    }
}
