package io.github.connectedcar.usage;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link UsageStore} holds for one account. Immutable.
 *
 * @param requests        when each recorded request was sent, oldest first
 * @param statusRefreshes per VIN, when each recorded status refresh was sent, oldest first
 * @param lockout         the authentication failures in a row and the lockout they caused
 */
public record RecordedUsage(List<Instant> requests, Map<String, List<Instant>> statusRefreshes,
                            AccountLockout lockout) {
    /** Shared: the usage is immutable, and an account with nothing recorded is asked for it on every request. */
    private static final RecordedUsage NONE = new RecordedUsage(List.of(), Map.of(), AccountLockout.NONE);

    /**
     * Copies the lists.
     *
     * @param requests        the counted requests, oldest first
     * @param statusRefreshes the counted status refreshes, per vehicle
     * @param lockout         the authentication failures in a row and the lockout
     */
    public RecordedUsage {
        Objects.requireNonNull(lockout, "lockout");
        requests = List.copyOf(Objects.requireNonNull(requests, "requests"));
        Objects.requireNonNull(statusRefreshes, "statusRefreshes");
        statusRefreshes = Map.copyOf(statusRefreshes.entrySet().stream()
            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, entry -> List.copyOf(entry.getValue()))));
    }

    /** {@return nothing recorded} */
    public static RecordedUsage none() {
        return NONE;
    }

    /**
     * The latest recorded status refresh of a vehicle, if any.
     *
     * @param vin the vehicle
     * @return when it was last refreshed; empty when never
     */
    public Optional<Instant> lastStatusRefresh(String vin) {
        return statusRefreshes.getOrDefault(vin, List.of()).stream().max(Instant::compareTo);
    }
}
