package io.github.connectedcar.http.internal;

import io.github.connectedcar.http.HttpHeaders;
import io.github.connectedcar.http.HttpRequest;
import io.github.connectedcar.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Logs each request and response at DEBUG through SLF4J (logger {@code io.github.connectedcar.http}): method, host and
 * path (never the query, which can hold codes), the operation, status, duration and size, and only the headers on
 * an allow-list. Bodies and credential headers are never logged.
 */
public final class LoggingPolicy implements HttpPipelinePolicy {
    /** Headers whose values may be logged; every other header shows as its name only. */
    public static final Set<String> ALLOWED_HEADERS = Set.of("content-type", "content-length", "user-agent",
        "application-id", "locale", "countrycode", "country-code", "retry-after", "x-request-id", "accept",
        "content-encoding", "date", "x-vin", "vin");

    private static final Logger LOG = LoggerFactory.getLogger("io.github.connectedcar.http");

    @Override
    public Mono<HttpResponse> process(HttpRequest request, HttpPipelineNext next) {
        if (!LOG.isDebugEnabled()) {
            return next.send(request);
        }
        return Mono.defer(() -> {
            long start = Schedulers.parallel().now(java.util.concurrent.TimeUnit.MILLISECONDS);
            LOG.debug("--> {} {}://{}{} ({}) {}", request.method(), request.uri().getScheme(),
                request.uri().getAuthority(), request.uri().getRawPath(), request.operation(),
                describe(request.headers()));
            return next.send(request)
                .doOnNext(response -> LOG.debug("<-- {} {} ({}, {} ms, {} bytes) {}", response.status(),
                    request.uri().getRawPath(), request.operation(),
                    Schedulers.parallel().now(java.util.concurrent.TimeUnit.MILLISECONDS) - start,
                    response.body().length, describe(response.headers())))
                .doOnError(error -> LOG.debug("<-- failed {} ({}): {}", request.uri().getRawPath(),
                    request.operation(), error.toString()));
        });
    }

    /** Allowed headers with values, the others as {@code name=REDACTED}. */
    static String describe(HttpHeaders headers) {
        StringJoiner joiner = new StringJoiner(", ", "[", "]");
        Map<String, String> sorted = new TreeMap<>(headers.toMap());
        sorted.forEach((name, value) -> joiner.add(name + "="
            + (ALLOWED_HEADERS.contains(name.toLowerCase(Locale.ROOT)) ? value : "REDACTED")));
        return joiner.toString();
    }
}
