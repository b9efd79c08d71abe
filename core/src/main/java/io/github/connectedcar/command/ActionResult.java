package io.github.connectedcar.command;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import tools.jackson.databind.JsonNode;

/**
 * The answer to a single call on Ford's own hosts (guard mode, zone lighting, climate profile): these have no
 * command id to follow, so the answer is all there is. Immutable.
 */
public final class ActionResult {

    /** What the answer means. */
    public enum Outcome {
        /** Ford accepted the call. */
        DONE,
        /**
         * Guard mode answered {@code returnCode 300} "Enrollment is still in progress": not a failure, but the change
         * did not happen yet; try again later.
         */
        ENROLLMENT_IN_PROGRESS
    }

    private final String vin;
    private final String action;
    private final Outcome outcome;
    private final int httpStatus;
    private final Integer returnCode;
    private final String message;
    private final JsonNode body;

    /**
     * @param vin        the car
     * @param action     the SDK's name of the call, such as {@code guard-mode-enable}
     * @param outcome    what the answer means
     * @param httpStatus the HTTP status
     * @param returnCode the service's own code ({@code returnCode}/{@code status}), or {@code null}
     * @param message    the service's message, or {@code null}
     * @param body       the JSON answer, or {@code null}; copied
     */
    public ActionResult(String vin, String action, Outcome outcome, int httpStatus, Integer returnCode,
                        String message, JsonNode body) {
        this.vin = Objects.requireNonNull(vin, "vin");
        this.action = Objects.requireNonNull(action, "action");
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.httpStatus = httpStatus;
        this.returnCode = returnCode;
        this.message = message;
        this.body = body == null ? null : body.deepCopy();
    }

    /** {@return the car} */
    public String vin() {
        return vin;
    }

    /** {@return the SDK's name of the call, such as {@code guard-mode-enable}} */
    public String action() {
        return action;
    }

    /** {@return what the answer means} */
    public Outcome outcome() {
        return outcome;
    }

    /** {@return whether guard mode said its enrollment is still in progress (the change did not happen yet)} */
    public boolean isEnrollmentInProgress() {
        return outcome == Outcome.ENROLLMENT_IN_PROGRESS;
    }

    /** {@return the HTTP status of the answer} */
    public int httpStatus() {
        return httpStatus;
    }

    /** {@return the service's own code ({@code returnCode} or {@code status} in the body)} */
    public OptionalInt returnCode() {
        return returnCode == null ? OptionalInt.empty() : OptionalInt.of(returnCode);
    }

    /** {@return the service's message, such as {@code returnMessage}} */
    public Optional<String> message() {
        return Optional.ofNullable(message);
    }

    /** {@return a copy of the JSON answer; empty when the body was empty or not JSON} */
    public Optional<JsonNode> body() {
        return Optional.ofNullable(body == null ? null : body.deepCopy());
    }

    @Override
    public String toString() {
        return "ActionResult[" + action + " on " + vin + ": " + outcome + ", HTTP " + httpStatus
            + (returnCode == null ? "" : ", returnCode " + returnCode) + (message == null ? "" : ", " + message) + "]";
    }
}
