package io.github.connectedcar.simulator.internal.world;

import tools.jackson.databind.node.ObjectNode;

/** Told about every change of a vehicle, as the partial telemetry a websocket {@code _data} frame carries. */
@FunctionalInterface
public interface VehicleUpdateListener {

    /**
     * Called under the world's lock, in the order changes happened; must only hand the data on (non-blocking).
     *
     * @param vin  the vehicle
     * @param data {@code metrics}/{@code states}/{@code events}/{@code updateTime} that changed; owned by the callee
     */
    void onVehicleUpdate(String vin, ObjectNode data);

    /** Whether updates of this vehicle are wanted now; when no listener wants them, they are not even rendered. */
    default boolean wants(String vin) {
        return true;
    }
}
