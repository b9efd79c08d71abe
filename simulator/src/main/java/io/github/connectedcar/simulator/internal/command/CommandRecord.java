package io.github.connectedcar.simulator.internal.command;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import tools.jackson.databind.JsonNode;

/**
 * One command sent to a simulated vehicle and how far it got. Mutated only by its vehicle, under the world's lock.
 */
public final class CommandRecord {

    private final String id;
    private final CommandType type;
    private final JsonNode properties;
    private final Instant createdAt;
    private final Instant expiresAt;
    private CommandState fromState;
    private CommandState state;
    private Instant stateTime;
    private String message;
    private String oemErrorCode;
    private String oemErrorContext;
    private List<String> reportedMetrics = List.of();

    public CommandRecord(String id, CommandType type, JsonNode properties, Instant createdAt, Instant expiresAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.type = Objects.requireNonNull(type, "type");
        this.properties = properties;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Moves the command to a new state at {@code time}. */
    public void moveTo(CommandState newState, Instant time, String newMessage) {
        this.fromState = this.state;
        this.state = newState;
        this.stateTime = time;
        this.message = newMessage;
    }

    /** Records why the car refused (goes into {@code value.data.commandError.commandExecutionFailure}). */
    public void failure(String code, String context) {
        this.oemErrorCode = code;
        this.oemErrorContext = context;
    }

    /** The metrics whose fresh values the final state carries in {@code value.metrics}. */
    public void reportedMetrics(List<String> names) {
        this.reportedMetrics = List.copyOf(names);
    }

    public String id() {
        return id;
    }

    public CommandType type() {
        return type;
    }

    /** The body's {@code properties}, or null when it had none. */
    public JsonNode properties() {
        return properties;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    /** The previous state, or null. */
    public CommandState fromState() {
        return fromState;
    }

    /** The current state, or null while the command is only {@code REQUESTED} (not yet visible in telemetry). */
    public CommandState state() {
        return state;
    }

    public Instant stateTime() {
        return stateTime;
    }

    public String message() {
        return message;
    }

    public String oemErrorCode() {
        return oemErrorCode;
    }

    public String oemErrorContext() {
        return oemErrorContext;
    }

    public List<String> reportedMetrics() {
        return reportedMetrics;
    }
}
