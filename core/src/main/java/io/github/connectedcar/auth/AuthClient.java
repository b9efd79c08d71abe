package io.github.connectedcar.auth;

import io.github.connectedcar.internal.Blocking;
import java.time.Duration;
import java.util.Objects;

/** The blocking view of {@link AuthAsyncClient}; each method waits with a timeout. */
public final class AuthClient {
    private final AuthAsyncClient async;
    private final Duration timeout;

    public AuthClient(AuthAsyncClient async, Duration timeout) {
        this.async = Objects.requireNonNull(async, "async");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** See {@link AuthAsyncClient#beginLogin()}. */
    public PendingLogin beginLogin() {
        return Blocking.await(async.beginLogin(), timeout, "the login URL");
    }

    /** See {@link AuthAsyncClient#completeLogin(PendingLogin, String)}. */
    public void completeLogin(PendingLogin pending, String pastedRedirectUrl) {
        Blocking.await(async.completeLogin(pending, pastedRedirectUrl), timeout, "the login");
    }

    /** See {@link AuthAsyncClient#refresh()}. */
    public void refresh() {
        Blocking.await(async.refresh(), timeout, "the token refresh");
    }

    /** See {@link AuthAsyncClient#logout()}. */
    public void logout() {
        Blocking.await(async.logout(), timeout, "the logout");
    }

    public AuthAsyncClient async() {
        return async;
    }
}
