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
    private volatile Completed last;

    public UserAgentPolicy(String userAgent) {
        this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
    }

    @Override
    public Mono<HttpResponse> process(HttpRequest request, HttpPipelineNext next) {
        // Callers keep their requests (one per operation and car), so the last one's copy is usually the one needed.
        Completed last = this.last;
        if (last != null && last.request == request) {
            return next.send(last.completed);
        }
        HttpRequest withHeaders = request.withHeader("User-Agent", userAgent);
        if (!withHeaders.headers().contains("Accept")) {
            withHeaders = withHeaders.withHeader("Accept", "application/json");
        }
        this.last = new Completed(request, withHeaders);
        return next.send(withHeaders);
    }

    /** A request (by identity) and its copy with the headers added. */
    private record Completed(HttpRequest request, HttpRequest completed) {
    }
}
