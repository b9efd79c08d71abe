package io.github.connectedcar.http.internal;

import io.github.connectedcar.http.HttpRequest;
import io.github.connectedcar.http.HttpResponse;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Adds the headers every request carries: the User-Agent Ford accepts and {@code Accept: application/json}.
 * Per-service headers (Application-Id, locale, country) come from the endpoint table.
 */
public final class UserAgentPolicy implements HttpPipelinePolicy {
    private final String userAgent;

    public UserAgentPolicy(String userAgent) {
        this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
    }

    @Override
    public Mono<HttpResponse> process(HttpRequest request, HttpPipelineNext next) {
        HttpRequest withHeaders = request.withHeader("User-Agent", userAgent);
        if (!withHeaders.headers().contains("Accept")) {
            withHeaders = withHeaders.withHeader("Accept", "application/json");
        }
        return next.send(withHeaders);
    }
}
