package io.github.connectedcar.command;

import io.github.connectedcar.ford.internal.FordApi;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A remote climate control profile ({@code rcc/profile/update}): whether remote climate is on, and preferences by
 * Ford's name ({@code SetPointTemp_Rq}, {@code RccRearDefrost_Rq}, ...). Ford replaces the stored profile with the
 * one sent, so include every preference to keep. Immutable; build one with {@link #builder()}.
 */
public final class ClimateProfile {
    /** The lowest cabin temperature Ford accepts, °C. */
    public static final double MIN_TEMPERATURE_CELSIUS = -40.0;
    /** The highest cabin temperature Ford accepts, °C. */
    public static final double MAX_TEMPERATURE_CELSIUS = 50.0;

    private final boolean enabled;
    private final Map<String, String> preferences;

    private ClimateProfile(boolean enabled, Map<String, String> preferences) {
        this.enabled = enabled;
        this.preferences = Collections.unmodifiableMap(new LinkedHashMap<>(preferences));
    }

    /** {@return a builder of a profile: remote climate on, no preferences} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return whether remote climate control is on ({@code crccStateFlag})} */
    public boolean enabled() {
        return enabled;
    }

    /** {@return preferences by Ford's name, in the order given} */
    public Map<String, String> preferences() {
        return preferences;
    }

    /** {@return the cabin temperature in °C, when set} */
    public Optional<Double> temperatureCelsius() {
        String wire = preferences.get(FordApi.CLIMATE_SET_POINT_TEMPERATURE);
        if (wire == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Double.parseDouble(wire.replace('_', '.')));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClimateProfile that && enabled == that.enabled
            && preferences.equals(that.preferences);
    }

    @Override
    public int hashCode() {
        return Objects.hash(enabled, preferences);
    }

    @Override
    public String toString() {
        return "ClimateProfile[enabled=" + enabled + ", preferences=" + preferences + "]";
    }

    /** Builds a {@link ClimateProfile}; each setter checks its value at once. Not thread-safe. */
    public static final class Builder {
        private boolean enabled = true;
        private final Map<String, String> preferences = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Whether remote climate control is on (default on).
         *
         * @param value whether remote climate control is on (default on)
         * @return this builder
         */
        public Builder enabled(boolean value) {
            this.enabled = value;
            return this;
        }

        /**
         * The cabin temperature, in steps of 0.5 °C.
         *
         * @param celsius the cabin temperature, in steps of 0.5 °C
         * @return this builder
         * @throws IllegalArgumentException outside {@value #MIN_TEMPERATURE_CELSIUS} to
         *                                  {@value #MAX_TEMPERATURE_CELSIUS} °C or not a multiple of 0.5
         */
        public Builder temperatureCelsius(double celsius) {
            if (!(celsius >= MIN_TEMPERATURE_CELSIUS && celsius <= MAX_TEMPERATURE_CELSIUS)) {
                throw new IllegalArgumentException("The cabin temperature must be between " + MIN_TEMPERATURE_CELSIUS
                    + " and " + MAX_TEMPERATURE_CELSIUS + " °C, was " + celsius);
            }
            if (celsius * 2 != Math.rint(celsius * 2)) {
                throw new IllegalArgumentException("The cabin temperature is set in steps of 0.5 °C, not " + celsius);
            }
            // Ford writes 22.5 °C as 22_5 and 22 °C as 22_0.
            String wire = BigDecimal.valueOf(celsius).setScale(1, java.math.RoundingMode.UNNECESSARY).toPlainString()
                .replace('.', '_');
            preferences.put(FordApi.CLIMATE_SET_POINT_TEMPERATURE, wire);
            return this;
        }

        /**
         * Any preference by Ford's name and value, such as {@code ("RccRearDefrost_Rq", "On")}; replaces an earlier
         * value of the same name.
         *
         * @param name any preference by Ford's name and value, such as {@code ("RccRearDefrost_Rq", "On")}; replaces an earlier value of the same name
         * @param value any preference by Ford's name and value, such as {@code ("RccRearDefrost_Rq", "On")}; replaces an earlier value of the same name
         * @return this builder
         * @throws IllegalArgumentException when the name or value is blank
         */
        public Builder preference(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (name.isBlank() || value.isBlank()) {
                throw new IllegalArgumentException("A climate preference needs a name and a value");
            }
            preferences.put(name.strip(), value.strip());
            return this;
        }

        /** {@return the profile} */
        public ClimateProfile build() {
            return new ClimateProfile(enabled, preferences);
        }
    }
}
