package io.github.connectedcar.service;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service starts and stops a car, so it answers only requests addressed to it: {@code Host} (and {@code Origin},
 * when a browser sends one) must name this server's address or {@code localhost} with its port. Anything else is
 * refused with 403, so a page elsewhere can neither reach it through DNS rebinding nor post a command across sites.
 * Off with {@code connectedcar.service.check-host=false} (behind a reverse proxy that checks instead).
 */
@Component
@Order(-1)
class LocalRequestsOnly implements WebFilter {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final boolean enabled;
    private final String address;

    LocalRequestsOnly(@Value("${connectedcar.service.check-host:true}") boolean enabled,
                      @Value("${server.address:127.0.0.1}") String address) {
        this.enabled = enabled;
        this.address = address.toLowerCase(Locale.ROOT);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!enabled || isAddressedToUs(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        byte[] body = JSON.writeValueAsBytes(Map.of("type", "about:blank", "title", "Forbidden", "status", 403,
            "detail", "This service answers only requests addressed to it on this machine (Host and Origin must name "
                + "it)."));
        exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
        exchange.getResponse().getHeaders().set(HttpHeaders.CONTENT_TYPE, "application/problem+json");
        // The request's body is read (and dropped) first, so the connection is left clean for the next request.
        return exchange.getRequest().getBody().doOnNext(DataBufferUtils::release)
            .then(exchange.getResponse().writeWith(Mono.just(exchange.getResponse().bufferFactory().wrap(body))));
    }

    private boolean isAddressedToUs(ServerHttpRequest request) {
        InetSocketAddress local = request.getLocalAddress();
        String host = request.getHeaders().getFirst(HttpHeaders.HOST);
        if (local == null || host == null) {
            return false;
        }
        int port = local.getPort();
        Set<String> authorities = Set.of(address + ":" + port, "localhost:" + port);
        if (!authorities.contains(host.strip().toLowerCase(Locale.ROOT))) {
            return false;
        }
        String origin = request.getHeaders().getOrigin();
        if (origin == null) {
            return true;
        }
        try {
            URI uri = new URI(origin.strip());
            return "http".equalsIgnoreCase(uri.getScheme()) && uri.getRawAuthority() != null
                && authorities.contains(uri.getRawAuthority().toLowerCase(Locale.ROOT));
        } catch (URISyntaxException notAnOrigin) {
            return false;
        }
    }
}
