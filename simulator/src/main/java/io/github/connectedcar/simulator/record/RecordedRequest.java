package io.github.connectedcar.simulator.record;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request the simulator received, with secrets redacted: token and code values are replaced by
 * {@value RequestLog#REDACTED} (the {@code Bearer} scheme is kept), so tests can assert which credential kind was
 * sent without the record ever holding one.
 *
 * @param time     simulated time of arrival
 * @param method   HTTP method
 * @param path     path without query
 * @param query    the query with secret parameters redacted, empty if none
 * @param headers  selected headers (lower-case names), redacted
 * @param authKind which credential header was present
 * @param account  the account the credential belongs to, or null when none or unknown
 * @param status   the status answered, 101 for a websocket upgrade, 0 when the connection was reset
 */
public record RecordedRequest(Instant time, String method, String path, String query, Map<String, String> headers,
                              AuthKind authKind, String account, int status) {

    public RecordedRequest {
        headers = Map.copyOf(headers);
    }

    /** A recorded header's (redacted) value. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    @Override
    public String toString() {
        return method + " " + path + (query.isEmpty() ? "" : "?" + query) + " -> " + status + " [" + authKind
            + (account == null ? "" : " " + account) + "]";
    }
}
