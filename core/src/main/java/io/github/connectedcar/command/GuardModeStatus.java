package io.github.connectedcar.command;

import io.github.connectedcar.model.GuardModeState;
import java.util.Objects;
import java.util.Optional;

/**
 * Guard mode's state as Ford's guard-mode service answered it (docs/ford-api.md §4): the typed state where the
 * answer has one, and the answer itself. Immutable.
 */
public final class GuardModeStatus {
    private final ActionResult answer;
    private final GuardModeState state;

    /**
     * @param answer the service's answer
     * @param state  the state it reported, or {@code null} when it reported none
     */
    public GuardModeStatus(ActionResult answer, GuardModeState state) {
        this.answer = Objects.requireNonNull(answer, "answer");
        this.state = state;
    }

    /** {@return the car} */
    public String vin() {
        return answer.vin();
    }

    /** {@return the state Ford reported ({@code session.gmStatus}); empty when the answer does not say} */
    public Optional<GuardModeState> state() {
        return Optional.ofNullable(state);
    }

    /**
     * Whether guard mode is on: present when the state is one the SDK knows ({@link GuardModeState#isKnown()}),
     * empty when Ford's answer gave no state or one the SDK does not know.
     *
     * @return whether guard mode is on, where known
     */
    public Optional<Boolean> isOn() {
        return state == null || !state.isKnown() ? Optional.empty() : Optional.of(state.isOn());
    }

    /** {@return the service's answer: HTTP status, returnCode, message and the whole body as it came} */
    public ActionResult answer() {
        return answer;
    }

    @Override
    public String toString() {
        return "GuardModeStatus[" + vin() + ": " + (state == null ? "not reported" : state.value()) + "]";
    }
}
