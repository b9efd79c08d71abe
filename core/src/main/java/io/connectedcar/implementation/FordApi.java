package io.connectedcar.implementation;

import io.connectedcar.Endpoints;
import io.connectedcar.Endpoints.Role;
import io.connectedcar.Region;
import io.connectedcar.http.AuthScheme;
import io.connectedcar.http.HttpMethod;
import io.connectedcar.http.HttpRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * The endpoint table: every Ford path, header spelling and magic value lives here, once, with a comment naming it
 * (see shared/ford-api.md). Ford publishes none of this; it is observed behaviour of the FordPass app.
 */
public final class FordApi {

    /** Azure AD B2C tenant of Ford's login. */
    public static final String B2C_TENANT = "4566605f-43a7-400a-946e-89cc9fdb0bd7";
    /** The FordPass app's OAuth client id; also its only scope. */
    public static final String B2C_CLIENT_ID = "09852200-05fd-41f6-8c21-d36d3497dc64";
    /** Scope of the authorize and token requests: the client id plus openid, joined by a space (sent as %20). */
    public static final String B2C_SCOPE = B2C_CLIENT_ID + " openid";
    /** How long Ford's login accepts a session for, in seconds. */
    public static final String B2C_MAX_AGE = "3600";

    /** The only User-Agent Ford accepts since October 2025: the FordPass app's HTTP library. */
    public static final String DEFAULT_USER_AGENT = "okhttp/4.12.0";

    /** Autonomic's token exchange: the CAT is the subject, issued by fordpass. */
    public static final String TMC_CLIENT_ID = "fordpass-prod";
    public static final String TMC_SUBJECT_ISSUER = "fordpass";
    public static final String TMC_GRANT_TYPE = "urn:ietf:params:oauth:grant-type:token-exchange";
    public static final String TMC_SUBJECT_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:jwt";

    /** The query the app adds to the telemetry GET ("last refresh date"; the epoch asks for everything). */
    public static final String TELEMETRY_LRDT = "01-01-1970 00:00:00";

    /** Ford's answer to an invalid or expired CAT refresh token: the person must log in again. */
    public static final String ERROR_CODE_INVALID_REFRESH_TOKEN = "460";
    /** Ford's answer to a request without Application-Id. */
    public static final String ERROR_CODE_MISSING_APPLICATION_ID = "432";

    /** How a Ford service wants its country header spelt; they differ per service. */
    enum CountryHeader {
        NONE(null), COUNTRY_CODE_CAMEL("countryCode"), COUNTRY_CODE_DASHED("country-code"),
        COUNTRY_CODE_LOWER("countrycode");

        final String headerName;

        CountryHeader(String headerName) {
            this.headerName = headerName;
        }
    }

    /**
     * One Ford operation: where it lives and what it needs.
     *
     * @param name       short name used in logs and errors
     * @param role       the host role
     * @param method     the HTTP method
     * @param path       the path under the role's base URL; {@code {vin}}-style placeholders
     * @param auth       the credential it carries
     * @param idempotent whether it may be retried
     * @param country    the spelling of the country header it wants
     * @param locale     whether it wants the {@code locale} header
     */
    public record Operation(String name, Role role, HttpMethod method, String path, AuthScheme auth,
                            boolean idempotent, CountryHeader country, boolean locale) {

        /**
         * The request for this operation, with Ford's per-service headers.
         *
         * @param params placeholder values in order of appearance in the path (URL-encoded here)
         */
        public HttpRequest request(Endpoints endpoints, Region region, String... params) {
            String resolved = path;
            for (String param : params) {
                int open = resolved.indexOf('{');
                int close = resolved.indexOf('}', open);
                if (open < 0 || close < 0) {
                    throw new IllegalArgumentException("Too many path parameters for " + name);
                }
                resolved = resolved.substring(0, open) + encodePath(Objects.requireNonNull(param, "path parameter"))
                    + resolved.substring(close + 1);
            }
            if (resolved.indexOf('{') >= 0) {
                throw new IllegalArgumentException("Missing path parameter for " + name + ": " + path);
            }
            URI uri = URI.create(endpoints.baseUrl(role, region) + resolved);
            HttpRequest request = new HttpRequest(method, uri, io.connectedcar.http.HttpHeaders.empty(), null,
                name, auth, idempotent);
            if (role != Role.AUTONOMIC && role != Role.AUTONOMIC_AUTH && role != Role.AUTONOMIC_WEBSOCKET
                && role != Role.LOGIN) {
                // Every Ford-host request names the app's region.
                request = request.withHeader("Application-Id", region.applicationId());
            }
            if (locale) {
                request = request.withHeader("locale", region.locale());
            }
            if (country.headerName != null) {
                request = request.withHeader(country.headerName, region.countryCode());
            }
            return request;
        }
    }

    private static Operation op(String name, Role role, HttpMethod method, String path, AuthScheme auth,
                                CountryHeader country, boolean locale) {
        return new Operation(name, role, method, path, auth, method.isIdempotentByDefault(), country, locale);
    }

    // --- login (Azure AD B2C); the policy segment depends on brand and locale -----------------------------------
    /** The page a person opens to sign in (never requested by the SDK itself). */
    public static final String B2C_AUTHORIZE_PATH = "/" + B2C_TENANT + "/{policy}/oauth2/v2.0/authorize";
    /** Code for B2C access token, form-encoded. */
    public static final Operation B2C_TOKEN = op("b2c-token", Role.LOGIN, HttpMethod.POST,
        "/" + B2C_TENANT + "/{policy}/oauth2/v2.0/token", AuthScheme.NONE, CountryHeader.NONE, false);

    // --- Ford token service ------------------------------------------------------------------------------------
    /** B2C access token for the first CAT: JSON {"idpToken"}. */
    public static final Operation CAT_MINT = op("cat-mint", Role.TOKEN, HttpMethod.POST,
        "/cat-with-b2c-access-token", AuthScheme.NONE, CountryHeader.NONE, false);
    /** CAT refresh token for a new CAT (the refresh token usually rotates): JSON {"refresh_token"}. */
    public static final Operation CAT_REFRESH = op("cat-refresh", Role.TOKEN, HttpMethod.POST,
        "/cat-with-refresh-token", AuthScheme.NONE, CountryHeader.NONE, false);

    // --- Autonomic token exchange ------------------------------------------------------------------------------
    /** CAT for a TMC token, form-encoded RFC 8693 token exchange. */
    public static final Operation TMC_EXCHANGE = op("tmc-exchange", Role.AUTONOMIC_AUTH, HttpMethod.POST, "",
        AuthScheme.NONE, CountryHeader.NONE, false);

    // --- reading -----------------------------------------------------------------------------------------------
    /** Vehicle list with profiles and capabilities; answers 207 Multi-Status on success. Body {"dashboardRefreshRequest":"All"}. */
    public static final Operation VEHICLE_DASHBOARD = new Operation("vehicles", Role.VEHICLE, HttpMethod.POST,
        "/expdashboard/v1/details/", AuthScheme.CAT, true, CountryHeader.COUNTRY_CODE_CAMEL, true);
    /** The dashboard request body. */
    public static final String VEHICLE_DASHBOARD_BODY = "{\"dashboardRefreshRequest\":\"All\"}";
    /** Garage: the alternative vehicle list. */
    public static final Operation GARAGE = op("garage", Role.VEHICLE, HttpMethod.GET,
        "/fpcpl-user-garage-service/v1/user/garage", AuthScheme.CAT, CountryHeader.COUNTRY_CODE_CAMEL, true);
    /** Full telemetry of one car. */
    public static final Operation TELEMETRY = op("telemetry", Role.AUTONOMIC, HttpMethod.GET,
        "/v1/telemetry/sources/fordpass/vehicles/{vin}?lrdt=" + encode(TELEMETRY_LRDT), AuthScheme.TMC,
        CountryHeader.NONE, false);
    /** Websocket push of telemetry changes. */
    public static final String TELEMETRY_WEBSOCKET_PATH = "/v1beta/telemetry/sources/fordpass/vehicles/{vin}/ws";
    /** Messages of the message center, under result.messages. */
    public static final Operation MESSAGES = op("messages", Role.FOUNDATIONAL, HttpMethod.GET,
        "/messagecenter/v3/messages", AuthScheme.CAT, CountryHeader.COUNTRY_CODE_DASHED, true);

    private FordApi() {
    }

    /** The Azure AD B2C policy of a region's brand and locale. */
    public static String b2cPolicy(Region region) {
        return region.isLincoln() ? "B2C_1A_SignInSignUp_Lincoln_" + region.locale()
            : "B2C_1A_SignInSignUp_" + region.locale();
    }

    /** Where the login page sends the browser at the end; the person pastes this URL back. */
    public static String redirectUri(Region region) {
        return region.isLincoln() ? "lincolnapp://userauthorized" : "fordapp://userauthorized";
    }

    /** The authorize URL a person opens to sign in (ford-api §3.1). */
    public static URI authorizeUrl(Endpoints endpoints, Region region, String codeChallenge) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("redirect_uri", redirectUri(region));
        query.put("response_type", "code");
        query.put("max_age", B2C_MAX_AGE);
        query.put("code_challenge", codeChallenge);
        query.put("code_challenge_method", "S256");
        query.put("scope", B2C_SCOPE);
        query.put("client_id", B2C_CLIENT_ID);
        query.put("ui_locales", region.locale());
        query.put("language_code", region.locale());
        query.put("ford_application_id", region.applicationId());
        query.put("country_code", region.countryCode());
        String path = B2C_AUTHORIZE_PATH.replace("{policy}", b2cPolicy(region));
        return URI.create(endpoints.baseUrl(Role.LOGIN, region) + path + "?" + formEncode(query));
    }

    /** The telemetry websocket URI of a car. */
    public static URI telemetryWebSocket(Endpoints endpoints, Region region, String vin) {
        return URI.create(endpoints.baseUrl(Role.AUTONOMIC_WEBSOCKET, region)
            + TELEMETRY_WEBSOCKET_PATH.replace("{vin}", encodePath(vin)));
    }

    /** Form/query encoding with spaces as {@code %20}, never {@code +}: Ford's login refuses the plus. */
    public static String formEncode(Map<String, String> values) {
        StringJoiner joiner = new StringJoiner("&");
        values.forEach((k, v) -> joiner.add(encode(k) + "=" + encode(v)));
        return joiner.toString();
    }

    /** URL-encodes one value, spaces as {@code %20}. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String encodePath(String segment) {
        return encode(segment);
    }
}
