package io.github.connectedcar.command;

import io.github.connectedcar.model.CommandState;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One step of a command: its state, Ford's own name for it, when it was reported and when this client saw it.
 * Immutable.
 *
 * <p>Two instants, two clocks: {@link #at()} is Ford's timestamp of the step (Ford's clock, which may be minutes off
 * the client's), {@link #seenAt()} is when the client learned of it (the client's clock). Durations are measured
 * between two {@code seenAt()}, never between an {@code at()} and a {@code seenAt()}.
 *
 * <p>A {@link CommandState#FAILED} step carries Ford's reason where it gave one ({@link #oemErrorCode()},
 * {@link #oemErrorContext()}); a {@link CommandState#SUCCEEDED} step may carry fresh metrics ({@link #metrics()}).
 */
public final class CommandProgress {
    private final String vin;
    private final String commandType;
    private final String commandId;
    private final CommandState state;
    private final String fordState;
    private final Instant at;
    private final Instant seenAt;
    private final String oemErrorCode;
    private final String oemErrorContext;
    private final JsonNode metrics;

    /**
     * A step this client saw when Ford reported it: {@link #seenAt()} is {@code at}.
     *
     * @param vin             the car
     * @param commandType     Ford's command type, such as {@code remoteStart}
     * @param commandId       the id Ford gave the command
     * @param state           the state
     * @param fordState       Ford's raw {@code toState}, or {@code null} when the SDK set the state itself
     * @param at              when the state was reported (Ford's timestamp, or the client clock)
     * @param oemErrorCode    Ford's failure code, or {@code null}
     * @param oemErrorContext Ford's failure context, or {@code null}
     * @param metrics         fresh metrics reported with the state, or {@code null}; copied
     */
    public CommandProgress(String vin, String commandType, String commandId, CommandState state, String fordState,
                           Instant at, String oemErrorCode, String oemErrorContext, JsonNode metrics) {
        this(vin, commandType, commandId, state, fordState, at, at, oemErrorCode, oemErrorContext, metrics);
    }

    /**
     * @param vin             the car
     * @param commandType     Ford's command type, such as {@code remoteStart}
     * @param commandId       the id Ford gave the command
     * @param state           the state
     * @param fordState       Ford's raw {@code toState}, or {@code null} when the SDK set the state itself
     * @param at              when the state was reported (Ford's timestamp, or the client clock)
     * @param seenAt          when this client learned of the state, by the client's clock
     * @param oemErrorCode    Ford's failure code, or {@code null}
     * @param oemErrorContext Ford's failure context, or {@code null}
     * @param metrics         fresh metrics reported with the state, or {@code null}; copied
     */
    public CommandProgress(String vin, String commandType, String commandId, CommandState state, String fordState,
                           Instant at, Instant seenAt, String oemErrorCode, String oemErrorContext,
                           JsonNode metrics) {
        this.vin = Objects.requireNonNull(vin, "vin");
        this.commandType = Objects.requireNonNull(commandType, "commandType");
        this.commandId = Objects.requireNonNull(commandId, "commandId");
        this.state = Objects.requireNonNull(state, "state");
        this.fordState = fordState;
        this.at = Objects.requireNonNull(at, "at");
        this.seenAt = Objects.requireNonNull(seenAt, "seenAt");
        this.oemErrorCode = oemErrorCode;
        this.oemErrorContext = oemErrorContext;
        this.metrics = metrics == null ? null : metrics.deepCopy();
    }

    /**
     * A step the SDK reports itself (REQUESTED, TIMED_OUT): no Ford state, no reason, no metrics.
     *
     * @param vin         the car
     * @param commandType Ford's command type, such as {@code remoteStart}
     * @param commandId   the id Ford gave the command
     * @param state       the state
     * @param at          when, by the client's clock (also its {@link #seenAt()})
     * @return the step
     */
    public static CommandProgress of(String vin, String commandType, String commandId, CommandState state,
                                     Instant at) {
        return new CommandProgress(vin, commandType, commandId, state, null, at, null, null, null);
    }

    /** {@return the car} */
    public String vin() {
        return vin;
    }

    /** {@return Ford's command type, such as {@code remoteStart}} */
    public String commandType() {
        return commandType;
    }

    /** {@return the id Ford gave the command} */
    public String commandId() {
        return commandId;
    }

    /** {@return the state, as the SDK understands it; Ford's own name is {@link #fordState()}} */
    public CommandState state() {
        return state;
    }

    /** {@return Ford's own {@code toState}, such as {@code REQUEST_QUEUED}; empty for steps the SDK reports itself} */
    public Optional<String> fordState() {
        return Optional.ofNullable(fordState);
    }

    /**
     * {@return when the state was reported: Ford's timestamp (Ford's clock), or the client's clock for the SDK's own
     * steps}
     */
    public Instant at() {
        return at;
    }

    /**
     * When this client learned of the state, by the client's clock (the clock the client was built with): the answer
     * to the command's POST for {@link CommandState#REQUESTED}, the telemetry check that found a later state. Not
     * part of {@link #equals(Object)}: it says when the step was seen, not what it is.
     *
     * @return when the client saw the step
     */
    public Instant seenAt() {
        return seenAt;
    }

    /** {@return Ford's {@code oemErrorCode} of a failure; empty otherwise} */
    public Optional<String> oemErrorCode() {
        return Optional.ofNullable(oemErrorCode);
    }

    /** {@return Ford's {@code oemErrorContext} of a failure; empty otherwise} */
    public Optional<String> oemErrorContext() {
        return Optional.ofNullable(oemErrorContext);
    }

    /** {@return a copy of the fresh metrics Ford reported with this step ({@code value.metrics}); empty when none} */
    public Optional<JsonNode> metrics() {
        return Optional.ofNullable(metrics == null ? null : metrics.deepCopy());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CommandProgress that && vin.equals(that.vin) && commandType.equals(that.commandType)
            && commandId.equals(that.commandId) && state.equals(that.state)
            && Objects.equals(fordState, that.fordState) && at.equals(that.at)
            && Objects.equals(oemErrorCode, that.oemErrorCode) && Objects.equals(oemErrorContext, that.oemErrorContext)
            && Objects.equals(metrics, that.metrics);
    }

    @Override
    public int hashCode() {
        return Objects.hash(vin, commandType, commandId, state, fordState, at, oemErrorCode, oemErrorContext);
    }

    @Override
    public String toString() {
        return "CommandProgress[" + commandType + " " + commandId + " on " + vin + ": " + state
            + (fordState == null ? "" : " (" + fordState + ")") + " at " + at
            + (oemErrorCode == null ? "" : ", oemErrorCode " + oemErrorCode) + "]";
    }
}
