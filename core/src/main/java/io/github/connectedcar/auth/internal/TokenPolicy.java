package io.github.connectedcar.auth.internal;

import io.github.connectedcar.http.AuthScheme;
import io.github.connectedcar.http.HttpRequest;
import io.github.connectedcar.http.HttpResponse;
import io.github.connectedcar.http.internal.HttpPipelineNext;
import io.github.connectedcar.http.internal.HttpPipelinePolicy;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Adds the credential a request needs: the CAT as {@code auth-token} on Ford hosts, the TMC token as
 * {@code Authorization: Bearer} on Autonomic hosts. On a 401 it tells the {@link TokenManager}, which renews the
 * token, and sends the request once more; a second 401 is passed on (and becomes "log in again"). A request refused
 * with 401 was not acted on, so sending it again is safe for commands too.
 */
public final class TokenPolicy implements HttpPipelinePolicy {
    /** The header Ford hosts read the CAT from. */
    public static final String CAT_HEADER = "auth-token";
    /** The header Autonomic hosts read the TMC token from, after {@link #BEARER_PREFIX}. */
    public static final String BEARER_HEADER = "Authorization";
    public static final String BEARER_PREFIX = "Bearer ";

    private static final Logger LOG = LoggerFactory.getLogger(TokenPolicy.class);

    private final TokenManager tokens;
    /** The last request authorized, so that reading one car again and again builds its headers once. */
    private volatile Authorized last;

    public TokenPolicy(TokenManager tokens) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    @Override
    public Mono<HttpResponse> process(HttpRequest request, HttpPipelineNext next) {
        AuthScheme scheme = request.auth();
        if (scheme == AuthScheme.NONE) {
            return next.send(request);
        }
        return tokens.token(scheme).flatMap(token -> sendWith(request, token, next));
    }

    private Mono<HttpResponse> sendWith(HttpRequest request, String token, HttpPipelineNext next) {
        return next.send(authorize(request, token)).flatMap(response -> {
            if (response.status() != 401) {
                return Mono.just(response);
            }
            AuthScheme scheme = request.auth();
            LOG.info("{} was refused with HTTP 401; renewing the {} once and sending it again", request, scheme);
            tokens.rejected(scheme, token);
            return tokens.token(scheme).flatMap(fresh -> next.send(authorize(request, fresh)));
        });
    }

    /** The request with its credential; the last one made is kept, as the same request comes with the same token. */
    private HttpRequest authorize(HttpRequest request, String token) {
        Authorized last = this.last;
        if (last != null && last.request == request && last.token == token) {
            return last.authorized;
        }
        HttpRequest authorized = request.auth() == AuthScheme.CAT
            ? request.withHeader(CAT_HEADER, token)
            : request.withHeader(BEARER_HEADER, BEARER_PREFIX + token);
        this.last = new Authorized(request, token, authorized);
        return authorized;
    }

    /** A request (by identity: callers keep theirs), the token (by identity) and the request carrying it. */
    private record Authorized(HttpRequest request, String token, HttpRequest authorized) {
    }

    /** The token this policy put on a request it sent, if any. */
    public static Optional<String> tokenOf(HttpRequest sent) {
        String value = sent.auth() == AuthScheme.CAT ? sent.headers().get(CAT_HEADER)
            : sent.headers().get(BEARER_HEADER);
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(value.startsWith(BEARER_PREFIX) ? value.substring(BEARER_PREFIX.length()) : value);
    }
}
