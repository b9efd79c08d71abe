package io.github.connectedcar.usage;

import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * Keeps usage in this process only: a restarted process starts with a fresh budget and refresh allowance. The
 * default; one instance per client unless shared on purpose (clients sharing one then share its limits exactly).
 * Thread-safe; never fails.
 */
public final class InMemoryUsageStore implements UsageStore {
    private final ConcurrentHashMap<String, RecordedUsage> accounts = new ConcurrentHashMap<>();

    @Override
    public Mono<RecordedUsage> load(String account) {
        Objects.requireNonNull(account, "account");
        return Mono.fromSupplier(() -> accounts.getOrDefault(account, RecordedUsage.none()));
    }

    @Override
    public Mono<RequestPermit> acquireRequest(String account, Instant now, RequestLimits limits) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(limits, "limits");
        return change(account, book -> book.acquireRequest(now, limits));
    }

    @Override
    public Mono<Void> releaseRequest(String account, Instant at) {
        Objects.requireNonNull(at, "at");
        return change(account, book -> book.releaseRequest(at)).then();
    }

    @Override
    public Mono<RefreshPermit> acquireStatusRefresh(String account, String vin, Instant now, Duration minInterval,
                                                    Instant keepSince) {
        Objects.requireNonNull(vin, "vin");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(minInterval, "minInterval");
        Objects.requireNonNull(keepSince, "keepSince");
        return change(account, book -> book.acquireStatusRefresh(vin, now, minInterval, keepSince));
    }

    @Override
    public Mono<Void> forgetStatusRefresh(String account, String vin, Instant at) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(vin, "vin");
        Objects.requireNonNull(at, "at");
        return change(account, book -> book.forgetStatusRefresh(vin, at)).then();
    }

    @Override
    public Mono<AccountLockout> recordAuthentication(String account, Instant at, boolean failed, int failuresToOpen,
                                                     Duration coolDown) {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(coolDown, "coolDown");
        return change(account, book -> {
            book.recordAuthentication(at, failed, failuresToOpen, coolDown);
            return book.lockout;
        });
    }

    /** Applies a rule to the account's book atomically (one compute per account) and gives the rule's result. */
    private <T> Mono<T> change(String account, Function<UsageBook, T> rule) {
        Objects.requireNonNull(account, "account");
        return Mono.fromSupplier(() -> {
            List<T> result = new ArrayList<>(1);
            accounts.compute(account, (key, usage) -> {
                UsageBook book = new UsageBook(usage == null ? RecordedUsage.none() : usage);
                result.add(rule.apply(book));
                return book.toUsage();
            });
            return result.get(0);
        });
    }

    @Override
    public String toString() {
        return "InMemoryUsageStore[accounts=" + accounts.keySet() + "]";
    }
}
