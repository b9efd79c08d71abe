package io.github.connectedcar.simulator.vehicle;

/** The {@code engineType} of Ford's vehicle profile. */
public enum EngineType {
    /** Combustion engine only. */
    ICE,
    /** Battery electric. */
    BEV,
    /** Hybrid without a plug. */
    HEV,
    /** Plug-in hybrid. */
    PHEV;

    /** Whether the car has a traction battery that can be charged from a plug. */
    public boolean isPlugIn() {
        return this == BEV || this == PHEV;
    }

    /** Whether the car has a fuel tank. */
    public boolean hasFuelTank() {
        return this != BEV;
    }
}
