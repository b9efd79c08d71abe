package io.connectedcar.usage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One account's usage being changed: the shared rules of both stores (sorted, old entries dropped). Not thread-safe. */
final class UsageBook {
    final List<Instant> requests;
    final Map<String, List<Instant>> statusRefreshes;

    UsageBook(RecordedUsage usage) {
        this.requests = new ArrayList<>(usage.requests());
        this.statusRefreshes = new TreeMap<>();
        usage.statusRefreshes().forEach((vin, instants) -> statusRefreshes.put(vin, new ArrayList<>(instants)));
    }

    void addRequests(Collection<Instant> sentAt, Instant keepSince) {
        requests.addAll(sentAt);
        requests.removeIf(instant -> instant.isBefore(keepSince));
        requests.sort(null);
    }

    void addStatusRefresh(String vin, Instant at, Instant keepSince) {
        statusRefreshes.computeIfAbsent(vin, key -> new ArrayList<>()).add(at);
        statusRefreshes.values().forEach(instants -> {
            instants.removeIf(instant -> instant.isBefore(keepSince));
            instants.sort(null);
        });
        statusRefreshes.values().removeIf(List::isEmpty);
    }

    /** Whether anything was removed. */
    boolean forgetStatusRefresh(String vin, Instant at) {
        List<Instant> instants = statusRefreshes.get(vin);
        if (instants == null || !instants.remove(at)) {
            return false;
        }
        if (instants.isEmpty()) {
            statusRefreshes.remove(vin);
        }
        return true;
    }

    RecordedUsage toUsage() {
        return new RecordedUsage(requests, statusRefreshes);
    }
}
