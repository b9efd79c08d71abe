package io.github.connectedcar.simulator.internal.auth;

/**
 * What the authorize call asked for, kept with the code it produced so the token call can be checked against it.
 *
 * @param policy        the B2C policy of the path (e.g. {@code B2C_1A_SignInSignUp_en-US})
 * @param clientId      the client id
 * @param redirectUri   the redirect URI
 * @param codeChallenge the PKCE S256 challenge
 * @param scope         the requested scope
 */
public record AuthorizationRequest(String policy, String clientId, String redirectUri, String codeChallenge,
                                   String scope) {
}
