package io.github.connectedcar.simulator.internal.server;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

import io.github.connectedcar.simulator.clock.SimulatedClock;
import io.github.connectedcar.simulator.fault.Fault;
import io.github.connectedcar.simulator.fault.FaultInjector;
import io.github.connectedcar.simulator.fault.FaultPlan;
import io.github.connectedcar.simulator.internal.http.ApiException;
import io.github.connectedcar.simulator.internal.http.Json;
import io.github.connectedcar.simulator.internal.http.Router;
import io.github.connectedcar.simulator.internal.http.SimRequest;
import io.github.connectedcar.simulator.internal.http.SimResponse;
import io.github.connectedcar.simulator.internal.http.WebsocketEndpoint;
import io.github.connectedcar.simulator.record.RequestLog;

/**
 * The wire: a Reactor Netty HTTP server that reads each request fully, then applies injected faults, routes it to
 * the simulated service, records it, and writes the answer. The admin API under {@value #ADMIN_PREFIX} bypasses
 * faults and the record. Nothing here blocks: handlers are in-memory and delays use Reactor's timer.
 */
public final class HttpFrontEnd {

    /** Every admin path starts with this. */
    public static final String ADMIN_PREFIX = "/_simulator";

    private static final Logger LOG = LoggerFactory.getLogger(HttpFrontEnd.class);

    private final Router services;
    private final Router admin;
    private final WebsocketEndpoint websocket;
    private final FaultInjector faults;
    private final RequestLog log;
    private final SimulatedClock clock;
    private final Function<SimRequest, String> accountOf;

    /** The decided answer: a response, or a connection reset. */
    private record Outcome(SimResponse response, boolean reset) {
        int statusForLog() {
            return reset ? 0 : response.status();
        }
    }

    /**
     * @param accountOf names the account a request's credential belongs to, for the record (null when none)
     */
    public HttpFrontEnd(Router services, Router admin, WebsocketEndpoint websocket, FaultInjector faults,
                        RequestLog log, SimulatedClock clock, Function<SimRequest, String> accountOf) {
        this.services = Objects.requireNonNull(services, "services");
        this.admin = Objects.requireNonNull(admin, "admin");
        this.websocket = Objects.requireNonNull(websocket, "websocket");
        this.faults = Objects.requireNonNull(faults, "faults");
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.accountOf = Objects.requireNonNull(accountOf, "accountOf");
    }

    /** Binds the server (blocking the caller until bound, at most 30 s). */
    public DisposableServer bind(String host, int port) {
        return HttpServer.create()
            .host(host)
            .port(port)
            .handle(this::handle)
            .bindNow(Duration.ofSeconds(30));
    }

    private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        request.requestHeaders().forEach(e -> headers.putIfAbsent(e.getKey().toLowerCase(Locale.ROOT), e.getValue()));
        String method = request.method().name();
        String uri = request.uri();
        SimRequest head = SimRequest.of(method, uri, headers, "");
        if (head.path().startsWith(ADMIN_PREFIX)) {
            // Off the event loop: an admin "advance 30 days" plays a month of simulated time at once.
            return body(request).map(body -> withBody(head, body))
                .publishOn(Schedulers.boundedElastic())
                .map(r -> safely(admin, r))
                .flatMap(r -> write(response, r));
        }
        if (isUpgrade(request) && websocket.handles(head.path())) {
            return upgrade(head, response);
        }
        return body(request)
            .flatMap(body -> serve(withBody(head, body)))
            .flatMap(outcome -> outcome.reset() ? reset(response) : write(response, outcome.response()));
    }

    private static SimRequest withBody(SimRequest head, String body) {
        return new SimRequest(head.method(), head.path(), head.rawQuery(), head.headers(), body, Map.of());
    }

    private static Mono<String> body(HttpServerRequest request) {
        return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("");
    }

    private static boolean isUpgrade(HttpServerRequest request) {
        return request.requestHeaders().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
    }

    private Mono<Outcome> serve(SimRequest request) {
        FaultPlan plan = faults.plan(request.path());
        Mono<Outcome> decide = Mono.fromSupplier(() -> {
            Outcome outcome = decide(request, plan);
            log.record(clock.now(), request.method(), request.path(), request.rawQuery(), request.headers(),
                accountOf.apply(request), outcome.statusForLog());
            return outcome;
        });
        return plan.delay().isZero() ? decide : Mono.delay(plan.delay()).then(decide);
    }

    private Outcome decide(SimRequest request, FaultPlan plan) {
        if (plan.replace() != null) {
            return injected(plan.replace());
        }
        SimResponse response = safely(services, request);
        Fault spoil = plan.spoil();
        if (spoil == null) {
            return new Outcome(response, false);
        }
        if (spoil.kind() == Fault.Kind.RESPONSE_LOST) {
            return new Outcome(response, true);
        }
        return new Outcome(response.withBody(Arrays.copyOf(response.body(), response.body().length / 2)), false);
    }

    private static Outcome injected(Fault fault) {
        return switch (fault.kind()) {
            case CONNECTION_RESET -> new Outcome(SimResponse.empty(0), true);
            case RATE_LIMITED -> new Outcome(SimResponse.json(429, Json.object().put("status", 429)
                    .put("errorCode", "429").put("message", "Too many requests (injected)"))
                .withHeader("Retry-After", Long.toString(fault.retryAfter().toSeconds())), false);
            default -> new Outcome(SimResponse.json(fault.status(), Json.object().put("status", fault.status())
                .put("message", "Injected failure").put("code", "INJECTED_" + fault.status())), false);
        };
    }

    /** Routes, turning a bug in a handler into a 500 instead of a dropped connection. */
    private static SimResponse safely(Router router, SimRequest request) {
        try {
            return router.route(request);
        } catch (RuntimeException e) {
            LOG.error("Simulator handler failed for {} {}", request.method(), request.path(), e);
            return SimResponse.json(500, Json.object().put("status", 500).put("message",
                "Simulator error: " + e));
        }
    }

    private Mono<Void> upgrade(SimRequest request, HttpServerResponse response) {
        FaultPlan plan = faults.plan(request.path());
        Mono<Void> proceed = Mono.defer(() -> {
            if (plan.replace() != null) {
                Outcome outcome = injected(plan.replace());
                record(request, outcome.statusForLog());
                return outcome.reset() ? reset(response) : write(response, outcome.response());
            }
            WebsocketEndpoint.Acceptance accepted;
            try {
                accepted = websocket.accept(request);
            } catch (ApiException e) {
                record(request, e.response().status());
                return write(response, e.response());
            }
            record(request, 101);
            return response.sendWebsocket(accepted.handler())
                .doOnError(e -> accepted.abandon().run())
                .doOnCancel(accepted.abandon());
        });
        return plan.delay().isZero() ? proceed : Mono.delay(plan.delay()).then(proceed);
    }

    private void record(SimRequest request, int status) {
        log.record(clock.now(), request.method(), request.path(), request.rawQuery(), request.headers(),
            accountOf.apply(request), status);
    }

    private static Mono<Void> write(HttpServerResponse response, SimResponse answer) {
        response.status(answer.status());
        answer.headers().forEach(response::header);
        response.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(answer.body().length));
        return response.sendByteArray(Mono.just(answer.body())).then();
    }

    /** An abrupt close with SO_LINGER 0: the client sees a TCP reset instead of an answer. */
    private static Mono<Void> reset(HttpServerResponse response) {
        response.withConnection(connection -> {
            connection.channel().config().setOption(ChannelOption.SO_LINGER, 0);
            connection.channel().close();
        });
        return Mono.empty();
    }
}
