package io.github.connectedcar.auth.internal;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Runs at most one piece of work at a time and lets every caller that arrives meanwhile share its result.
 * The work is subscribed by this class, not by the callers: a caller that cancels stops waiting, but never cancels
 * the work for the others or leaves the flight marked as running (which would wedge every later caller). The work
 * must end by itself (give it a timeout).
 */
final class SingleFlight<T> {
    private final AtomicReference<Sinks.One<T>> inFlight = new AtomicReference<>();

    Mono<T> run(Supplier<Mono<T>> work) {
        return Mono.defer(() -> {
            Sinks.One<T> mine = Sinks.one();
            Sinks.One<T> running = inFlight.compareAndExchange(null, mine);
            if (running != null) {
                return running.asMono();
            }
            Mono<T> started;
            try {
                started = work.get();
            } catch (RuntimeException e) {
                started = Mono.error(e);
            }
            // Clear before emitting, so a caller woken by the value that asks again starts from the fresh cache.
            started.subscribe(
                value -> {
                    inFlight.set(null);
                    mine.tryEmitValue(value);
                },
                error -> {
                    inFlight.set(null);
                    mine.tryEmitError(error);
                },
                () -> {
                    if (inFlight.compareAndSet(mine, null)) {
                        mine.tryEmitEmpty();
                    }
                });
            return mine.asMono();
        });
    }

    /** Completes once no work is running: at once when none is, else when the running work ends, however. Lazy. */
    Mono<Void> idle() {
        return Mono.defer(() -> {
            Sinks.One<T> running = inFlight.get();
            return running == null ? Mono.<Void>empty() : running.asMono().then().onErrorResume(error -> Mono.empty());
        });
    }

    boolean isRunning() {
        return inFlight.get() != null;
    }
}
