package io.github.connectedcar.command.internal;

import io.github.connectedcar.command.CommandProgress;
import io.github.connectedcar.ford.internal.FordApi.CommandStates;
import io.github.connectedcar.ford.internal.FordApi;
import io.github.connectedcar.internal.Json;
import io.github.connectedcar.model.CommandState;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reads a command's progress from telemetry {@code states} (docs/ford-api.md §5.2); what each {@code toState} means is
 * {@link CommandStates#stateOf(String)}. Pure functions.
 */
public final class CommandTelemetry {
    private CommandTelemetry() {
    }

    /**
     * The progress of one command in a telemetry body: the entry under {@code states.<stateKey>} or
     * {@code states.commands.<stateKey>} whose {@code commandId} is this command's. An entry of another (older)
     * command, or one without a {@code toState}, is no news.
     *
     * @return the progress, or empty when the telemetry says nothing about this command yet
     */
    public static Optional<CommandProgress> progressOf(JsonNode telemetry, String vin, String commandType,
                                                       String stateKey, String commandId, Clock clock) {
        if (telemetry == null) {
            return Optional.empty();
        }
        JsonNode states = telemetry.path(FordApi.STATES);
        for (JsonNode entry : List.of(states.path(stateKey), states.path(FordApi.STATES_COMMANDS).path(stateKey))) {
            if (!entry.isObject()) {
                continue;
            }
            String id = Json.text(entry, FordApi.STATE_COMMAND_ID);
            if (id == null || !id.strip().equalsIgnoreCase(commandId)) {
                continue; // a stale entry of another command
            }
            JsonNode value = entry.path(FordApi.STATE_VALUE);
            String toState = Json.text(value, FordApi.STATE_TO_STATE);
            if (toState == null || toState.isBlank()) {
                continue;
            }
            CommandState state = CommandStates.stateOf(toState);
            JsonNode failure = value;
            for (String step : FordApi.STATE_FAILURE_PATH) {
                failure = failure.path(step);
            }
            String oemCode = state.equals(CommandState.FAILED) ? blankToNull(Json.text(failure,
                FordApi.STATE_OEM_ERROR_CODE)) : null;
            String oemContext = state.equals(CommandState.FAILED) ? blankToNull(Json.text(failure,
                FordApi.STATE_OEM_ERROR_CONTEXT)) : null;
            JsonNode metrics = value.path(FordApi.STATE_METRICS);
            return Optional.of(new CommandProgress(vin, commandType, commandId, state, toState.strip(),
                timeOf(entry, clock), clock.instant(), oemCode, oemContext, metrics.isObject() && !metrics.isEmpty() ? metrics : null));
        }
        return Optional.empty();
    }

    private static Instant timeOf(JsonNode entry, Clock clock) {
        String text = Json.text(entry, FordApi.STATE_TIMESTAMP);
        if (text != null) {
            try {
                return Instant.parse(text.strip());
            } catch (DateTimeParseException e) {
                // Fall through to the clock: an odd timestamp is no reason to lose the state.
            }
        }
        return clock.instant();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
