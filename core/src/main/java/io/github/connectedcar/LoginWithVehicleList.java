package io.github.connectedcar;

import io.github.connectedcar.auth.AuthAsyncClient;
import io.github.connectedcar.auth.PendingLogin;
import io.github.connectedcar.command.internal.CapabilityCache;
import io.github.connectedcar.ford.internal.FordCalls;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The account's login, which also reads the vehicle list once the login is complete and keeps it for the commands'
 * capability checks, so that a command after login costs no vehicle-list call. A failed read does not fail the
 * login (the first command then reads the list); a logout forgets the kept list.
 */
final class LoginWithVehicleList implements AuthAsyncClient {
    private static final Logger LOG = LoggerFactory.getLogger(LoginWithVehicleList.class);

    private final AuthAsyncClient login;
    private final FordCalls calls;
    private final CapabilityCache vehicles;

    LoginWithVehicleList(AuthAsyncClient login, FordCalls calls, CapabilityCache vehicles) {
        this.login = Objects.requireNonNull(login, "login");
        this.calls = Objects.requireNonNull(calls, "calls");
        this.vehicles = Objects.requireNonNull(vehicles, "vehicles");
    }

    @Override
    public Mono<PendingLogin> beginLogin() {
        return login.beginLogin();
    }

    @Override
    public Mono<Void> completeLogin(PendingLogin pending, String pastedRedirectUrl) {
        return login.completeLogin(pending, pastedRedirectUrl)
            .then(Mono.defer(() -> {
                vehicles.forget(); // the list of whoever was logged in before
                return calls.vehicles().collectList();
            })
                .doOnNext(vehicles::offer)
                .onErrorResume(error -> {
                    LOG.warn("Logged in, but reading the vehicle list failed ({}); the first command reads it",
                        error.getMessage());
                    return Mono.empty();
                })
                .then());
    }

    @Override
    public Mono<Void> refresh() {
        return login.refresh();
    }

    @Override
    public Mono<Void> logout() {
        return login.logout().doOnSuccess(done -> vehicles.forget());
    }
}
