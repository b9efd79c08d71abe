package io.github.connectedcar.internal;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Runs a piece of work at most once, on the first subscription, and gives its outcome (value, error or empty) to
 * every subscriber, then and later. The work is subscribed by this class, not by the callers: a caller that cancels
 * stops waiting but never cancels the work, so a command whose POST is on its way is never left half-known and never
 * sent again by a later subscriber. (Reactor's {@code Mono.cache()} would re-subscribe the work after all subscribers
 * cancelled it, which for a command means sending it twice.)
 *
 * @param <T> the work's value
 */
public final class Once<T> {
    private final Supplier<Mono<T>> work;
    private final AtomicBoolean started = new AtomicBoolean();
    private final Sinks.One<T> outcome = Sinks.one();

    public Once(Supplier<Mono<T>> work) {
        this.work = Objects.requireNonNull(work, "work");
    }

    /** The work's outcome; the first subscription starts it. Lazy. */
    public Mono<T> get() {
        return Mono.defer(() -> {
            if (started.compareAndSet(false, true)) {
                Mono<T> started;
                try {
                    started = Objects.requireNonNull(work.get(), "work returned null");
                } catch (RuntimeException e) {
                    started = Mono.error(e);
                }
                started.subscribe(outcome::tryEmitValue, outcome::tryEmitError, outcome::tryEmitEmpty);
            }
            return outcome.asMono();
        });
    }

    /** Whether the work has been started. */
    public boolean isStarted() {
        return started.get();
    }
}
