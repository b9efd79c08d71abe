package io.github.connectedcar.redis;

import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * A process that takes an account's renewal lease and never finishes renewing, to be killed by a test: it prints
 * {@value #RENEWING} once it holds the lease, then keeps extending it until it dies.
 * Arguments: the Redis URI, the account, the lease length in milliseconds.
 */
public final class LeaseHolderProcess {
    static final String RENEWING = "renewing";

    private LeaseHolderProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        RedisTokenStore store = RedisTokenStore.connect(args[0], RedisTokenStoreOptions.defaults()
            .withLeaseLength(Duration.ofMillis(Long.parseLong(args[2]))));
        store.renew(args[1], stored -> {
            System.out.println(RENEWING);
            System.out.flush();
            return Mono.never();
        }).subscribe();
        Thread.sleep(Long.MAX_VALUE);
    }
}
