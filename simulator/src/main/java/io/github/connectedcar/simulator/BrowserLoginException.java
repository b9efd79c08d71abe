package io.github.connectedcar.simulator;

/** The simulated person at the browser could not sign in: refused credentials, a B2C error, an unexpected page. */
public final class BrowserLoginException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BrowserLoginException(String message) {
        super(message);
    }
}
