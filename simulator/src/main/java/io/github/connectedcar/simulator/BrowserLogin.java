package io.github.connectedcar.simulator;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;

/**
 * Plays the person at the browser in the sign-in of docs/ford-api.md §3.1: opens the authorize URL, fills in the sign-in
 * form with the given credentials, submits it, and returns the {@code fordapp://userauthorized/?code=…} URL from the
 * final redirect's {@code Location} header (a browser cannot follow it; a person copies it). Works against the
 * simulator's login page, which needs no JavaScript; Ford's real page cannot be driven this way.
 *
 * <p>Non-blocking (Reactor Netty, redirects not followed); {@link #signInBlocking} is the convenience for tests and
 * scripts. Credentials are never logged or put into exception messages.
 */
public final class BrowserLogin {

    /** Timeout of {@link #signInBlocking(String, String, String)}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final String USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) connectedcar-simulator BrowserLogin";
    private static final Pattern FORM = Pattern.compile("<form\\b[^>]*\\baction=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("\\b(name|value|type)=\"([^\"]*)\"",
        Pattern.CASE_INSENSITIVE);
    private static final Pattern ERROR = Pattern.compile("<div class=\"error[^\"]*\"[^>]*>([^<]*)</div>");

    private final HttpClient client;

    /** A browser with a fresh Reactor Netty client. */
    public BrowserLogin() {
        this(HttpClient.create());
    }

    /** A browser on the given client (redirect following is switched off on a copy). */
    public BrowserLogin(HttpClient client) {
        this.client = Objects.requireNonNull(client, "client").followRedirect(false)
            .headers(h -> h.set(HttpHeaderNames.USER_AGENT, USER_AGENT));
    }

    /** One page as the browser received it. */
    private record Page(int status, String location, String body) {
    }

    /**
     * Signs in. Lazy: nothing is sent until subscription.
     *
     * @return the redirect URL holding the code, e.g. {@code fordapp://userauthorized/?code=…}; errors with
     *     {@link BrowserLoginException} when the credentials are refused or the login page reports an error
     */
    public Mono<String> signIn(String authorizeUrl, String username, String password) {
        Objects.requireNonNull(authorizeUrl, "authorizeUrl");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        return get(authorizeUrl).flatMap(page -> {
            if (page.status() == 302 && page.location() != null) {
                return Mono.error(redirectError(page.location()));
            }
            if (page.status() != 200) {
                return Mono.error(new BrowserLoginException("The sign-in page answered " + page.status()
                    + pageError(page.body())));
            }
            Matcher form = FORM.matcher(page.body());
            if (!form.find()) {
                return Mono.error(new BrowserLoginException("The sign-in page has no form"));
            }
            String action = URI.create(authorizeUrl).resolve(unescape(form.group(1))).toString();
            return post(action, fields(page.body(), username, password));
        }).flatMap(page -> {
            String location = page.location();
            if (page.status() == 302 && location != null && location.contains("?code=")) {
                return Mono.just(location);
            }
            if (page.status() == 302 && location != null) {
                return Mono.error(redirectError(location));
            }
            return Mono.error(new BrowserLoginException("Sign-in refused (HTTP " + page.status() + ")"
                + pageError(page.body())));
        });
    }

    /**
     * {@link #signIn} waiting at most {@link #DEFAULT_TIMEOUT}.
     *
     * @throws BrowserLoginException when sign-in fails
     * @throws IllegalStateException on timeout
     */
    public String signInBlocking(String authorizeUrl, String username, String password) {
        return signInBlocking(authorizeUrl, username, password, DEFAULT_TIMEOUT);
    }

    /**
     * {@link #signIn} waiting at most {@code timeout}.
     *
     * @throws BrowserLoginException when sign-in fails
     * @throws IllegalStateException on timeout
     */
    public String signInBlocking(String authorizeUrl, String username, String password, Duration timeout) {
        return signIn(authorizeUrl, username, password).block(timeout);
    }

    private Mono<Page> get(String url) {
        return client.get().uri(url).responseSingle((response, body) -> body.asString(StandardCharsets.UTF_8)
            .defaultIfEmpty("")
            .map(text -> new Page(response.status().code(), response.responseHeaders().get("Location"), text)));
    }

    private Mono<Page> post(String url, Map<String, String> fields) {
        StringBuilder form = new StringBuilder();
        fields.forEach((name, value) -> {
            if (form.length() > 0) {
                form.append('&');
            }
            form.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return client.headers(h -> h.set(HttpHeaderNames.CONTENT_TYPE, "application/x-www-form-urlencoded"))
            .post().uri(url)
            .send(ByteBufFlux.fromString(Mono.just(form.toString())))
            .responseSingle((response, body) -> body.asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                .map(text -> new Page(response.status().code(), response.responseHeaders().get("Location"), text)));
    }

    /** Every named input of the form, with the credentials filled into the username and password fields. */
    private static Map<String, String> fields(String html, String username, String password) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = INPUT.matcher(html);
        while (input.find()) {
            Map<String, String> attributes = new LinkedHashMap<>();
            Matcher a = ATTRIBUTE.matcher(input.group());
            while (a.find()) {
                attributes.put(a.group(1).toLowerCase(java.util.Locale.ROOT), unescape(a.group(2)));
            }
            String name = attributes.get("name");
            if (name == null) {
                continue;
            }
            String type = attributes.getOrDefault("type", "text");
            if (type.equalsIgnoreCase("password")) {
                fields.put(name, password);
            } else if (type.equalsIgnoreCase("email") || name.equalsIgnoreCase("username")
                || name.equalsIgnoreCase("signInName")) {
                fields.put(name, username);
            } else {
                fields.put(name, attributes.getOrDefault("value", ""));
            }
        }
        return fields;
    }

    private static BrowserLoginException redirectError(String location) {
        String description = "";
        int q = location.indexOf('?');
        if (q >= 0) {
            for (String pair : location.substring(q + 1).split("&")) {
                if (pair.startsWith("error_description=") || (description.isEmpty() && pair.startsWith("error="))) {
                    description = URLDecoder.decode(pair.substring(pair.indexOf('=') + 1), StandardCharsets.UTF_8);
                }
            }
        }
        String scheme = location.contains("://") ? location.substring(0, location.indexOf("://") + 3) : "";
        return new BrowserLoginException("The login page redirected to " + scheme + "… with an error: " + description);
    }

    private static String pageError(String html) {
        Matcher m = ERROR.matcher(html);
        return m.find() ? ": " + unescape(m.group(1)) : "";
    }

    private static String unescape(String s) {
        return s.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
