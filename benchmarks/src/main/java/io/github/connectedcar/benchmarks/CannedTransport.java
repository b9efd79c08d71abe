package io.github.connectedcar.benchmarks;

import io.github.connectedcar.http.HttpHeaders;
import io.github.connectedcar.http.HttpRequest;
import io.github.connectedcar.http.HttpResponse;
import io.github.connectedcar.http.HttpTransport;
import java.net.URI;
import java.util.Map;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A transport that answers at once with 200: Autonomic's token exchange with a token valid for an hour, every other
 * request with one body. The pipeline's cost without a wire.
 */
final class CannedTransport implements HttpTransport {
    private static final HttpHeaders JSON = HttpHeaders.of(Map.of("Content-Type", "application/json"));

    private final byte[] body;

    CannedTransport(byte[] body) {
        this.body = body.clone();
    }

    @Override
    public Mono<HttpResponse> send(HttpRequest request) {
        return Mono.just(new HttpResponse(request, 200, JSON,
            request.operation().equals("tmc-exchange") ? SignedIn.TOKEN_EXCHANGE_ANSWER : body));
    }

    @Override
    public Flux<String> websocket(URI uri, HttpHeaders headers, Publisher<String> outbound) {
        return Flux.error(new UnsupportedOperationException("No websocket in this benchmark"));
    }

    @Override
    public void close() {
        // nothing held
    }
}
