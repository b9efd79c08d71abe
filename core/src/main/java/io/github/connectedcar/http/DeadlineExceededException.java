package io.github.connectedcar.http;

import java.time.Duration;

/**
 * A call got no complete answer within its deadline ({@link DeadlineOptions}), retries included: it was cancelled
 * and its connection closed. {@link #requestMayHaveBeenSent()} says whether an attempt may have reached the server,
 * so a command that may have been acted on is not sent again.
 */
public class DeadlineExceededException extends TransportException {
    /** See {@link #getDeadline()}. */
    private final Duration deadline;

    /**
     * @param message                what went wrong and what to do about it
     * @param deadline               the deadline that ran out
     * @param requestMayHaveBeenSent whether an attempt may have reached the server
     */
    public DeadlineExceededException(String message, Duration deadline, boolean requestMayHaveBeenSent) {
        super(message, requestMayHaveBeenSent, null);
        this.deadline = deadline;
    }

    /** {@return the deadline that ran out} */
    public Duration getDeadline() {
        return deadline;
    }
}
