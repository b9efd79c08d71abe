package io.connectedcar.implementation;

import io.connectedcar.Endpoints;
import io.connectedcar.Region;
import io.connectedcar.http.HttpPipeline;
import io.connectedcar.http.HttpRequest;
import io.connectedcar.http.HttpResponse;
import java.time.Clock;
import java.util.Objects;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * What every client of one account shares: the pipeline, where Ford lives, the region and the clock; plus the one
 * way a call's answer is judged (2xx, 207 included, is success; anything else becomes a typed exception).
 *
 * @param pipeline  the data pipeline (with the token policy)
 * @param endpoints the hosts
 * @param region    the account's region
 * @param clock     the clock (virtual in tests)
 */
public record FordCalls(HttpPipeline pipeline, Endpoints endpoints, Region region, Clock clock) {

    public FordCalls {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(endpoints, "endpoints");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(clock, "clock");
    }

    /** The request for an operation of the endpoint table. */
    public HttpRequest request(FordApi.Operation operation, String... pathParams) {
        return operation.request(endpoints, region, pathParams);
    }

    /** Sends the request; a non-2xx answer becomes the matching typed exception. Lazy. */
    public Mono<HttpResponse> send(HttpRequest request) {
        return pipeline.send(request).flatMap(response -> response.isSuccess() ? Mono.just(response)
            : Mono.error(FordErrors.toException(response, clock)));
    }

    /** Sends the request and reads the answer as JSON. Lazy. */
    public Mono<JsonNode> json(HttpRequest request) {
        return send(request).map(Json::parse);
    }
}
