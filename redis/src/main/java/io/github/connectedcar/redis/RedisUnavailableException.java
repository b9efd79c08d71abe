package io.github.connectedcar.redis;

import io.github.connectedcar.auth.TokenStoreException;

/**
 * Redis could not be reached, refused the connection, or did not answer within the command timeout. The message
 * names Redis, its address (never a password) and what was being done. The store reconnects by itself once Redis is
 * back: make the same call again then. No other store is used meanwhile.
 */
public class RedisUnavailableException extends TokenStoreException {
    private final String address;

    public RedisUnavailableException(String message, String address, Throwable cause) {
        super(message, cause);
        this.address = address;
    }

    /** The Redis server, as {@code redis://host:port[/db]}, without credentials. */
    public String address() {
        return address;
    }
}
