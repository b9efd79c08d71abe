package io.github.connectedcar.status.internal;

import io.github.connectedcar.auth.internal.TokenManager;
import io.github.connectedcar.http.AuthScheme;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * In-band token rotation for all open status sockets of a client: one ticker, every
 * {@link io.github.connectedcar.status.StatusStreamOptions#tokenCheckInterval()} while a socket is open, asks the
 * token manager for the TMC token once and hands it to every socket, which sends it when it is new to that socket.
 * One ticker rather than a timer per socket: the token is the same for all of them.
 */
final class TokenRotation {
    private final TokenManager tokens;
    private final Duration every;
    private final Set<PushSocket> open = ConcurrentHashMap.newKeySet();
    private Disposable ticker;
    /** The scheduler the ticker runs on: a new one (virtual time in tests) gets a new ticker. */
    private Scheduler tickerOn;

    TokenRotation(TokenManager tokens, Duration every) {
        this.tokens = tokens;
        this.every = every;
    }

    void add(PushSocket socket) {
        open.add(socket);
        synchronized (this) {
            Scheduler now = Schedulers.parallel();
            if (ticker == null || tickerOn != now) {
                if (ticker != null) {
                    ticker.dispose();
                }
                long millis = every.toMillis();
                tickerOn = now;
                ticker = now.schedulePeriodically(this::tick, millis, millis, TimeUnit.MILLISECONDS);
            }
        }
    }

    void remove(PushSocket socket) {
        open.remove(socket);
    }

    private void tick() {
        if (open.isEmpty()) {
            synchronized (this) {
                // Checked again under the lock: a socket added meanwhile keeps the ticker.
                if (open.isEmpty() && ticker != null) {
                    ticker.dispose();
                    ticker = null;
                }
            }
            return;
        }
        // A failed renewal is the token manager's to report; the sockets keep their token until the next tick.
        tokens.token(AuthScheme.TMC).subscribe(token -> open.forEach(socket -> socket.rotate(token)), error -> { });
    }
}
