package io.connectedcar.usage;

import io.connectedcar.exception.ConnectedCarException;

/** Recorded usage could not be read or written; the message names the place and what to do. */
public class UsageStoreException extends ConnectedCarException {
    public UsageStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
