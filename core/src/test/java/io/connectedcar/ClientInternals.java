package io.connectedcar;

import io.connectedcar.auth.internal.TokenManager;

/** What tests may look at behind a client's public face. */
public final class ClientInternals {
    private ClientInternals() {
    }

    /** The account's token manager. */
    public static TokenManager tokens(ConnectedCarAsyncClient client) {
        return client.context().auth().tokens();
    }
}
