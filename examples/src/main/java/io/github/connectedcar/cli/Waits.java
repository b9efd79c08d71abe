package io.github.connectedcar.cli;

import io.github.connectedcar.exception.OperationTimeoutException;
import java.time.Duration;
import reactor.core.publisher.Mono;

/** How the command line waits for the SDK: always with a limit, ending in the SDK's own timeout exception. */
final class Waits {
    private Waits() {
    }

    /**
     * The value of {@code mono}, waiting at most {@code limit}.
     *
     * @throws OperationTimeoutException naming {@code what} when the limit ran out
     */
    static <T> T await(Mono<T> mono, Duration limit, String what) {
        return mono.timeout(limit, Mono.error(() -> new OperationTimeoutException("Gave up waiting for " + what
            + " after " + limit.toSeconds() + " s.", limit))).block();
    }
}
