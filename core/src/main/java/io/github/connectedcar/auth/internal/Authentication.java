package io.github.connectedcar.auth.internal;

import io.github.connectedcar.auth.AuthAsyncClient;
import io.github.connectedcar.auth.TokenStore;
import io.github.connectedcar.ford.Endpoints;
import io.github.connectedcar.ford.Region;
import io.github.connectedcar.http.internal.HttpPipeline;
import java.time.Clock;

/**
 * Wires the authentication of one account: its {@link TokenManager} and {@link AuthAsyncClient}. The client builder
 * uses this; applications use the builder.
 *
 * @param tokens the account's token manager
 * @param client the account's login client
 */
public record Authentication(TokenManager tokens, AuthAsyncClient client) {

    /**
     * @param pipeline a pipeline without the token policy (token calls carry no token)
     */
    public static Authentication create(HttpPipeline pipeline, Endpoints endpoints, Region region, Clock clock,
                                        TokenStore store, String account) {
        TokenApi api = new TokenApi(pipeline, endpoints, region, clock);
        TokenManager tokens = new TokenManager(account, store, api, clock, TokenManager.DEFAULT_CAT_MARGIN,
            TokenManager.DEFAULT_TMC_MARGIN, TokenManager.DEFAULT_RENEWAL_TIMEOUT);
        return new Authentication(tokens, new FordLogin(api, tokens, endpoints, region, clock));
    }
}
