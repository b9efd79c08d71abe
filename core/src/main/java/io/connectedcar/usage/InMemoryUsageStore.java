package io.connectedcar.usage;

import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * Keeps usage in this process only: a restarted process starts with a fresh budget and refresh allowance. The
 * default; one instance per client unless shared on purpose. Thread-safe; never fails.
 */
public final class InMemoryUsageStore implements UsageStore {
    private final ConcurrentHashMap<String, RecordedUsage> accounts = new ConcurrentHashMap<>();

    @Override
    public Mono<RecordedUsage> load(String account) {
        Objects.requireNonNull(account, "account");
        return Mono.fromSupplier(() -> accounts.getOrDefault(account, RecordedUsage.none()));
    }

    @Override
    public Mono<Void> recordRequests(String account, Collection<Instant> sentAt, Instant keepSince) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(keepSince, "keepSince");
        return Mono.fromRunnable(() -> accounts.compute(account, (key, usage) -> {
            UsageBook book = new UsageBook(usage == null ? RecordedUsage.none() : usage);
            book.addRequests(sentAt, keepSince);
            return book.toUsage();
        }));
    }

    @Override
    public Mono<Void> recordStatusRefresh(String account, String vin, Instant at, Instant keepSince) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(vin, "vin");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(keepSince, "keepSince");
        return Mono.fromRunnable(() -> accounts.compute(account, (key, usage) -> {
            UsageBook book = new UsageBook(usage == null ? RecordedUsage.none() : usage);
            book.addStatusRefresh(vin, at, keepSince);
            return book.toUsage();
        }));
    }

    @Override
    public Mono<Void> forgetStatusRefresh(String account, String vin, Instant at) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(vin, "vin");
        Objects.requireNonNull(at, "at");
        return Mono.fromRunnable(() -> accounts.computeIfPresent(account, (key, usage) -> {
            UsageBook book = new UsageBook(usage);
            book.forgetStatusRefresh(vin, at);
            return book.toUsage();
        }));
    }

    @Override
    public String toString() {
        return "InMemoryUsageStore[accounts=" + accounts.keySet() + "]";
    }
}
