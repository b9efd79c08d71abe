package io.github.connectedcar.simulator.internal.service;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.github.connectedcar.simulator.internal.account.AccountState;
import io.github.connectedcar.simulator.internal.account.QuotaDecision;
import io.github.connectedcar.simulator.internal.auth.IssuedToken;
import io.github.connectedcar.simulator.internal.auth.TokenKind;
import io.github.connectedcar.simulator.internal.http.ApiException;
import io.github.connectedcar.simulator.internal.http.Json;
import io.github.connectedcar.simulator.internal.http.SimRequest;
import io.github.connectedcar.simulator.internal.http.SimResponse;
import io.github.connectedcar.simulator.protocol.FordProtocol;

/**
 * The checks in front of Ford's and Autonomic's services, in the order the real gateways apply them: user agent
 * (Ford firewall), {@code Application-Id}, credential, then the account's standing and quota. Each failure throws
 * an {@link ApiException} with the error body that service uses.
 */
final class Guards {

    private final ServiceContext context;

    Guards(ServiceContext context) {
        this.context = context;
    }

    /**
     * Ford's firewall refuses browser-like agents since October 2025 (docs/ford-api.md §1) with an HTML page.
     */
    void requireAppUserAgent(SimRequest request) {
        String agent = request.header("user-agent");
        if (agent != null && agent.startsWith("Mozilla/")) {
            throw new ApiException(SimResponse.html(403, "<html><head><title>403 Forbidden</title></head><body>"
                + "<h1>Access Denied</h1><p>You don't have permission to access this resource.</p>"
                + "<p>Reference #18." + Ids.random().substring(0, 8) + "</p></body></html>"));
        }
    }

    /**
     * Every Ford-host request needs a known {@code Application-Id}; without one Ford answers 400 with errorCode 432.
     *
     * @return the application id, upper-cased
     */
    String requireApplicationId(SimRequest request) {
        Optional<String> id = request.headerValue("application-id");
        if (id.isEmpty()) {
            throw new ApiException(SimResponse.json(400, Json.object().put("errorCode", "432")
                .put("message", "Missing Application-Id header").put("status", 400)));
        }
        String upper = id.get().toUpperCase(Locale.ROOT);
        if (!FordProtocol.APPLICATION_IDS.containsKey(upper)) {
            throw new ApiException(SimResponse.json(400, Json.object().put("errorCode", "432")
                .put("message", "Invalid Application-Id header").put("status", 400)));
        }
        return upper;
    }

    /**
     * A Ford-host call: browser agents refused, Application-Id required, a valid CAT in {@code auth-token}, then
     * the account's standing and quota.
     *
     * @return the account making the call
     */
    AccountState requireCat(SimRequest request) {
        requireAppUserAgent(request);
        requireApplicationId(request);
        Optional<String> header = request.headerValue("auth-token");
        if (header.isEmpty()) {
            String hint = request.headerValue("authorization").isPresent()
                ? "Ford services expect the CAT in the auth-token header, not Authorization"
                : "Missing auth-token header";
            throw fordUnauthorized(hint);
        }
        IssuedToken token = context.tokens().find(header.get())
            .filter(t -> t.kind() == TokenKind.CAT_ACCESS)
            .orElseThrow(() -> fordUnauthorized("Invalid token"));
        if (!token.isUsableAt(context.clock().now())) {
            throw expired(token, true, fordUnauthorized("Token expired"));
        }
        AccountState account = account(token.username());
        charge(account);
        return account;
    }

    /**
     * An Autonomic call: {@code Authorization: Bearer <TMC>}, then the account's standing and quota.
     *
     * @return the account making the call
     */
    AccountState requireTmc(SimRequest request) {
        String header = request.header("authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            String hint = request.headerValue("auth-token").isPresent()
                ? "Autonomic expects the TMC token as Authorization: Bearer, not auth-token"
                : "missing bearer token";
            throw autonomicUnauthorized(hint);
        }
        IssuedToken token = usableTmc(header.substring(7).strip(), true);
        AccountState account = account(token.username());
        charge(account);
        return account;
    }

    /**
     * A TMC token still valid now.
     *
     * @param countStrike whether an expired token counts against the account
     */
    IssuedToken usableTmc(String value, boolean countStrike) {
        IssuedToken token = context.tokens().find(value)
            .filter(t -> t.kind() == TokenKind.TMC_ACCESS)
            .orElseThrow(() -> autonomicUnauthorized("invalid token"));
        if (!token.isUsableAt(context.clock().now())) {
            throw expired(token, countStrike, autonomicUnauthorized("provided token was expired"));
        }
        return token;
    }

    /**
     * The answer to a call with an expired token: 403 when the account is disabled (everything is, then), else the
     * given 401, counted as a rejection when {@code countStrike}.
     */
    private ApiException expired(IssuedToken token, boolean countStrike, ApiException unauthorized) {
        Optional<AccountState> account = context.world().account(token.username());
        if (account.isPresent() && account.get().isDisabled()) {
            return disabled();
        }
        if (countStrike) {
            account.ifPresent(a -> a.recordRejection(context.quotaLimits()));
        }
        return unauthorized;
    }

    /** The account's standing and quota; a disabled account gets 403, one over quota 429 with Retry-After. */
    void charge(AccountState account) {
        QuotaDecision decision = account.charge(context.clock().now(), context.quotaLimits());
        switch (decision.outcome()) {
            case ALLOWED -> {
            }
            case DISABLED -> throw disabled();
            case RATE_LIMITED -> throw new ApiException(SimResponse.json(429, Json.object()
                    .put("status", 429).put("errorCode", "429")
                    .put("message", "Too many requests for this account; retry after "
                        + decision.retryAfterSeconds() + " s"))
                .withHeader("Retry-After", Long.toString(decision.retryAfterSeconds())));
        }
    }

    /** 403 for a disabled account. */
    static ApiException disabled() {
        return new ApiException(SimResponse.json(403, Json.object().put("status", 403).put("errorCode", "403")
            .put("message", "Account disabled due to suspicious activity. Reset your password to continue "
                + "(simulator: re-enable it through the admin API)")));
    }

    AccountState account(String username) {
        return context.world().account(username)
            .orElseThrow(() -> fordUnauthorized("Unknown account"));
    }

    void strike(String username) {
        context.world().account(username).ifPresent(a -> a.recordRejection(context.quotaLimits()));
    }

    /** The CAT kinds accepted as Autonomic's token-exchange subject. */
    static final Set<TokenKind> CAT_SUBJECTS = EnumSet.of(TokenKind.CAT_ACCESS, TokenKind.CAT_REFRESH);

    static ApiException fordUnauthorized(String message) {
        return new ApiException(SimResponse.json(401, Json.object().put("status", 401).put("errorCode", "401")
            .put("message", message)));
    }

    static ApiException autonomicUnauthorized(String message) {
        return new ApiException(SimResponse.json(401, Json.object().put("code", "UNAUTHORIZED")
            .put("message", message).put("referenceId", Ids.random())));
    }

    /** Autonomic's 400: {@code {"code","message","referenceId"}}. */
    static ApiException autonomicBadRequest(String message) {
        return new ApiException(SimResponse.json(400, Json.object().put("code", "BAD_REQUEST")
            .put("message", message).put("referenceId", Ids.random())));
    }

    /** Autonomic's 404. */
    static ApiException autonomicNotFound(String message) {
        return new ApiException(SimResponse.json(404, Json.object().put("code", "NOT_FOUND")
            .put("message", message).put("referenceId", Ids.random())));
    }

    /** Ford's 400 with a message. */
    static ApiException fordBadRequest(String message) {
        return new ApiException(SimResponse.json(400, Json.object().put("status", 400).put("errorCode", "400")
            .put("message", message)));
    }

    /** Ford's 404 with a message. */
    static ApiException fordNotFound(String message) {
        return new ApiException(SimResponse.json(404, Json.object().put("status", 404).put("errorCode", "404")
            .put("message", message)));
    }
}
