package io.connectedcar.exception;

/** There is no usable login: the person must sign in again in a browser ({@code AuthAsyncClient.beginLogin()}). */
public class AuthenticationRequiredException extends ConnectedCarException {
    public AuthenticationRequiredException(String message) {
        super(message);
    }

    public AuthenticationRequiredException(String message, Throwable cause) {
        super(message, cause);
    }
}
