package io.github.connectedcar.command;

import io.github.connectedcar.exception.CommandExpiredException;
import io.github.connectedcar.exception.CommandFailedException;
import io.github.connectedcar.exception.CommandOutcomeUnknownException;
import io.github.connectedcar.exception.CommandTimeoutException;
import io.github.connectedcar.model.CommandState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One command, sent at most once and followed to its end: a {@code Flux} of its {@link CommandProgress} (this flux,
 * also {@link #progress()}), and {@link #result()}, the {@code Mono} of its final outcome.
 *
 * <p><b>Laziness and sending once.</b> Nothing is sent until the first subscription to this flux, to
 * {@link #progress()} or to {@link #result()}. That first subscription sends the command (after the capability and
 * status-refresh checks); every later subscription, concurrent or not, shares that one send and never sends again,
 * like Azure's {@code PollerFlux} activation. Subscribers present at the same time share one following (one series of
 * telemetry checks) and late subscribers are replayed the steps so far. Once the command reached a final state, later
 * subscribers get the recorded steps and outcome without any call to Ford.
 *
 * <p><b>Cancellation stops following, never sending.</b> Cancelling a subscription stops the telemetry checks when no
 * other subscriber is left, but it cannot take the command back: a command whose POST has started runs on in Ford's
 * cloud and the car may still act on it. A new subscription after such a cancel follows the same command id again.
 *
 * <p><b>Errors are kept too.</b> When sending failed (refused, not supported, budget used up), every later
 * subscription gets the same error without trying again: call the vehicle client's method again for a new attempt,
 * after checking the car's status when the error says the outcome is unknown.
 *
 * <p><b>Steps</b>: {@link CommandState#REQUESTED} when Ford accepted the command, then each distinct state once
 * (QUEUED, DELIVERED, unknown states by Ford's raw name), then one final state: SUCCEEDED, FAILED, EXPIRED or
 * TIMED_OUT. The flux completes after the final step; failures of the car are steps, not errors. It errors only when
 * the command could not be sent or its trail was lost:
 * <ul>
 *   <li>{@link io.github.connectedcar.exception.CommandNotSupportedException} — the vehicle list says the car lacks the
 *       capability (nothing sent);</li>
 *   <li>{@link io.github.connectedcar.exception.RefreshTooSoonException} — a status refresh too soon after the last one
 *       (nothing sent);</li>
 *   <li>{@link io.github.connectedcar.exception.QuotaExceededException},
 *       {@link io.github.connectedcar.exception.AccountLockoutProtectionException} — the account protection refused the call
 *       (nothing sent);</li>
 *   <li>{@link io.github.connectedcar.exception.ServiceException}, {@link io.github.connectedcar.exception.RateLimitedException},
 *       {@link io.github.connectedcar.exception.AuthenticationRequiredException},
 *       {@link io.github.connectedcar.exception.VehicleNotFoundException} — Ford refused the command (4xx);</li>
 *   <li>{@link io.github.connectedcar.http.TransportException} whose {@code requestMayHaveBeenSent()} is false — the command
 *       never left (after the retries such a failure allows);</li>
 *   <li>{@link CommandOutcomeUnknownException} — the command may have reached Ford but its fate is unknown (the
 *       connection broke after the request was written, Ford's service failed, no id came back, or following failed).
 *       It is never sent again: check the car's status first.</li>
 * </ul>
 */
public final class CommandFlux extends Flux<CommandProgress> {
    private record Outcome(List<CommandProgress> steps, Throwable error) {
    }

    private final String vin;
    private final String commandType;
    private final Flux<CommandProgress> shared;
    private final AtomicReference<Outcome> outcome = new AtomicReference<>();

    /**
     * Wraps the progress of one command. The SDK makes these (applications get them from the vehicle client); a
     * hand-made one is useful to test application code.
     *
     * @param vin         the car
     * @param commandType Ford's command type, such as {@code remoteStart}
     * @param source      sends the command (at most once, however often it is subscribed) and follows it; the
     *                    final step must be the last one it emits
     */
    public CommandFlux(String vin, String commandType, Flux<CommandProgress> source) {
        this.vin = Objects.requireNonNull(vin, "vin");
        this.commandType = Objects.requireNonNull(commandType, "commandType");
        Objects.requireNonNull(source, "source");
        Flux<CommandProgress> live = Flux.defer(() -> {
            Outcome done = outcome.get();
            if (done != null) {
                Flux<CommandProgress> steps = Flux.fromIterable(done.steps());
                return done.error() == null ? steps : steps.concatWith(Mono.error(done.error()));
            }
            List<CommandProgress> steps = new CopyOnWriteArrayList<>();
            return source
                .doOnNext(steps::add)
                .doOnComplete(() -> outcome.compareAndSet(null, new Outcome(List.copyOf(steps), null)))
                .doOnError(error -> outcome.compareAndSet(null, new Outcome(List.copyOf(steps), error)));
        });
        this.shared = live.replay().refCount();
    }

    /** {@return the car this command is for} */
    public String vin() {
        return vin;
    }

    /** {@return Ford's command type, such as {@code remoteStart}} */
    public String commandType() {
        return commandType;
    }

    /** {@return this flux: the command's steps. Lazy; see the class description for sending once and cancellation} */
    public Flux<CommandProgress> progress() {
        return this;
    }

    /**
     * The final outcome. Lazy: subscribing sends the command if nothing did yet (at most once; shares the following
     * with other subscribers). Cancelling stops following, never un-sends.
     *
     * @return the result when the car carried the command out
     * @throws CommandFailedException          (as an error signal) when the car reported failure, with Ford's OEM
     *                                         error code and context where given
     * @throws CommandExpiredException         (as an error signal) when the command expired before the car took it
     * @throws CommandTimeoutException         (as an error signal) when no final state came within the command
     *                                         timeout; the car may still act, check its status
     * @throws CommandOutcomeUnknownException  (as an error signal) when the command may have reached Ford but its fate
     *                                         is unknown; it is never sent again
     * @see CommandFlux the other error signals, all meaning the command was not accepted
     */
    public Mono<CommandResult> result() {
        return shared.collectList().flatMap(this::toResult);
    }

    @Override
    public void subscribe(CoreSubscriber<? super CommandProgress> actual) {
        shared.subscribe(actual);
    }

    private Mono<CommandResult> toResult(List<CommandProgress> steps) {
        if (steps.isEmpty()) {
            return Mono.error(new CommandOutcomeUnknownException(commandType + " for " + vin + " ended without any "
                + "step; its fate is unknown. Check the car's status() before sending it again.", vin, commandType,
                null, false, null));
        }
        CommandProgress last = steps.get(steps.size() - 1);
        Instant requestedAt = steps.get(0).seenAt(); // the client's clock, like every seenAt: durations use one clock
        String what = commandType + " (command id " + last.commandId() + ") for " + vin;
        CommandState state = last.state();
        if (state.equals(CommandState.SUCCEEDED)) {
            return Mono.just(new CommandResult(last, requestedAt));
        }
        if (state.equals(CommandState.FAILED)) {
            String reason = last.oemErrorCode().map(code -> ", OEM error code " + code
                + last.oemErrorContext().map(context -> " (" + context + ")").orElse("")).orElse(", no reason given");
            return Mono.error(new CommandFailedException("The car did not carry out " + what + ": Ford reported "
                + last.fordState().orElse("FAILED") + reason + ".", vin, commandType, last.commandId(),
                CommandState.FAILED, last.fordState().orElse(null), last.oemErrorCode().orElse(null),
                last.oemErrorContext().orElse(null)));
        }
        if (state.equals(CommandState.EXPIRED)) {
            return Mono.error(new CommandExpiredException(what + " expired before the car picked it up ("
                + last.fordState().orElse("EXPIRED") + "); the car did nothing. It was probably asleep or out of "
                + "coverage; try again later.", vin, commandType, last.commandId(), last.fordState().orElse(null)));
        }
        if (state.equals(CommandState.TIMED_OUT)) {
            CommandState lastKnown = steps.size() > 1 ? steps.get(steps.size() - 2).state() : CommandState.REQUESTED;
            Duration waited = Duration.between(requestedAt, last.seenAt());
            return Mono.error(new CommandTimeoutException(what + " reached no final state within "
                + waited.toSeconds() + " s (last known state " + lastKnown + "). The car may still act on it: check "
                + "status() before sending it again.", vin, commandType, last.commandId(), waited, lastKnown));
        }
        return Mono.error(new CommandOutcomeUnknownException("Following " + what + " ended in state " + state
            + ", which is not final; its fate is unknown. Check the car's status() before sending it again.", vin,
            commandType, last.commandId(), true, null));
    }

    @Override
    public String toString() {
        Outcome done = outcome.get();
        String state = done == null ? "not finished" : done.error() != null ? "error"
            : done.steps().isEmpty() ? "no steps" : done.steps().get(done.steps().size() - 1).state().name();
        return "CommandFlux[" + commandType + " for " + vin + ", " + state + "]";
    }
}
