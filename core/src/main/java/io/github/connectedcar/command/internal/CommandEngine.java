package io.github.connectedcar.command.internal;

import io.github.connectedcar.command.CommandFlux;
import io.github.connectedcar.command.CommandOptions;
import io.github.connectedcar.command.CommandProgress;
import io.github.connectedcar.exception.CommandOutcomeUnknownException;
import io.github.connectedcar.exception.DecodeException;
import io.github.connectedcar.exception.RateLimitedException;
import io.github.connectedcar.exception.ServiceException;
import io.github.connectedcar.exception.TokenRenewalFailedException;
import io.github.connectedcar.exception.VehicleNotFoundException;
import io.github.connectedcar.ford.internal.FordApi.CommandType;
import io.github.connectedcar.ford.internal.FordApi;
import io.github.connectedcar.ford.internal.FordCalls;
import io.github.connectedcar.http.HttpRequest;
import io.github.connectedcar.http.HttpResponse;
import io.github.connectedcar.http.TransportException;
import io.github.connectedcar.internal.Json;
import io.github.connectedcar.internal.Once;
import io.github.connectedcar.model.CommandState;
import io.github.connectedcar.protection.internal.StatusRefreshGuard;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.ConnectableFlux;
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
 * <p>Following: by push when the car's socket is open; otherwise at most {@value CommandOptions#MAX_CHECKS} telemetry
 * checks at the times of {@link CommandOptions#checksFor(String)} after the POST's answer, bounded by
 * {@link CommandOptions#timeoutFor(String)}. A passing failure of a check (transport, 5xx, unreadable body, Ford's
 * 429) is retried only by the next scheduled check, so a command never costs more than the POST and those checks.
 * Every wait is a Reactor delay, so following runs in virtual time in tests.
 */
public final class CommandEngine {
    private static final Logger LOG = LoggerFactory.getLogger(CommandEngine.class);
    /** How much longer than a command's timeout its car's push is listened to, at most. */
    private static final Duration LISTEN_MARGIN = Duration.ofSeconds(30);

    /** What the POST's answer told. */
    private record Accepted(String vin, CommandType type, String commandId, String fordState, CommandState state,
                            java.time.Instant at) {
    }

    /**
     * A command Ford accepted, and what is pushed for its car.
     *
     * @param pushed    the car's pushed telemetry from before the POST on, or {@code null} when there is no push
     * @param listening ends the listening
     */
    private record Sent(Accepted accepted, Flux<JsonNode> pushed, Disposable listening) {
    }

    /**
     * The outcome of one telemetry check: the command's progress, if the telemetry mentioned it, or the passing
     * failure of the check ({@code null} when it was answered).
     */
    private record Check(Optional<CommandProgress> progress, Throwable failure) {
        boolean isFinal() {
            return progress.isPresent() && progress.get().state().isFinal();
        }
    }

    private final FordCalls calls;
    private final CapabilityCache capabilities;
    private final StatusRefreshGuard refreshGuard;
    private final CommandMetrics metrics;
    private final CommandPush push;

    public CommandEngine(FordCalls calls, CapabilityCache capabilities, StatusRefreshGuard refreshGuard,
                         CommandMetrics metrics, CommandPush push) {
        this.push = Objects.requireNonNull(push, "push");
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
        Once<Sent> activation = new Once<>(() -> activate(vin, type, body, options));
        Flux<CommandProgress> source = activation.get().flatMapMany(sent -> follow(sent, options)
                .doFinally(signal -> sent.listening().dispose()))
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

    private Mono<Sent> activate(String vin, CommandType type, byte[] body, CommandOptions options) {
        Mono<Void> capability = options.skipCapabilityCheck() || type.capability() == null ? Mono.empty()
            : capabilities.require(vin, type.type(), type.capability());
        Mono<StatusRefreshGuard.Reservation> reserved = type.equals(FordApi.Commands.STATUS_REFRESH)
            ? refreshGuard.reserve(vin, options.minStatusRefreshInterval()) : Mono.just(() -> { });
        return capability.then(reserved).flatMap(reservation -> {
            // Listen to the car's push before sending, so no state pushed after the POST is missed. Bounded in
            // time: a command nobody follows any more must not keep a socket open.
            ConnectableFlux<JsonNode> pushed = push.frames(vin)
                .take(options.timeoutFor(type.type()).plus(LISTEN_MARGIN))
                .replay();
            Disposable listening = pushed.connect();
            HttpRequest request = calls.request(type.operation(), vin).withBody(body, "application/json");
            return pushed.next().hasElement().flatMap(live -> calls.send(request)
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
                })
                .map(accepted -> new Sent(accepted, live ? pushed.skip(1) : null, listening)))
                .doOnError(error -> listening.dispose());
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

    private Flux<CommandProgress> follow(Sent sent, CommandOptions options) {
        Accepted accepted = sent.accepted();
        CommandProgress requested = new CommandProgress(accepted.vin(), accepted.type().type(), accepted.commandId(),
            CommandState.REQUESTED, accepted.fordState(), accepted.at(), null, null, null);
        if (accepted.state().isFinal()) {
            // Ford answered the POST with a final state already: nothing to check.
            CommandProgress done = new CommandProgress(accepted.vin(), accepted.type().type(), accepted.commandId(),
                accepted.state(), accepted.fordState(), accepted.at(), null, null, null);
            return Flux.just(requested, done);
        }
        Set<CommandState> seen = ConcurrentHashMap.newKeySet();
        seen.add(CommandState.REQUESTED);
        Flux<CommandProgress> following = sent.pushed() == null ? checks(accepted, options, seen)
            : pushedStates(accepted, sent.pushed(), options, seen);
        return Flux.concat(Mono.just(requested), following);
    }

    /**
     * Following by push: the states arrive in the car's pushed telemetry, no telemetry is polled. When the push
     * stops before a final state (the socket closed), the rest is followed by polling; when the command's timeout
     * passes first, it ends in TIMED_OUT.
     */
    private Flux<CommandProgress> pushedStates(Accepted accepted, Flux<JsonNode> pushed, CommandOptions options,
                                               Set<CommandState> seen) {
        String type = accepted.type().type();
        Clock clock = calls.clock();
        AtomicBoolean timeUp = new AtomicBoolean();
        AtomicBoolean ended = new AtomicBoolean();
        Flux<CommandProgress> states = pushed
            .mapNotNull(frame -> CommandTelemetry.progressOf(frame, accepted.vin(), type, accepted.type().stateKey(),
                accepted.commandId(), clock).orElse(null))
            .filter(progress -> seen.add(progress.state()))
            .takeUntil(progress -> progress.state().isFinal())
            .doOnNext(progress -> ended.compareAndSet(false, progress.state().isFinal()))
            .takeUntilOther(Mono.delay(options.timeoutFor(type)).doOnNext(tick -> timeUp.set(true)));
        return states.concatWith(Flux.defer(() -> {
            if (ended.get()) {
                return Flux.empty();
            }
            if (timeUp.get()) {
                return Mono.just(timedOut(accepted, clock));
            }
            LOG.debug("The push of {} stopped before {} ended; polling for the rest", accepted.vin(), type);
            return checks(accepted, options, seen);
        }));
    }

    private Flux<CommandProgress> checks(Accepted accepted, CommandOptions options, Set<CommandState> seen) {
        String type = accepted.type().type();
        Clock clock = calls.clock();
        return Flux.create(sink -> {
            Mono<Check> check = Mono.defer(() -> {
                metrics.check();
                return calls.telemetry(accepted.vin());
            })
                .map(telemetry -> new Check(CommandTelemetry.progressOf(telemetry, accepted.vin(), type,
                    accepted.type().stateKey(), accepted.commandId(), clock), null))
                .onErrorResume(CommandEngine::isPassing, error -> Mono.just(new Check(Optional.empty(), error)))
                .doOnNext(result -> result.progress().ifPresent(progress -> {
                    if (seen.add(progress.state())) {
                        sink.next(progress);
                    }
                }));
            Duration timeout = options.timeoutFor(type);
            List<Duration> times = within(options.checksFor(type), timeout);
            // The last check may come at the timeout itself; the margin only cuts a read that hangs past it.
            Disposable run = scheduled(times, 0, times.get(0), check)
                .timeout(timeout.plus(LISTEN_MARGIN))
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

    /** The checks that come within the timeout; when none does, one at the timeout. */
    private static List<Duration> within(List<Duration> checks, Duration timeout) {
        List<Duration> kept = checks.stream().filter(at -> at.compareTo(timeout) <= 0).toList();
        return kept.isEmpty() ? List.of(timeout) : kept;
    }

    /**
     * The check number {@code index} after {@code wait}, then the later ones until a final state or the last check.
     * A check that failed in passing is not repeated: the next scheduled one is its retry (no sooner than Ford's
     * {@code Retry-After}); a failed last check ends the following with its error.
     */
    private static Mono<Check> scheduled(List<Duration> times, int index, Duration wait, Mono<Check> check) {
        return Mono.delay(wait).then(check).flatMap(result -> {
            boolean last = index == times.size() - 1;
            if (result.isFinal() || (last && result.failure() == null)) {
                return Mono.just(result);
            }
            if (last) {
                return Mono.error(result.failure());
            }
            Duration gap = times.get(index + 1).minus(times.get(index));
            if (result.failure() instanceof RateLimitedException limited && limited.getRetryAfter() != null
                && limited.getRetryAfter().compareTo(gap) > 0) {
                gap = limited.getRetryAfter();
            }
            return scheduled(times, index + 1, gap, check);
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

    private static Throwable trailLost(Accepted accepted, Throwable error) {
        return new CommandOutcomeUnknownException(accepted.type() + " (command id " + accepted.commandId() + ") for "
            + accepted.vin() + " was accepted by Ford, but following it failed: " + error.getMessage()
            + " The car may act on it: check its status() before sending it again.", accepted.vin(),
            accepted.type().type(), accepted.commandId(), true, error);
    }
}
