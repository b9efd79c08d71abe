package io.github.connectedcar.simulator.record;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.connectedcar.simulator.protocol.FordProtocol;

/**
 * The most recent requests the simulator received (bounded), redacted as they are recorded. Thread-safe.
 */
public final class RequestLog {

    /** What replaces a secret value. */
    public static final String REDACTED = "<redacted>";
    /** How many requests are kept by default. */
    public static final int DEFAULT_CAPACITY = 5000;

    private static final Set<String> SECRET_HEADERS = Set.of("auth-token", "authorization");
    private static final Pattern SECRET_QUERY = Pattern.compile(
        "(?i)(^|&)(code|code_challenge|code_verifier|refresh_token|subject_token|access_token|id_token|idpToken)=[^&]*");

    private final int capacity;
    private final Deque<RecordedRequest> entries = new ArrayDeque<>();

    public RequestLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1");
        }
        this.capacity = capacity;
    }

    /**
     * Records a request; {@code rawHeaders} must have lower-case names. Only {@link FordProtocol#RECORDED_HEADERS}
     * are kept, secrets redacted.
     */
    public void record(Instant time, String method, String path, String rawQuery, Map<String, String> rawHeaders,
                       String account, int status) {
        Map<String, String> kept = new LinkedHashMap<>();
        rawHeaders.forEach((name, value) -> {
            if (FordProtocol.RECORDED_HEADERS.contains(name)) {
                kept.put(name, SECRET_HEADERS.contains(name) ? redactCredential(value) : value);
            }
        });
        boolean authToken = rawHeaders.containsKey("auth-token");
        boolean bearer = rawHeaders.getOrDefault("authorization", "").regionMatches(true, 0, "Bearer ", 0, 7);
        AuthKind kind = authToken && bearer ? AuthKind.AUTH_TOKEN_AND_BEARER
            : authToken ? AuthKind.AUTH_TOKEN : bearer ? AuthKind.BEARER : AuthKind.NONE;
        RecordedRequest entry = new RecordedRequest(time, method, path, redactQuery(rawQuery), kept, kind, account,
            status);
        synchronized (entries) {
            entries.addLast(entry);
            while (entries.size() > capacity) {
                entries.removeFirst();
            }
        }
    }

    /** Every recorded request, oldest first. */
    public List<RecordedRequest> all() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    /** The recorded requests matching a condition, oldest first. */
    public List<RecordedRequest> matching(Predicate<RecordedRequest> condition) {
        return all().stream().filter(condition).toList();
    }

    /** The recorded requests with this method whose path starts with {@code pathPrefix}. */
    public List<RecordedRequest> matching(String method, String pathPrefix) {
        String m = method.toUpperCase(Locale.ROOT);
        return matching(r -> r.method().equals(m) && r.path().startsWith(pathPrefix));
    }

    public void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }

    private static String redactCredential(String value) {
        int space = value.indexOf(' ');
        return space > 0 ? value.substring(0, space) + " " + REDACTED : REDACTED;
    }

    private static String redactQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        Matcher m = SECRET_QUERY.matcher(rawQuery);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + m.group(2) + "=" + REDACTED));
        }
        m.appendTail(out);
        return out.toString();
    }
}
