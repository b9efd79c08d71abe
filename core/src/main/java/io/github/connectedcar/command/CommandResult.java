package io.github.connectedcar.command;

import io.github.connectedcar.model.CommandState;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A command the car carried out ({@link CommandState#SUCCEEDED}). Immutable. Failures do not become results: they
 * arrive as typed errors ({@link io.github.connectedcar.exception.CommandFailedException} and its kin).
 */
public final class CommandResult {
    private final CommandProgress last;
    private final Instant requestedAt;

    /**
     * @param last        the final, succeeded step
     * @param requestedAt when Ford's acceptance of the command reached the client, by the client's clock (the
     *                    {@link CommandProgress#seenAt()} of its {@link CommandState#REQUESTED} step)
     */
    public CommandResult(CommandProgress last, Instant requestedAt) {
        this.last = Objects.requireNonNull(last, "last");
        this.requestedAt = Objects.requireNonNull(requestedAt, "requestedAt");
    }

    /** {@return the car} */
    public String vin() {
        return last.vin();
    }

    /** {@return Ford's command type, such as {@code remoteStart}} */
    public String commandType() {
        return last.commandType();
    }

    /** {@return the id Ford gave the command} */
    public String commandId() {
        return last.commandId();
    }

    /** {@return {@link CommandState#SUCCEEDED}} */
    public CommandState state() {
        return last.state();
    }

    /** {@return Ford's own final {@code toState}, such as {@code SUCCESS}} */
    public Optional<String> fordState() {
        return last.fordState();
    }

    /** {@return when Ford's acceptance of the command reached the client, by the client's clock} */
    public Instant requestedAt() {
        return requestedAt;
    }

    /**
     * When the client learned that the car succeeded (the telemetry check that found it), by the client's clock, like
     * {@link #requestedAt()}.
     *
     * @return when the client saw the success
     */
    public Instant completedAt() {
        return last.seenAt();
    }

    /** {@return Ford's own timestamp of the success, by Ford's clock, which may be minutes off the client's} */
    public Instant reportedAt() {
        return last.at();
    }

    /**
     * From {@link #requestedAt()} to {@link #completedAt()}, both by the client's clock: how long the client waited,
     * at most one check interval longer than the car took (zero if the clock went backwards).
     *
     * @return the time from acceptance to the success, by one clock
     */
    public Duration duration() {
        Duration d = Duration.between(requestedAt, last.seenAt());
        return d.isNegative() ? Duration.ZERO : d;
    }

    /**
     * {@return a copy of the fresh metrics the car reported with its success ({@code value.metrics}); empty when none}
     */
    public Optional<JsonNode> metrics() {
        return last.metrics();
    }

    /** {@return the final step itself} */
    public CommandProgress lastProgress() {
        return last;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CommandResult that && last.equals(that.last) && requestedAt.equals(that.requestedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(last, requestedAt);
    }

    @Override
    public String toString() {
        return "CommandResult[" + commandType() + " " + commandId() + " on " + vin() + ": " + state()
            + fordState().map(s -> " (" + s + ")").orElse("") + " after " + duration().toSeconds() + " s]";
    }
}
