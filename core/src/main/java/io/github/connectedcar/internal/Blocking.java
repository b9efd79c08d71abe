package io.github.connectedcar.internal;

import io.github.connectedcar.exception.OperationTimeoutException;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** How the blocking facade waits: always with a timeout, and with the SDK's own exception when it runs out. */
public final class Blocking {
    private Blocking() {
    }

    public static <T> T await(Mono<T> mono, Duration timeout, String what) {
        return mono.timeout(timeout, Mono.error(() -> new OperationTimeoutException("Gave up waiting for " + what
            + " after " + timeout.toSeconds() + " s", timeout))).block();
    }

    public static <T> List<T> awaitAll(Flux<T> flux, Duration timeout, String what) {
        return await(flux.collectList(), timeout, what);
    }
}
