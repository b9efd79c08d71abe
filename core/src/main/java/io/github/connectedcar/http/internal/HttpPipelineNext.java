package io.github.connectedcar.http.internal;

import io.github.connectedcar.http.HttpRequest;
import io.github.connectedcar.http.HttpResponse;
import reactor.core.publisher.Mono;

/** The rest of the pipeline after a policy: the later policies, then the transport. */
@FunctionalInterface
public interface HttpPipelineNext {

    /** Sends the request through the rest of the pipeline; lazy, and a new attempt on each subscription. */
    Mono<HttpResponse> send(HttpRequest request);
}
