package io.github.connectedcar.redis;

import io.github.connectedcar.usage.UsageStoreException;

/**
 * Redis could not be reached, refused the connection, or did not answer within the command timeout while a
 * {@link RedisUsageStore} counted or read an account's use. The message names Redis, its address (never a password)
 * and what was being done. The request that needed the count fails: there is no fall-back to counting in this process
 * only, which would let several processes together exceed the account's limits. The store reconnects by itself once
 * Redis is back, with the counts it held intact.
 */
public class RedisUsageUnavailableException extends UsageStoreException {
    private final String address;

    public RedisUsageUnavailableException(String message, String address, Throwable cause) {
        super(message, cause);
        this.address = address;
    }

    /** The Redis server, as {@code redis://host:port[/db]}, without credentials. */
    public String address() {
        return address;
    }
}
