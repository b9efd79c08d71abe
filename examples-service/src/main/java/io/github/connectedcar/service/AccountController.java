package io.github.connectedcar.service;

import io.github.connectedcar.ClientMetrics;
import io.github.connectedcar.ConnectedCarAsyncClient;
import io.github.connectedcar.auth.PendingLogin;
import io.github.connectedcar.auth.TokenSet;
import io.github.connectedcar.auth.TokenStore;
import io.github.connectedcar.service.Views.AccountView;
import io.github.connectedcar.service.Views.CompleteLogin;
import io.github.connectedcar.service.Views.LoginView;
import io.github.connectedcar.spring.boot.ConnectedCarProperties;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * The account behind the service: whether it is signed in and its budget, and the login through the page. Ford's
 * login page blocks automation, so a person opens the URL {@code POST /api/login} gives, signs in, and pastes the
 * {@code fordapp://userauthorized/?code=…} URL the browser ended on into {@code POST /api/login/complete}. The
 * service serves one person on this machine: it keeps one login under way at a time.
 */
@RestController
@RequestMapping("/api")
class AccountController {
    private final ConnectedCarAsyncClient client;
    private final TokenStore tokenStore;
    private final String account;
    private final SimulatorMode simulator;
    private final AtomicReference<PendingLogin> pending = new AtomicReference<>();

    AccountController(ConnectedCarAsyncClient client, TokenStore tokenStore, ConnectedCarProperties properties,
                      ObjectProvider<SimulatorMode> simulator) {
        this.client = client;
        this.tokenStore = tokenStore;
        this.account = properties.getAccount();
        this.simulator = simulator.getIfAvailable();
    }

    @GetMapping("/account")
    Mono<AccountView> account() {
        return tokenStore.load(account).map(Optional::of).defaultIfEmpty(Optional.empty()).map(tokens -> {
            Instant now = Instant.now();
            ClientMetrics metrics = client.metrics();
            return new AccountView(tokens.isPresent() && !tokens.get().isRefreshExpired(now),
                tokens.map(TokenSet::refreshExpiresAt).orElse(null), metrics.quota().remaining(),
                metrics.quota().dailyLimit(), metrics.lockout().state().name(), simulator);
        });
    }

    /** Begins a login: the URL to open. A login begun earlier and not finished is replaced. */
    @PostMapping("/login")
    Mono<LoginView> beginLogin() {
        return client.auth().beginLogin()
            .doOnNext(pending::set)
            .map(login -> new LoginView(login.authorizeUrl().toString()));
    }

    /** Finishes the login begun last with the pasted URL; the tokens are stored. */
    @PostMapping("/login/complete")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> completeLogin(@RequestBody CompleteLogin body) {
        return Mono.defer(() -> {
            PendingLogin login = pending.get();
            if (login == null) {
                return Mono.error(new ResponseStatusException(HttpStatus.CONFLICT,
                    "No login is under way: begin one first (POST /api/login)."));
            }
            if (body == null || body.redirectUrl() == null || body.redirectUrl().isBlank()) {
                return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "Paste the whole fordapp://userauthorized/?code=... URL the browser ended on."));
            }
            // A URL that is not a fordapp:// one is refused at once, before anything is sent.
            return Mono.defer(() -> client.auth().completeLogin(login, body.redirectUrl().strip()))
                .onErrorMap(IllegalArgumentException.class,
                    error -> new ResponseStatusException(HttpStatus.BAD_REQUEST, error.getMessage()))
                .doOnSuccess(done -> pending.compareAndSet(login, null));
        });
    }

    /** Forgets the stored login. */
    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> logout() {
        return client.auth().logout();
    }
}
