package io.github.connectedcar.testing;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Lets a non-blocking thread cancel a timer. Cancelling a Reactor delay or interval (a timeout won, a lease renewal
 * ended) removes its task from the JDK's timer queue under a lock held for microseconds; Reactor's own integration
 * allows {@code offer} and {@code take} of that queue but not yet {@code remove}, so BlockHound failed a test at
 * random when another thread held the lock at that instant. Found through ServiceLoader by every module whose tests
 * use core's test jar.
 */
public final class TimerQueueBlockHoundIntegration implements BlockHoundIntegration {
    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue", "remove");
    }
}
