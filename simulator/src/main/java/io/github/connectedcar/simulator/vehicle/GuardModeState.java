package io.github.connectedcar.simulator.vehicle;

/** Guard mode of a vehicle, as the MPS guard-mode session reports it. */
public enum GuardModeState {
    DISABLED,
    /** Enabling takes a while; a disable during this phase is refused with returnCode 300. */
    ENROLLING,
    ENABLED
}
