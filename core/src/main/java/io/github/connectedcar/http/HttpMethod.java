package io.github.connectedcar.http;

/** The HTTP methods Ford's services are called with. */
public enum HttpMethod {
    /** Reads. */
    GET,
    /** Creates: commands, token calls, the vehicle list. */
    POST,
    /** Replaces: guard mode on, zone lighting, the climate profile. */
    PUT,
    /** Removes: guard mode off, zone lighting off. */
    DELETE;

    /** {@return whether a request with this method may be repeated without changing anything on the server} */
    public boolean isIdempotentByDefault() {
        return this == GET;
    }
}
