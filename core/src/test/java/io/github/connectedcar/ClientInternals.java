package io.github.connectedcar;

import io.github.connectedcar.auth.internal.TokenManager;
import io.github.connectedcar.ford.internal.FordCalls;

/** What tests may look at behind a client's public face. */
public final class ClientInternals {
    private ClientInternals() {
    }

    /** The account's token manager. */
    public static TokenManager tokens(ConnectedCarAsyncClient client) {
        return client.context().auth().tokens();
    }

    /** The account's calls: the data pipeline and the requests of the endpoint table. */
    public static FordCalls calls(ConnectedCarAsyncClient client) {
        return client.context().calls();
    }
}
