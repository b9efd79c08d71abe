package io.github.connectedcar.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Writes items in batches, one write at a time: items added while a write runs go together into the next one. Each
 * caller's {@link #add} completes when the write holding its item has finished; a failed write is handed to the
 * error handler and completes its callers normally, so a failure never reaches them. Thread-safe.
 */
public final class CoalescingWriter<T> {
    private final Function<List<T>, Mono<Void>> write;
    private final Consumer<Throwable> onError;
    private final Object lock = new Object();
    /** Guarded by {@code lock}. */
    private List<T> pending = new ArrayList<>();
    /** Completes the callers of {@code pending}; guarded by {@code lock}. */
    private Sinks.Empty<Void> pendingDone = Sinks.empty();
    /** Guarded by {@code lock}. */
    private boolean writing;

    /**
     * @param write   writes a batch (lazy)
     * @param onError told of each failed write
     */
    public CoalescingWriter(Function<List<T>, Mono<Void>> write, Consumer<Throwable> onError) {
        this.write = Objects.requireNonNull(write, "write");
        this.onError = Objects.requireNonNull(onError, "onError");
    }

    /** Adds the item to the next write. Lazy; completes (never fails) when that write has finished or failed. */
    public Mono<Void> add(T item) {
        return Mono.defer(() -> {
            Sinks.Empty<Void> done;
            boolean start;
            synchronized (lock) {
                pending.add(item);
                done = pendingDone;
                start = !writing;
                writing = true;
            }
            if (start) {
                writeNext();
            }
            return done.asMono();
        });
    }

    private void writeNext() {
        List<T> batch;
        Sinks.Empty<Void> done;
        synchronized (lock) {
            if (pending.isEmpty()) {
                writing = false;
                return;
            }
            batch = pending;
            done = pendingDone;
            pending = new ArrayList<>();
            pendingDone = Sinks.empty();
        }
        Mono<Void> attempt;
        try {
            attempt = Objects.requireNonNull(write.apply(List.copyOf(batch)), "write returned null");
        } catch (RuntimeException e) {
            attempt = Mono.error(e);
        }
        attempt.subscribe(null, error -> {
            report(error);
            done.tryEmitEmpty();
            writeNext();
        }, () -> {
            done.tryEmitEmpty();
            writeNext();
        });
    }

    private void report(Throwable error) {
        try {
            onError.accept(error);
        } catch (RuntimeException ignored) {
            // A failing error handler must not stop the writes.
        }
    }
}
