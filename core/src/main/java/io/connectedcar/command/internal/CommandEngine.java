package io.connectedcar.command.internal;

import io.connectedcar.command.CommandFlux;
import io.connectedcar.command.CommandOptions;
import io.connectedcar.command.CommandProgress;
import io.connectedcar.exception.CommandOutcomeUnknownException;
import io.connectedcar.exception.DecodeException;
import io.connectedcar.exception.RateLimitedException;
import io.connectedcar.exception.ServiceException;
import io.connectedcar.exception.TokenRenewalFailedException;
import io.connectedcar.exception.VehicleNotFoundException;
import io.connectedcar.ford.internal.FordApi.CommandType;
import io.connectedcar.ford.internal.FordApi;
import io.connectedcar.ford.internal.FordCalls;
import io.connectedcar.http.HttpRequest;
import io.connectedcar.http.HttpResponse;
import io.connectedcar.http.TransportException;
import io.connectedcar.internal.Json;
import io.connectedcar.internal.Once;
import io.connectedcar.model.CommandState;
import io.connectedcar.protection.internal.StatusRefreshGuard;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends Autonomic commands and follows them to their end (docs/ford-api.md §5). One per client.
 *
 * <p>Sending: the capability check (from the kept vehicle list), the status-refresh guard, then one POST through the
 * pipeline (where the retry policy may repeat it only when it certainly never left). A failure after the request may
 * have been written, a 5xx, or a 2xx without an id becomes {@link CommandOutcomeUnknownException}; the command is
 * never sent again.
 *
 * <p>Following: telemetry checks through a Resilience4j {@link Retry} that retries on the result while the command is
 * pending ({@code retryOnResult}) and on passing failures (transport, 5xx, unreadable body, Ford's 429 after its
 * {@code Retry-After}); the first check comes {@link CommandOptions#firstCheckDelay()} after the POST's answer, later
 * ones {@link CommandOptions#pollInterval(int)} apart, all bounded by {@link CommandOptions#timeoutFor(String)}.
 * Every wait is a Reactor delay, so following runs in virtual time in tests.
 */
public final class CommandEngine {
    private static final Logger LOG = LoggerFactory.getLogger(CommandEngine.class);

    /** What the POST's answer told. */
    private record Accepted(String vin, CommandType type, String commandId, String fordState, CommandState state,
                            java.time.Instant at) {
    }

    /** The outcome of one telemetry check: the command's progress, if the telemetry mentioned it. */
    private record Check(Optional<CommandProgress> progress) {
        boolean isFinal() {
            return progress.isPresent() && progress.get().state().isFinal();
        }
    }

    private final FordCalls calls;
    private final CapabilityCache capabilities;
    private final StatusRefreshGuard refreshGuard;
    private final CommandMetrics metrics;

    public CommandEngine(FordCalls calls, CapabilityCache capabilities, StatusRefreshGuard refreshGuard,
                         CommandMetrics metrics) {
        this.calls = Objects.requireNonNull(calls, "calls");
        this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
        this.refreshGuard = Objects.requireNonNull(refreshGuard, "refreshGuard");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    public CommandMetrics metrics() {
        return metrics;
    }

    public CapabilityCache capabilities() {
        return capabilities;
    }

    /**
     * The command as a {@link CommandFlux}. The body is built now (so argument errors surface at call time); nothing
     * is sent until the flux is subscribed, and then only once.
     *
     * @param properties the command's properties, or {@code null} for none
     */
    public CommandFlux send(String vin, CommandType type, ObjectNode properties, CommandOptions options) {
        Objects.requireNonNull(vin, "vin");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(options, "options");
        byte[] body = Json.write(CommandBodies.command(type, properties));
        Once<Accepted> activation = new Once<>(() -> activate(vin, type, body, options));
        Flux<CommandProgress> source = activation.get().flatMapMany(accepted -> follow(accepted, options))
            .doOnNext(step -> {
                if (step.state().isFinal()) {
                    metrics.ended(type.type(), step.state().name());
                }
            })
            .doOnError(error -> metrics.ended(type.type(), certainlyNotActedOn(error) ? CommandMetrics.REFUSED
                : CommandMetrics.OUTCOME_UNKNOWN));
        return new CommandFlux(vin, type.type(), source);
    }

    // --- sending ------------------------------------------------------------------------------------------------

    private Mono<Accepted> activate(String vin, CommandType type, byte[] body, CommandOptions options) {
        Mono<Void> capability = options.skipCapabilityCheck() || type.capability() == null ? Mono.empty()
            : capabilities.require(vin, type.type(), type.capability());
        Mono<StatusRefreshGuard.Reservation> reserved = type.equals(FordApi.Commands.STATUS_REFRESH)
            ? refreshGuard.reserve(vin, options.minStatusRefreshInterval()) : Mono.just(() -> { });
        return capability.then(reserved).flatMap(reservation -> {
            HttpRequest request = calls.request(type.operation(), vin).withBody(body, "application/json");
            return calls.send(request)
                .onErrorMap(error -> sendError(vin, type, error))
                .map(response -> accepted(vin, type, response))
                .doOnNext(accepted -> {
                    metrics.commandSent();
                    LOG.debug("{} for {} accepted as command {}", type, vin, accepted.commandId());
                })
                .doOnError(error -> {
                    if (certainlyNotActedOn(error)) {
                        reservation.release();
                    }
                });
        });
    }

    /** Whether the command certainly had no effect: it never left, or Ford refused it with a 4xx. */
    private static boolean certainlyNotActedOn(Throwable error) {
        if (error instanceof TransportException transport) {
            return !transport.requestMayHaveBeenSent();
        }
        return !(error instanceof CommandOutcomeUnknownException);
    }

    private static Throwable sendError(String vin, CommandType type, Throwable error) {
        if (error instanceof TokenRenewalFailedException renewal) {
            // The token call failed, not the command, which never left: whatever the token call's own error says
            // (no answer, a 5xx, a 404) is not the command's outcome.
            return new TokenRenewalFailedException(type + " for " + vin + " was not sent: " + renewal.getMessage(),
                renewal.getRetryAt(), renewal.getCause());
        }
        if (error instanceof TransportException transport && transport.requestMayHaveBeenSent()) {
            return new CommandOutcomeUnknownException(type + " for " + vin + " may have reached Ford, but no answer "
                + "came (" + transport.getMessage() + "). It was not sent again, because commands are not idempotent: "
                + "check the car's status() to see whether it acted before sending it again.", vin, type.type(), null,
                false, error);
        }
        if (error instanceof ServiceException service && service.getStatus() >= 500) {
            return new CommandOutcomeUnknownException(type + " for " + vin + " met a failing Ford service (HTTP "
                + service.getStatus() + "), which may still have passed it on. It was not sent again: check the car's "
                + "status() before sending it again.", vin, type.type(), null, false, error);
        }
        if (error instanceof ServiceException service && service.getStatus() == 404
            && type.operation().name().equals(service.getOperation())) {
            // A 404 to the command itself: Ford knows no such car. A 404 of another call is passed on as it is.
            return new VehicleNotFoundException(vin, "Ford knows no vehicle " + vin + " on this account (HTTP 404 to "
                + type + "); nothing was done. Check the VIN with vehicles().");
        }
        return error;
    }

    private Accepted accepted(String vin, CommandType type, HttpResponse response) {
        JsonNode body = Json.parseObjectOrNull(response.body());
        String id = null;
        for (String field : FordApi.COMMAND_ID_FIELDS) {
            String value = Json.text(body, field);
            if (value != null && !value.isBlank()) {
                id = value.strip();
                break;
            }
        }
        if (id == null) {
            throw new CommandOutcomeUnknownException("Ford accepted " + type + " for " + vin + " (HTTP "
                + response.status() + ") but gave no command id, so it cannot be followed. The car may act on it: "
                + "check its status() before sending it again.", vin, type.type(), null, true, null);
        }
        String current = Json.text(body, FordApi.COMMAND_FIELD_CURRENT_STATUS);
        CommandState state = current == null || current.isBlank() ? CommandState.REQUESTED
            : FordApi.CommandStates.stateOf(current);
        return new Accepted(vin, type, id, current, state, calls.clock().instant());
    }

    // --- following ----------------------------------------------------------------------------------------------

    private Flux<CommandProgress> follow(Accepted accepted, CommandOptions options) {
        CommandProgress requested = new CommandProgress(accepted.vin(), accepted.type().type(), accepted.commandId(),
            CommandState.REQUESTED, accepted.fordState(), accepted.at(), null, null, null);
        if (accepted.state().isFinal()) {
            // Ford answered the POST with a final state already: nothing to check.
            CommandProgress done = new CommandProgress(accepted.vin(), accepted.type().type(), accepted.commandId(),
                accepted.state(), accepted.fordState(), accepted.at(), null, null, null);
            return Flux.just(requested, done);
        }
        return Flux.concat(Mono.just(requested), checks(accepted, options));
    }

    private Flux<CommandProgress> checks(Accepted accepted, CommandOptions options) {
        String type = accepted.type().type();
        Duration timeout = options.timeoutFor(type);
        Clock clock = calls.clock();
        return Flux.create(sink -> {
            Set<CommandState> seen = ConcurrentHashMap.newKeySet();
            seen.add(CommandState.REQUESTED);
            Retry retry = Retry.of("command-" + type, RetryConfig.<Check>custom()
                .maxAttempts(options.maxChecksFor(type) + 1)
                .retryOnResult(check -> !check.isFinal())
                .retryOnException(CommandEngine::isPassing)
                .intervalBiFunction((IntervalBiFunction<Check>) (attempt, outcome) -> wait(attempt, outcome, options))
                .failAfterMaxAttempts(false)
                .build());
            Mono<Check> check = Mono.defer(() -> {
                metrics.check();
                return calls.telemetry(accepted.vin());
            })
                .map(telemetry -> new Check(CommandTelemetry.progressOf(telemetry, accepted.vin(), type,
                    accepted.type().stateKey(), accepted.commandId(), clock)))
                .doOnNext(result -> result.progress().ifPresent(progress -> {
                    if (seen.add(progress.state())) {
                        sink.next(progress);
                    }
                }));
            Disposable run = Mono.delay(options.firstCheckDelay())
                .then(check.transformDeferred(RetryOperator.of(retry)))
                .timeout(timeout)
                .doFinally(signal -> metrics.followingEnded())
                .subscribe(
                    last -> {
                        if (!last.isFinal()) {
                            sink.next(timedOut(accepted, clock));
                        }
                        sink.complete();
                    },
                    error -> {
                        if (error instanceof TimeoutException) {
                            sink.next(timedOut(accepted, clock));
                            sink.complete();
                        } else {
                            sink.error(trailLost(accepted, error));
                        }
                    });
            sink.onDispose(run);
        });
    }

    private static CommandProgress timedOut(Accepted accepted, Clock clock) {
        return CommandProgress.of(accepted.vin(), accepted.type().type(), accepted.commandId(), CommandState.TIMED_OUT,
            clock.instant());
    }

    /** Failures of a telemetry check worth checking again for: they say nothing about the command. */
    private static boolean isPassing(Throwable error) {
        if (error instanceof TransportException || error instanceof DecodeException) {
            return true;
        }
        if (error instanceof ServiceException service) {
            return service.getStatus() >= 500 || service.getStatus() == 408;
        }
        // Ford's own throttling (after its Retry-After); never the SDK's own budget, which says when to come back.
        return error.getClass() == RateLimitedException.class;
    }

    private static long wait(int attempt, Either<Throwable, Check> outcome, CommandOptions options) {
        long interval = options.pollInterval(attempt).toMillis();
        if (outcome.isLeft() && outcome.getLeft() instanceof RateLimitedException limited
            && limited.getRetryAfter() != null) {
            return Math.max(interval, limited.getRetryAfter().toMillis());
        }
        return interval;
    }

    private static Throwable trailLost(Accepted accepted, Throwable error) {
        return new CommandOutcomeUnknownException(accepted.type() + " (command id " + accepted.commandId() + ") for "
            + accepted.vin() + " was accepted by Ford, but following it failed: " + error.getMessage()
            + " The car may act on it: check its status() before sending it again.", accepted.vin(),
            accepted.type().type(), accepted.commandId(), true, error);
    }
}
