package io.github.connectedcar.ford;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The base URL of every role Ford's cloud plays. Ford moves its hosts, so each one can be overridden, and
 * {@link #allAt(String)} routes every role to one server (a simulator or a test server) while keeping each role's
 * path, so {@code https://api.autonomic.ai/v1/telemetry/...} becomes {@code http://127.0.0.1:8080/v1/telemetry/...}.
 * Plain {@code http://} is accepted only for loopback hosts. Immutable.
 */
public final class Endpoints {

    /** The parts of Ford's cloud; each has a base URL. */
    public enum Role {
        /** Azure AD B2C login (authorize page and token endpoint). Empty default: the region's login host is used. */
        LOGIN(""),
        /** Ford's token service (CAT mint and refresh). */
        TOKEN("https://api.foundational.ford.com/api/token/v2"),
        /** Ford account and vehicle services (vehicle list, garage, electrification, climate). */
        VEHICLE("https://api.vehicle.ford.com/api"),
        /** Ford foundational services (message center). */
        FOUNDATIONAL("https://api.foundational.ford.com/api"),
        /** Ford MPS services (guard mode, zone lighting). */
        MPS("https://api.mps.ford.com"),
        /** Autonomic's token exchange (CAT to TMC). */
        AUTONOMIC_AUTH("https://accounts.autonomic.ai/v1/auth/oidc/token"),
        /** Autonomic telemetry and commands. */
        AUTONOMIC("https://api.autonomic.ai"),
        /** Autonomic websocket push. */
        AUTONOMIC_WEBSOCKET("wss://api.autonomic.ai");

        private final String defaultUrl;

        Role(String defaultUrl) {
            this.defaultUrl = defaultUrl;
        }

        /** {@return the role's base URL at Ford} */
        public String defaultUrl() {
            return defaultUrl;
        }
    }

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");

    private static final Endpoints FORD = new Endpoints(new EnumMap<>(Role.class), null);

    private final EnumMap<Role, URI> overrides;
    private final URI singleBase;
    /** The base URL of every role but LOGIN (which depends on the region), worked out once: asked on every call. */
    private final EnumMap<Role, URI> resolved = new EnumMap<>(Role.class);

    private Endpoints(EnumMap<Role, URI> overrides, URI singleBase) {
        this.overrides = overrides;
        this.singleBase = singleBase;
        for (Role role : Role.values()) {
            if (role != Role.LOGIN) {
                resolved.put(role, resolve(role, role.defaultUrl()));
            }
        }
    }

    /** {@return Ford's production hosts} */
    public static Endpoints ford() {
        return FORD;
    }

    /**
     * Every role at one base URL, each under its usual path; websockets use {@code ws}/{@code wss} of the same host.
     *
     * @param baseUrl the base URL, such as a simulator's {@code http://127.0.0.1:8080}
     * @return the endpoints
     * @throws IllegalArgumentException for a malformed URL, or plain http to a non-loopback host
     */
    public static Endpoints allAt(String baseUrl) {
        return new Endpoints(new EnumMap<>(Role.class), checked(Role.AUTONOMIC, baseUrl));
    }

    /**
     * A copy with one role at another base URL.
     *
     * @param role    the role
     * @param baseUrl its base URL
     * @return the copy; this one is unchanged
     * @throws IllegalArgumentException for a malformed URL, or plain http to a non-loopback host
     */
    public Endpoints with(Role role, String baseUrl) {
        Objects.requireNonNull(role, "role");
        EnumMap<Role, URI> copy = new EnumMap<>(Role.class);
        copy.putAll(overrides);
        copy.put(role, checked(role, baseUrl));
        return new Endpoints(copy, singleBase);
    }

    /**
     * The base URL of a role, without a trailing slash.
     *
     * @param role   the role
     * @param region the account's region (it chooses the login host)
     * @return the base URL
     */
    public URI baseUrl(Role role, Region region) {
        Objects.requireNonNull(role, "role");
        return role == Role.LOGIN ? resolve(role, region.loginHost()) : resolved.get(role);
    }

    private URI resolve(Role role, String defaultUrl) {
        URI override = overrides.get(role);
        if (override != null) {
            return override;
        }
        if (singleBase == null) {
            return URI.create(defaultUrl);
        }
        URI original = URI.create(defaultUrl);
        String scheme = singleBase.getScheme();
        if (role == Role.AUTONOMIC_WEBSOCKET) {
            scheme = "https".equals(scheme) ? "wss" : "ws";
        }
        String path = original.getRawPath() == null ? "" : original.getRawPath();
        return URI.create(scheme + "://" + singleBase.getRawAuthority() + stripSlash(singleBase.getRawPath()) + path);
    }

    /** {@return whether every role is routed to one server} */
    public boolean isSingleBase() {
        return singleBase != null;
    }

    private static URI checked(Role role, String baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        URI uri;
        try {
            uri = new URI(stripSlash(baseUrl.strip()));
        } catch (URISyntaxException e) {
            // Not chained: the cause's message repeats the whole URL, password included.
            throw new IllegalArgumentException("Not a valid URL for " + role + ": '" + redacted(baseUrl) + "' ("
                + e.getReason() + " at index " + e.getIndex() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !Map.of("http", 1, "https", 1, "ws", 1, "wss", 1).containsKey(scheme)) {
            throw new IllegalArgumentException("Not an absolute http(s) URL for " + role + ": '" + redacted(baseUrl)
                + "'. Give something like https://api.example.com or http://127.0.0.1:8080");
        }
        if (uri.getRawUserInfo() != null) {
            // It would show in every toString() and log line that names the host; and it is never sent anyway.
            throw new IllegalArgumentException("The URL for " + role + " must not hold a user name or password; "
                + "give only scheme, host, port and path, such as https://sim.example.com");
        }
        if ((scheme.equals("http") || scheme.equals("ws")) && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException("Plain " + scheme + " is allowed only to loopback hosts (localhost, "
                + "127.0.0.1, [::1]); use https for " + uri.getHost());
        }
        return uri;
    }

    /**
     * The URL as a message may show it: everything up to its last {@code @} after the scheme left out, since that
     * may be a user name and password (even one holding a {@code /} or a space, which no parser would call user
     * info).
     */
    static String redacted(String url) {
        int at = url.lastIndexOf('@');
        if (at < 0) {
            return url;
        }
        int scheme = url.indexOf("://");
        return (scheme >= 0 && scheme < at ? url.substring(0, scheme + 3) : "") + "***" + url.substring(at);
    }

    private static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        // 127.0.0.0/8 as an IPv4 literal only: a DNS name such as 127.example.com may point anywhere.
        return h.equals("localhost") || IPV4_LOOPBACK.matcher(h).matches() || h.equals("[::1]") || h.equals("::1");
    }

    private static String stripSlash(String s) {
        if (s == null) {
            return "";
        }
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public String toString() {
        return singleBase != null ? "Endpoints[all at " + singleBase + ", overrides " + overrides + "]"
            : "Endpoints[ford, overrides " + overrides + "]";
    }
}
