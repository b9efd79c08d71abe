package io.github.connectedcar.http;

/**
 * The response body was larger than {@link TransportOptions#maxResponseBytes()}: reading stopped there and the
 * connection was closed, so a hostile or broken server cannot fill the memory. The request reached the server. Not
 * retried: the same request would get the same answer.
 */
public class ResponseTooLargeException extends TransportException {
    /** See {@link #getLimit()}. */
    private final long limit;

    /**
     * @param message what went wrong and what to do about it
     * @param limit   the largest body kept, in bytes
     */
    public ResponseTooLargeException(String message, long limit) {
        super(message, true, null);
        this.limit = limit;
    }

    /** {@return the limit in bytes that the body exceeded} */
    public long getLimit() {
        return limit;
    }
}
