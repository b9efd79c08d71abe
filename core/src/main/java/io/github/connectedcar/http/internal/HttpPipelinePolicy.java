package io.github.connectedcar.http.internal;

import io.github.connectedcar.http.HttpRequest;
import io.github.connectedcar.http.HttpResponse;
import reactor.core.publisher.Mono;

/**
 * One concern of sending a request (headers, retry, quota, credentials, logging). A policy may change the request
 * (by copying it), call {@code next} zero or more times, and change or replace the response.
 */
@FunctionalInterface
public interface HttpPipelinePolicy {

    /**
     * Processes one request. Must be lazy: nothing may be sent before the returned {@code Mono} is subscribed.
     *
     * @param request the request as the previous policy left it
     * @param next    the rest of the pipeline
     * @return the response
     */
    Mono<HttpResponse> process(HttpRequest request, HttpPipelineNext next);
}
