package io.github.connectedcar.command;

import io.github.connectedcar.ford.internal.FordApi;

/** How long the car honks and flashes ({@code startPanicCue}); Ford accepts 1, 3 or 5 seconds. */
public enum HonkDuration {
    /** One second. */
    ONE_SECOND(1),
    /** Three seconds. */
    THREE_SECONDS(3),
    /** Five seconds. */
    FIVE_SECONDS(5);

    private final int seconds;

    HonkDuration(int seconds) {
        this.seconds = seconds;
    }

    /** {@return the duration in seconds, as sent to Ford} */
    public int seconds() {
        return seconds;
    }

    /**
     * The duration of this many seconds.
     *
     * @param seconds 1, 3 or 5
     * @return the duration
     * @throws IllegalArgumentException unless {@code seconds} is 1, 3 or 5
     */
    public static HonkDuration ofSeconds(int seconds) {
        for (HonkDuration d : values()) {
            if (d.seconds == seconds && FordApi.CommandProperties.PANIC_DURATIONS.contains(seconds)) {
                return d;
            }
        }
        throw new IllegalArgumentException("The car honks for 1, 3 or 5 seconds only, not " + seconds);
    }
}
