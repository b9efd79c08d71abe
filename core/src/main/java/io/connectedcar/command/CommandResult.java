package io.connectedcar.command;

import io.connectedcar.model.CommandState;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A command the car carried out ({@link CommandState#SUCCEEDED}). Immutable. Failures do not become results: they
 * arrive as typed errors ({@link io.connectedcar.exception.CommandFailedException} and its kin).
 */
public final class CommandResult {
    private final CommandProgress last;
    private final Instant requestedAt;

    /**
     * @param last        the final, succeeded step
     * @param requestedAt when Ford accepted the command
     */
    public CommandResult(CommandProgress last, Instant requestedAt) {
        this.last = Objects.requireNonNull(last, "last");
        this.requestedAt = Objects.requireNonNull(requestedAt, "requestedAt");
    }

    public String vin() {
        return last.vin();
    }

    /** Ford's command type, such as {@code remoteStart}. */
    public String commandType() {
        return last.commandType();
    }

    /** The id Ford gave the command. */
    public String commandId() {
        return last.commandId();
    }

    /** {@link CommandState#SUCCEEDED}. */
    public CommandState state() {
        return last.state();
    }

    /** Ford's own final {@code toState}, such as {@code SUCCESS}. */
    public Optional<String> fordState() {
        return last.fordState();
    }

    /** When Ford accepted the command. */
    public Instant requestedAt() {
        return requestedAt;
    }

    /** When the car reported success. */
    public Instant completedAt() {
        return last.at();
    }

    /** From acceptance to success (zero when Ford's timestamps say otherwise). */
    public Duration duration() {
        Duration d = Duration.between(requestedAt, last.at());
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** A copy of the fresh metrics the car reported with its success ({@code value.metrics}); empty when none. */
    public Optional<JsonNode> metrics() {
        return last.metrics();
    }

    /** The final step itself. */
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
