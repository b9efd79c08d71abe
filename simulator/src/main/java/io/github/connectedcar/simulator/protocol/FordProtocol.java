package io.github.connectedcar.simulator.protocol;

import java.util.Map;
import java.util.Set;

/**
 * The fixed identifiers of Ford's protocol that the simulator checks, each kept once (see docs/ford-api.md §2 and §3).
 * Values are observed behaviour of Ford's cloud, not documented by Ford.
 */
public final class FordProtocol {

    /** The Azure AD B2C tenant in every login path. */
    public static final String B2C_TENANT = "4566605f-43a7-400a-946e-89cc9fdb0bd7";
    /** The FordPass app's OAuth client id (also the first word of its scope). */
    public static final String CLIENT_ID = "09852200-05fd-41f6-8c21-d36d3497dc64";
    /** The scope the app asks for. */
    public static final String SCOPE = CLIENT_ID + " openid";
    /** Where B2C sends a Ford sign-in; a browser cannot follow it, a person copies it. */
    public static final String FORD_REDIRECT_URI = "fordapp://userauthorized";
    /** Where B2C sends a Lincoln sign-in. */
    public static final String LINCOLN_REDIRECT_URI = "lincolnapp://userauthorized";
    /** Prefix of the sign-in policy; the locale (and for Lincoln {@code Lincoln_}) follows. */
    public static final String POLICY_PREFIX = "B2C_1A_SignInSignUp_";
    /** The Autonomic token exchange's client id. */
    public static final String AUTONOMIC_CLIENT_ID = "fordpass-prod";
    /** The Autonomic token exchange's subject issuer. */
    public static final String AUTONOMIC_SUBJECT_ISSUER = "fordpass";
    /** Grant type of the Autonomic token exchange. */
    public static final String TOKEN_EXCHANGE_GRANT = "urn:ietf:params:oauth:grant-type:token-exchange";
    /** Subject token type of the Autonomic token exchange. */
    public static final String JWT_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:jwt";

    /** Application-Id of North America (and the rest of the world). */
    public static final String APP_ID_NORTH_AMERICA = "BFE8C5ED-D687-4C19-A5DD-F92CDFC4503A";
    /** Application-Id of Europe. */
    public static final String APP_ID_EUROPE = "667D773E-1BDC-4139-8AD0-2B16474E8DC7";
    /** Application-Id of Asia Pacific. */
    public static final String APP_ID_ASIA_PACIFIC = "39CD6590-B1B9-42CB-BEF9-0DC1FDB96260";
    /** Application-Id of Africa. */
    public static final String APP_ID_AFRICA = "71AA9ED7-B26B-4C15-835E-9F35CC238561";
    /** Application-Id of South America. */
    public static final String APP_ID_SOUTH_AMERICA = "C1DFFEF5-5BA5-486A-9054-8B39A9DF9AFC";
    /** Application-Id of Lincoln North America. */
    public static final String APP_ID_LINCOLN = "45133B88-0671-4AAF-B8D1-99E684ED4E45";

    /** Every Application-Id Ford's services accept, with the region it stands for. */
    public static final Map<String, String> APPLICATION_IDS = Map.of(
        APP_ID_NORTH_AMERICA, "North America",
        APP_ID_EUROPE, "Europe",
        APP_ID_ASIA_PACIFIC, "Asia Pacific",
        APP_ID_AFRICA, "Africa",
        APP_ID_SOUTH_AMERICA, "South America",
        APP_ID_LINCOLN, "Lincoln North America");

    /** Request headers kept in the request record (values of secret ones are redacted there). */
    public static final Set<String> RECORDED_HEADERS = Set.of("application-id", "user-agent", "content-type",
        "auth-token", "authorization", "x-vin", "vin", "deviceid", "locale", "countrycode", "country-code",
        "accept-encoding");

    private FordProtocol() {
    }
}
