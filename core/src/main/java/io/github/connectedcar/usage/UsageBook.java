package io.github.connectedcar.usage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One account's usage being changed, and the counting rules every store applies to it (so the stores differ only in
 * where the usage lives and how they make a change atomic). Not thread-safe.
 */
final class UsageBook {
    final List<Instant> requests;
    final Map<String, List<Instant>> statusRefreshes;
    AccountLockout lockout;

    UsageBook(RecordedUsage usage) {
        this.requests = new ArrayList<>(usage.requests());
        this.statusRefreshes = new TreeMap<>();
        usage.statusRefreshes().forEach((vin, instants) -> statusRefreshes.put(vin, new ArrayList<>(instants)));
        this.lockout = usage.lockout();
    }

    /** The rule of {@link UsageStore#acquireRequest}; changes the book only when the request is counted. */
    RequestPermit acquireRequest(Instant now, RequestLimits limits) {
        clampToNow(requests, now);
        requests.removeIf(sent -> !sent.plus(limits.window()).isAfter(now));
        Instant burstStart = now.minus(limits.burstPeriod());
        List<Instant> inBurst = requests.stream().filter(sent -> sent.isAfter(burstStart)).toList();
        Instant nextSlot = requests.isEmpty() ? null : requests.get(0).plus(limits.window());
        if (requests.size() >= limits.perWindow()) {
            return RequestPermit.refused(RequestPermit.Limit.WINDOW, nextSlot, requests.size(), inBurst.size(),
                nextSlot);
        }
        if (inBurst.size() >= limits.perBurst()) {
            Instant burstFrees = inBurst.get(inBurst.size() - limits.perBurst()).plus(limits.burstPeriod());
            return RequestPermit.refused(RequestPermit.Limit.BURST, burstFrees, requests.size(), inBurst.size(),
                nextSlot);
        }
        requests.add(now);
        return RequestPermit.granted(requests.size(), inBurst.size() + 1, requests.get(0).plus(limits.window()));
    }

    /** Whether a request counted at {@code at} was there to take back. */
    boolean releaseRequest(Instant at) {
        return requests.remove(at);
    }

    /** The rule of {@link UsageStore#acquireStatusRefresh}; changes the book only when the refresh is counted. */
    RefreshPermit acquireStatusRefresh(String vin, Instant now, Duration minInterval, Instant keepSince) {
        statusRefreshes.values().forEach(instants -> clampToNow(instants, now));
        Instant last = statusRefreshes.getOrDefault(vin, List.of()).stream().max(Instant::compareTo).orElse(null);
        if (last != null && !minInterval.isZero() && now.isBefore(last.plus(minInterval))) {
            return new RefreshPermit(last, last.plus(minInterval));
        }
        statusRefreshes.computeIfAbsent(vin, key -> new ArrayList<>()).add(now);
        statusRefreshes.values().forEach(instants -> instants.removeIf(instant -> instant.isBefore(keepSince)));
        statusRefreshes.values().removeIf(List::isEmpty);
        return new RefreshPermit(last, null);
    }

    /**
     * The rule of {@link UsageStore#recordAuthentication}: a failure adds to the failures in a row and, from the
     * {@code failuresToOpen}th on, stops calls until {@code coolDown} from now; a success clears both. Whether the
     * book changed.
     */
    boolean recordAuthentication(Instant at, boolean failed, int failuresToOpen, Duration coolDown) {
        AccountLockout before = lockout;
        if (!failed) {
            lockout = AccountLockout.NONE;
        } else {
            int failures = before.failuresInARow() + 1;
            lockout = new AccountLockout(failures, failures >= failuresToOpen ? at.plus(coolDown)
                : before.lockedUntil());
        }
        return !lockout.equals(before);
    }

    /** An instant after {@code now} was recorded before the clock was set back: it counts as sent now. Sorts. */
    private static void clampToNow(List<Instant> instants, Instant now) {
        instants.replaceAll(instant -> instant.isAfter(now) ? now : instant);
        instants.sort(null);
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
        return new RecordedUsage(requests, statusRefreshes, lockout);
    }
}
