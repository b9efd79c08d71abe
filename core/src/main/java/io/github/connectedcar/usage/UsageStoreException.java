package io.github.connectedcar.usage;

import io.github.connectedcar.exception.ConnectedCarException;

/** Recorded usage could not be read or written; the message names the place and what to do. */
public class UsageStoreException extends ConnectedCarException {
    /**
     * @param message what went wrong and what to do about it
     * @param cause   the error behind this one, or {@code null}
     */
    public UsageStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
