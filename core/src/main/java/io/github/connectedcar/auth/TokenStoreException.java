package io.github.connectedcar.auth;

import io.github.connectedcar.exception.ConnectedCarException;

/** Stored tokens could not be read or written; the message names the place and what to do. */
public class TokenStoreException extends ConnectedCarException {
    public TokenStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
