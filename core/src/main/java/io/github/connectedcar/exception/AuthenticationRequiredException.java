package io.github.connectedcar.exception;

/** There is no usable login: the person must sign in again in a browser ({@code AuthAsyncClient.beginLogin()}). */
public class AuthenticationRequiredException extends ConnectedCarException {
    /**
     * @param message what went wrong and what to do about it (never a secret)
     */
    public AuthenticationRequiredException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it (never a secret)
     * @param cause   the error behind this one, or {@code null}
     */
    public AuthenticationRequiredException(String message, Throwable cause) {
        super(message, cause);
    }
}
