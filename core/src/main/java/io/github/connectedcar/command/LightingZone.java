package io.github.connectedcar.command;

import io.github.connectedcar.ford.internal.FordApi;

/** A zone of zone lighting, with Ford's number for it. */
public enum LightingZone {
    /** Every zone (0). */
    ALL(FordApi.LIGHTING_ZONE_ALL),
    /** In front of the car (1). */
    FRONT(FordApi.LIGHTING_ZONE_FRONT),
    /** Behind the car (2). */
    REAR(FordApi.LIGHTING_ZONE_REAR),
    /** The driver's side (3). */
    DRIVER_SIDE(FordApi.LIGHTING_ZONE_DRIVER),
    /** The passenger's side (4). */
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
     * @param number Ford's number of the zone
     * @return the zone
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
