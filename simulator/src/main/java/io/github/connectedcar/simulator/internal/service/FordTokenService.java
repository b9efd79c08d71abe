package io.github.connectedcar.simulator.internal.service;

import java.time.Instant;
import java.util.UUID;

import io.github.connectedcar.simulator.internal.account.AccountState;
import io.github.connectedcar.simulator.internal.auth.IssuedToken;
import io.github.connectedcar.simulator.internal.auth.TokenKind;
import io.github.connectedcar.simulator.internal.http.ApiException;
import io.github.connectedcar.simulator.internal.http.Json;
import io.github.connectedcar.simulator.internal.http.Router;
import io.github.connectedcar.simulator.internal.http.SimRequest;
import io.github.connectedcar.simulator.internal.http.SimResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ford's token service (docs/ford-api.md §3.2): mints a CAT from a B2C access token and refreshes it. Refresh tokens rotate:
 * each is good for one refresh, and a used, unknown or expired one answers 400 with errorCode {@code 460}.
 */
final class FordTokenService {

    static final String MINT = "/api/token/v2/cat-with-b2c-access-token";
    static final String REFRESH = "/api/token/v2/cat-with-refresh-token";

    private final ServiceContext context;
    private final Guards guards;

    FordTokenService(ServiceContext context, Guards guards) {
        this.context = context;
        this.guards = guards;
    }

    void register(Router router) {
        router.post(MINT, this::mint);
        router.post(REFRESH, this::refresh);
    }

    private SimResponse mint(SimRequest request) {
        guards.requireAppUserAgent(request);
        String applicationId = guards.requireApplicationId(request);
        String idpToken = textField(request.json(), "idpToken");
        Instant now = context.clock().now();
        IssuedToken b2c = context.tokens().find(idpToken)
            .filter(t -> t.kind() == TokenKind.B2C_ACCESS && t.isUsableAt(now))
            .orElseThrow(FordTokenService::invalidToken);
        AccountState account = guards.account(b2c.username());
        if (!account.profile().applicationId().equals(applicationId)) {
            throw new ApiException(SimResponse.json(403, Json.object().put("status", 403).put("errorCode", "403")
                .put("message", "The account is not registered in the region of this Application-Id")));
        }
        guards.charge(account);
        return SimResponse.json(200, catAnswer(account.username(), now));
    }

    private SimResponse refresh(SimRequest request) {
        guards.requireAppUserAgent(request);
        guards.requireApplicationId(request);
        String refreshToken = textField(request.json(), "refresh_token");
        Instant now = context.clock().now();
        IssuedToken token = context.tokens().find(refreshToken)
            .filter(t -> t.kind() == TokenKind.CAT_REFRESH && t.isUsableAt(now))
            .orElseThrow(FordTokenService::invalidToken);
        AccountState account = guards.account(token.username());
        guards.charge(account);
        if (!token.consume(now)) {
            throw invalidToken();
        }
        return SimResponse.json(200, catAnswer(account.username(), now));
    }

    private ObjectNode catAnswer(String username, Instant now) {
        IssuedToken access = context.tokens().issue(TokenKind.CAT_ACCESS, username, now,
            context.lifetime(TokenKind.CAT_ACCESS));
        IssuedToken refresh = context.tokens().issue(TokenKind.CAT_REFRESH, username, now,
            context.lifetime(TokenKind.CAT_REFRESH));
        return Json.object()
            .put("access_token", access.value())
            .put("expires_in", context.lifetime(TokenKind.CAT_ACCESS).toSeconds())
            .put("refresh_token", refresh.value())
            .put("refresh_expires_in", context.lifetime(TokenKind.CAT_REFRESH).toSeconds())
            .put("token_type", "Bearer")
            .put("ford_consumer_id", UUID.nameUUIDFromBytes(username.toLowerCase(java.util.Locale.ROOT)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
    }

    private static String textField(JsonNode body, String name) {
        JsonNode value = body.path(name);
        if (!value.isString() || value.asString().isBlank()) {
            throw Guards.fordBadRequest("Missing field '" + name + "'");
        }
        return value.asString();
    }

    private static ApiException invalidToken() {
        return new ApiException(SimResponse.json(400, Json.object().put("errorCode", "460")
            .put("message", "Invalid or Expired Token").put("status", 400)));
    }
}
