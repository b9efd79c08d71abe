package io.github.connectedcar.simulator.internal.vehicle;

import java.time.Duration;

import io.github.connectedcar.simulator.vehicle.GuardModeState;

/**
 * Guard mode and zone lighting: the features Ford's MPS host switches, not Autonomic's commands. Neither shows in
 * telemetry. Not thread-safe.
 */
public final class MpsFeatures {

    /** How long guard mode takes to enrol after it is enabled. */
    static final Duration GUARD_MODE_ENROLMENT = Duration.ofSeconds(30);

    private final Timeline timeline;
    private GuardModeState guardMode = GuardModeState.DISABLED;
    private boolean zoneLightingActive;
    private int activeLightingZone;

    MpsFeatures(Timeline timeline) {
        this.timeline = timeline;
    }

    public GuardModeState guardMode() {
        return guardMode;
    }

    /** Starts guard-mode enrolment; it completes after {@link #GUARD_MODE_ENROLMENT}. */
    public void enableGuardMode() {
        if (guardMode == GuardModeState.DISABLED) {
            guardMode = GuardModeState.ENROLLING;
            timeline.after(GUARD_MODE_ENROLMENT, () -> {
                if (guardMode == GuardModeState.ENROLLING) {
                    guardMode = GuardModeState.ENABLED;
                }
            });
        }
    }

    /**
     * Disables guard mode.
     *
     * @return false when enrolment is still in progress (nothing changed)
     */
    public boolean disableGuardMode() {
        if (guardMode == GuardModeState.ENROLLING) {
            return false;
        }
        guardMode = GuardModeState.DISABLED;
        return true;
    }

    public boolean zoneLightingActive() {
        return zoneLightingActive;
    }

    public int activeLightingZone() {
        return activeLightingZone;
    }

    public void setZoneLighting(boolean active) {
        zoneLightingActive = active;
        if (!active) {
            activeLightingZone = 0;
        }
    }

    /** Lights one zone (0 all, 1 front, 2 rear, 3 driver, 4 passenger); zone lighting switches on. */
    public void lightZone(int zone) {
        zoneLightingActive = true;
        activeLightingZone = zone;
    }
}
