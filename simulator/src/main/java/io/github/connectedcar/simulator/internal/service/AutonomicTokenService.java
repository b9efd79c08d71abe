package io.github.connectedcar.simulator.internal.service;

import java.time.Instant;
import java.util.Map;

import io.github.connectedcar.simulator.internal.account.AccountState;
import io.github.connectedcar.simulator.internal.auth.IssuedToken;
import io.github.connectedcar.simulator.internal.auth.TokenKind;
import io.github.connectedcar.simulator.internal.http.Json;
import io.github.connectedcar.simulator.internal.http.Router;
import io.github.connectedcar.simulator.internal.http.SimRequest;
import io.github.connectedcar.simulator.internal.http.SimResponse;
import io.github.connectedcar.simulator.protocol.FordProtocol;

/**
 * Autonomic's token exchange (docs/ford-api.md §3.3): a form-encoded RFC 8693 exchange of a CAT for a short-lived TMC token.
 * The app-faithful subject is the CAT access token; a CAT refresh token is accepted too (one client sends it) and
 * is not consumed.
 */
final class AutonomicTokenService {

    static final String PATH = "/v1/auth/oidc/token";

    private final ServiceContext context;
    private final Guards guards;

    AutonomicTokenService(ServiceContext context, Guards guards) {
        this.context = context;
        this.guards = guards;
    }

    void register(Router router) {
        router.post(PATH, this::exchange);
    }

    private SimResponse exchange(SimRequest request) {
        Map<String, String> form = request.form();
        if (!FordProtocol.TOKEN_EXCHANGE_GRANT.equals(form.get("grant_type"))) {
            return error(400, "unsupported_grant_type", "grant_type must be " + FordProtocol.TOKEN_EXCHANGE_GRANT);
        }
        if (!FordProtocol.AUTONOMIC_CLIENT_ID.equals(form.get("client_id"))) {
            return error(401, "invalid_client", "unknown client_id");
        }
        if (!FordProtocol.AUTONOMIC_SUBJECT_ISSUER.equals(form.get("subject_issuer"))) {
            return error(400, "invalid_request", "subject_issuer must be " + FordProtocol.AUTONOMIC_SUBJECT_ISSUER);
        }
        if (!FordProtocol.JWT_TOKEN_TYPE.equals(form.get("subject_token_type"))) {
            return error(400, "invalid_request", "subject_token_type must be " + FordProtocol.JWT_TOKEN_TYPE);
        }
        String subject = form.get("subject_token");
        if (subject == null || subject.isBlank()) {
            return error(400, "invalid_request", "subject_token is required");
        }
        Instant now = context.clock().now();
        IssuedToken cat = context.tokens().find(subject)
            .filter(t -> Guards.CAT_SUBJECTS.contains(t.kind()))
            .orElse(null);
        if (cat == null) {
            return error(401, "invalid_grant", "subject token is invalid");
        }
        if (!cat.isUsableAt(now)) {
            guards.strike(cat.username());
            return error(401, "invalid_grant", "subject token is expired");
        }
        AccountState account = guards.account(cat.username());
        guards.charge(account);
        IssuedToken tmc = context.tokens().issue(TokenKind.TMC_ACCESS, account.username(), now,
            context.lifetime(TokenKind.TMC_ACCESS));
        return SimResponse.json(200, Json.object()
            .put("access_token", tmc.value())
            .put("token_type", "Bearer")
            .put("expires_in", context.lifetime(TokenKind.TMC_ACCESS).toSeconds())
            .put("issued_token_type", FordProtocol.JWT_TOKEN_TYPE));
    }

    private static SimResponse error(int status, String error, String description) {
        return SimResponse.json(status, Json.object().put("error", error).put("error_description", description));
    }
}
