package io.connectedcar.command;

import io.connectedcar.ford.internal.FordApi;

/** A zone of zone lighting, with Ford's number for it. */
public enum LightingZone {
    ALL(FordApi.LIGHTING_ZONE_ALL),
    FRONT(FordApi.LIGHTING_ZONE_FRONT),
    REAR(FordApi.LIGHTING_ZONE_REAR),
    DRIVER_SIDE(FordApi.LIGHTING_ZONE_DRIVER),
    PASSENGER_SIDE(FordApi.LIGHTING_ZONE_PASSENGER);

    private final int number;

    LightingZone(int number) {
        this.number = number;
    }

    /** {@return Ford's number: 0 all, 1 front, 2 rear, 3 driver side, 4 passenger side} */
    public int number() {
        return number;
    }

    /**
     * The zone with Ford's number.
     *
     * @throws IllegalArgumentException unless {@code number} is 0 to 4
     */
    public static LightingZone of(int number) {
        for (LightingZone zone : values()) {
            if (zone.number == number) {
                return zone;
            }
        }
        throw new IllegalArgumentException("Lighting zones are numbered 0 to 4 (0 all, 1 front, 2 rear, 3 driver "
            + "side, 4 passenger side), not " + number);
    }
}
