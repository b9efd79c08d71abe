package io.connectedcar.http;

/** The HTTP methods Ford's services are called with. */
public enum HttpMethod {
    GET, POST, PUT, DELETE;

    /** {@return whether a request with this method may be repeated without changing anything on the server} */
    public boolean isIdempotentByDefault() {
        return this == GET;
    }
}
