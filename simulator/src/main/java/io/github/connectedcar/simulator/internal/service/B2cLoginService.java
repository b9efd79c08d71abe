package io.github.connectedcar.simulator.internal.service;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.connectedcar.simulator.internal.account.AccountState;
import io.github.connectedcar.simulator.internal.auth.AuthorizationRequest;
import io.github.connectedcar.simulator.internal.auth.IssuedToken;
import io.github.connectedcar.simulator.internal.auth.Pkce;
import io.github.connectedcar.simulator.internal.auth.TokenKind;
import io.github.connectedcar.simulator.internal.http.ApiException;
import io.github.connectedcar.simulator.internal.http.Json;
import io.github.connectedcar.simulator.internal.http.Router;
import io.github.connectedcar.simulator.internal.http.SimRequest;
import io.github.connectedcar.simulator.internal.http.SimResponse;
import io.github.connectedcar.simulator.protocol.FordProtocol;
import tools.jackson.databind.node.ObjectNode;

/**
 * Azure AD B2C as Ford runs it (docs/ford-api.md §3.1): the authorize page a person signs in on, which ends in a redirect to
 * {@code fordapp://userauthorized/?code=…}, and the token endpoint that redeems the code with the PKCE verifier.
 *
 * <p>Paths: {@code GET|POST /{tenant}/{policy}/oauth2/v2.0/authorize} (the form posts back to the same URL, query
 * preserved) and {@code POST /{tenant}/{policy}/oauth2/v2.0/token}.
 */
final class B2cLoginService {

    private static final Pattern POLICY = Pattern.compile(
        "(?i)" + Pattern.quote(FordProtocol.POLICY_PREFIX) + "(Lincoln_)?([a-z]{2}-[a-z]{2})");
    private static final String AUTHORIZE = "/" + FordProtocol.B2C_TENANT + "/{policy}/oauth2/v2.0/authorize";
    private static final String TOKEN = "/" + FordProtocol.B2C_TENANT + "/{policy}/oauth2/v2.0/token";

    private final ServiceContext context;

    B2cLoginService(ServiceContext context) {
        this.context = context;
    }

    void register(Router router) {
        router.get(AUTHORIZE, this::showForm);
        router.post(AUTHORIZE, this::signIn);
        router.post(TOKEN, this::redeemCode);
    }

    /** The sign-in policy of the path: its brand decides the redirect URI. */
    private record Policy(String name, boolean lincoln, String locale) {
        String redirectUri() {
            return lincoln ? FordProtocol.LINCOLN_REDIRECT_URI : FordProtocol.FORD_REDIRECT_URI;
        }
    }

    private static Policy policy(SimRequest request) {
        String name = request.pathParam("policy");
        Matcher m = POLICY.matcher(name);
        if (!m.matches()) {
            throw new ApiException(errorPage(404, "AADB2C90008",
                "The request does not contain a valid policy: '" + name + "'."));
        }
        return new Policy(name, m.group(1) != null, m.group(2));
    }

    // ---------------------------------------------------------------- authorize

    private SimResponse showForm(SimRequest request) {
        Policy policy = policy(request);
        checkAuthorizeQuery(request, policy);
        return SimResponse.html(200, form(request, null, ""));
    }

    private SimResponse signIn(SimRequest request) {
        Policy policy = policy(request);
        AuthorizationRequest authorize = checkAuthorizeQuery(request, policy);
        Map<String, String> form = request.form();
        String username = form.getOrDefault("username", "").strip();
        String password = form.getOrDefault("password", "");
        Optional<AccountState> account = context.world().account(username)
            .filter(a -> a.profile().password().equals(password));
        if (account.isEmpty()) {
            return SimResponse.html(200, form(request, "Invalid username or password.", username));
        }
        if (account.get().isDisabled()) {
            return SimResponse.html(200, form(request, "Your account is temporarily locked to prevent unauthorized "
                + "use. Try again later.", username));
        }
        IssuedToken code = context.tokens().issueCode(account.get().username(), context.clock().now(),
            context.lifetime(TokenKind.AUTHORIZATION_CODE), authorize);
        StringBuilder location = new StringBuilder(authorize.redirectUri()).append("/?code=").append(code.value());
        String state = request.query().get("state");
        if (state != null) {
            location.append("&state=").append(URLEncoder.encode(state, StandardCharsets.UTF_8));
        }
        return SimResponse.redirect(location.toString());
    }

    /**
     * Validates the authorize query like B2C: an unknown client or redirect URI gets an error page; everything else
     * is reported to the redirect URI with {@code error} and {@code error_description}.
     */
    private static AuthorizationRequest checkAuthorizeQuery(SimRequest request, Policy policy) {
        Map<String, String> q = request.query();
        if (!FordProtocol.CLIENT_ID.equals(q.get("client_id"))) {
            throw new ApiException(errorPage(400, "AADB2C90117",
                "The client_id '" + q.getOrDefault("client_id", "") + "' is not registered with this tenant."));
        }
        String redirectUri = q.getOrDefault("redirect_uri", "");
        if (!policy.redirectUri().equals(stripSlash(redirectUri))) {
            throw new ApiException(errorPage(400, "AADB2C90006",
                "The redirect URI '" + redirectUri + "' provided in the request is not registered for the client id"
                    + " '" + FordProtocol.CLIENT_ID + "'."));
        }
        String back = policy.redirectUri();
        if (!"code".equals(q.get("response_type"))) {
            throw redirectError(back, "unsupported_response_type",
                "AADB2C90079: The response_type '" + q.getOrDefault("response_type", "") + "' is not supported; "
                    + "use 'code'.");
        }
        String rawScope = rawParam(request.rawQuery(), "scope");
        if (rawScope != null && rawScope.contains("+")) {
            throw redirectError(back, "invalid_request", "AADB2C90055: The scope '" + rawScope + "' provided in "
                + "request must specify a resource (encode spaces in the scope as %20, not '+').");
        }
        String scope = q.getOrDefault("scope", "");
        if (!(" " + scope + " ").contains(" openid ") || !scope.contains(FordProtocol.CLIENT_ID)) {
            throw redirectError(back, "invalid_request", "AADB2C90055: The scope '" + scope + "' provided in request "
                + "must contain 'openid' and the client id.");
        }
        String challenge = q.get("code_challenge");
        if (challenge == null || challenge.isBlank()) {
            throw redirectError(back, "invalid_request",
                "AADB2C90182: The request is missing the code_challenge parameter required for PKCE.");
        }
        String method = q.get("code_challenge_method");
        if (!"S256".equals(method)) {
            throw redirectError(back, "invalid_request", "AADB2C90183: The supplied code_challenge_method '"
                + (method == null ? "" : method) + "' is not supported. Supported value is S256.");
        }
        if (!challenge.matches("[A-Za-z0-9_-]{43}")) {
            throw redirectError(back, "invalid_request",
                "AADB2C90184: The code_challenge is not a base64url SHA-256 value (43 characters, no padding).");
        }
        return new AuthorizationRequest(policy.name(), FordProtocol.CLIENT_ID, back, challenge, scope);
    }

    private static ApiException redirectError(String redirectUri, String error, String description) {
        return new ApiException(SimResponse.redirect(redirectUri + "/?error=" + error + "&error_description="
            + URLEncoder.encode(description, StandardCharsets.UTF_8).replace("+", "%20")));
    }

    private static String rawParam(String rawQuery, String name) {
        for (String pair : rawQuery.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }

    private static String stripSlash(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    private static String form(SimRequest request, String error, String username) {
        String action = request.path() + (request.rawQuery().isEmpty() ? "" : "?" + request.rawQuery());
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign in</title></head>\n"
            + "<body><main><h1>Sign in to your account</h1>\n"
            + (error == null ? "" : "<div class=\"error pageLevel\" role=\"alert\">" + escape(error) + "</div>\n")
            + "<form id=\"localAccountForm\" method=\"post\" action=\"" + escape(action) + "\">\n"
            + "<label for=\"username\">Email Address</label>\n"
            + "<input type=\"email\" id=\"username\" name=\"username\" autocomplete=\"username\" value=\""
            + escape(username) + "\">\n"
            + "<label for=\"password\">Password</label>\n"
            + "<input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\">\n"
            + "<input type=\"hidden\" name=\"request_type\" value=\"RESPONSE\">\n"
            + "<button id=\"next\" type=\"submit\">Sign in</button>\n"
            + "</form><p>Simulated Ford sign-in (connectedcar simulator).</p></main></body></html>\n";
    }

    private static SimResponse errorPage(int status, String code, String message) {
        return SimResponse.html(status, "<!DOCTYPE html>\n<html><head><title>Error</title></head><body>"
            + "<h1>Sorry, but we're having trouble signing you in.</h1><p>" + escape(code + ": " + message)
            + "</p></body></html>\n");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    // ---------------------------------------------------------------- token

    /**
     * Redeems a code. The code is used up by the first redemption attempt whatever its outcome, so a wrong verifier
     * cannot be retried against it.
     */
    private SimResponse redeemCode(SimRequest request) {
        Policy policy;
        try {
            policy = policy(request);
        } catch (ApiException e) {
            return tokenError("invalid_request", "AADB2C90008: The request does not contain a valid policy.");
        }
        Map<String, String> form = request.form();
        String grantType = form.getOrDefault("grant_type", "");
        if (!"authorization_code".equals(grantType)) {
            return tokenError("unsupported_grant_type",
                "AADB2C90086: The supplied grant_type [" + grantType + "] is not supported.");
        }
        if (!FordProtocol.CLIENT_ID.equals(form.get("client_id"))) {
            return tokenError("invalid_client", "AADB2C90117: The supplied client_id is not registered.");
        }
        String codeValue = form.get("code");
        if (codeValue == null || codeValue.isBlank()) {
            return tokenError("invalid_request", "AADB2C90014: The required field 'code' is missing.");
        }
        Instant now = context.clock().now();
        Optional<IssuedToken> found = context.tokens().find(codeValue)
            .filter(t -> t.kind() == TokenKind.AUTHORIZATION_CODE);
        if (found.isEmpty()) {
            return tokenError("invalid_grant", "AADB2C90090: The provided authorization code is invalid.");
        }
        IssuedToken code = found.get();
        if (code.isConsumed()) {
            return tokenError("invalid_grant", "AADB2C90088: The provided grant has already been redeemed.");
        }
        if (!code.consume(now)) {
            return tokenError("invalid_grant", "AADB2C90080: The provided grant has expired. Please re-authenticate "
                + "and try again.");
        }
        AuthorizationRequest authorize = code.authorizationRequest();
        if (!authorize.policy().equalsIgnoreCase(policy.name())) {
            return tokenError("invalid_grant", "AADB2C90088: The provided grant has not been issued for this "
                + "endpoint.");
        }
        if (!authorize.redirectUri().equals(stripSlash(form.getOrDefault("redirect_uri", "")))) {
            return tokenError("invalid_grant", "AADB2C90006: The redirect_uri does not match the one of the "
                + "authorization request.");
        }
        String verifier = form.get("code_verifier");
        if (verifier == null || verifier.isBlank()) {
            return tokenError("invalid_request", "AADB2C90183: The code_verifier is missing.");
        }
        if (!Pkce.matches(verifier, authorize.codeChallenge())) {
            return tokenError("invalid_grant", "AADB2C90181: The code_verifier does not match the code_challenge "
                + "supplied in the authorization request.");
        }
        String user = code.username();
        IssuedToken access = context.tokens().issue(TokenKind.B2C_ACCESS, user, now,
            context.lifetime(TokenKind.B2C_ACCESS));
        IssuedToken id = context.tokens().issue(TokenKind.B2C_ID, user, now, context.lifetime(TokenKind.B2C_ID));
        IssuedToken refresh = context.tokens().issue(TokenKind.B2C_REFRESH, user, now,
            context.lifetime(TokenKind.B2C_REFRESH));
        long expiresIn = context.lifetime(TokenKind.B2C_ACCESS).toSeconds();
        ObjectNode body = Json.object()
            .put("access_token", access.value())
            .put("id_token", id.value())
            .put("token_type", "Bearer")
            .put("not_before", now.getEpochSecond())
            .put("expires_in", expiresIn)
            .put("expires_on", now.getEpochSecond() + expiresIn)
            .put("resource", FordProtocol.CLIENT_ID)
            .put("id_token_expires_in", expiresIn)
            .put("profile_info", java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                Json.write(Json.object().put("ver", "1.0").put("name", user.toLowerCase(Locale.ROOT)))
                    .getBytes(StandardCharsets.UTF_8)))
            .put("scope", authorize.scope())
            .put("refresh_token", refresh.value())
            .put("refresh_token_expires_in", context.lifetime(TokenKind.B2C_REFRESH).toSeconds());
        return SimResponse.json(200, body);
    }

    private static SimResponse tokenError(String error, String description) {
        return SimResponse.json(400, Json.object().put("error", error).put("error_description", description));
    }
}
