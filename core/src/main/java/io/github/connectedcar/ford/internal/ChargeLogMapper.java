package io.github.connectedcar.ford.internal;

import io.github.connectedcar.exception.DecodeException;
import io.github.connectedcar.model.ChargingSession;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Turns Ford's energy-transfer log (docs/ford-api.md §4.4) into charging sessions, newest first as Ford lists them. */
public final class ChargeLogMapper {
    private ChargeLogMapper() {
    }

    /**
     * The sessions of an answer: each object of {@code energyTransferLogs[]} (a single object counts as a one-entry
     * list); other entries are skipped. An answer without the list has no sessions (Ford sends none for a car that
     * never charged).
     *
     * @throws DecodeException with operation {@code energy-transfer-logs} when the answer is not a JSON object
     */
    public static List<ChargingSession> toSessions(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new DecodeException(FordApi.ENERGY_TRANSFER_LOGS.name(), "The energy-transfer log is not a JSON object but "
                + (body == null ? "nothing" : body.getNodeType()), null);
        }
        JsonNode logs = body.get(FordApi.ENERGY_TRANSFER_LOGS_LIST);
        if (logs == null) {
            return List.of();
        }
        List<ChargingSession> sessions = new ArrayList<>();
        for (JsonNode entry : logs.isArray() ? logs.valueStream().toList() : List.of(logs)) {
            if (entry.isObject()) {
                sessions.add(ChargingSession.of(entry));
            }
        }
        return List.copyOf(sessions);
    }
}
