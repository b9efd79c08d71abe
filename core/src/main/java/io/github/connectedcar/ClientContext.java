package io.github.connectedcar;

import io.github.connectedcar.auth.internal.Authentication;
import io.github.connectedcar.command.internal.CommandSupport;
import io.github.connectedcar.ford.internal.FordCalls;
import io.github.connectedcar.http.HttpTransport;
import io.github.connectedcar.http.internal.RetryPolicy;
import io.github.connectedcar.protection.internal.LockoutPolicy;
import io.github.connectedcar.protection.internal.QuotaPolicy;
import io.github.connectedcar.status.internal.StatusStreams;
import java.util.Objects;

/**
 * What the account client and its vehicle clients share, wired once by the builder: the Ford calls, the login and
 * token manager, the command sender, the status-stream cache, and the policies whose counters make the metrics.
 *
 * @param account        the name the login and usage are stored under
 * @param calls          Ford's operations over the data pipeline
 * @param auth           the login client and the token manager
 * @param commands       sends and follows commands, and the Ford-host actions
 * @param statusStreams  one shared status stream per car
 * @param retry          the retry policy (for its counts)
 * @param budget         the request budget (for its counts)
 * @param lockout        the lockout guard (for its state)
 * @param ownedTransport the transport the builder made and the client closes, or {@code null}
 */
record ClientContext(String account, FordCalls calls, Authentication auth, CommandSupport commands,
                     StatusStreams statusStreams, RetryPolicy retry, QuotaPolicy budget, LockoutPolicy lockout,
                     HttpTransport ownedTransport) {

    ClientContext {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(calls, "calls");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(commands, "commands");
        Objects.requireNonNull(statusStreams, "statusStreams");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(lockout, "lockout");
    }
}
