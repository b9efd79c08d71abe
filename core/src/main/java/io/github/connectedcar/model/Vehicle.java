package io.github.connectedcar.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.StringJoiner;

import tools.jackson.databind.JsonNode;

/**
 * One vehicle of the account, as the dashboard ({@code expdashboard}) describes it: the join by VIN of its
 * {@code vehicleDetails}, {@code vehicleProfile} and {@code vehicleCapabilities} entries. Any of the three may be
 * missing; then the values it would give are empty, the engine type is {@link EngineType#UNKNOWN} and there are fewer
 * capabilities.
 *
 * <p>Capabilities come from flags: the fields of the capability entry, then the fields of the profile not named
 * there, whose value reads as yes or no (Ford sends booleans or strings such as {@code "Display"},
 * {@code "NoDisplay"}, {@code "true"}). {@link #capabilityFlags()} keeps every flag by Ford's name;
 * {@link #supports(Capability)} answers for one. {@link Capability#CHARGING} has no flag: it is implied by an
 * {@link EngineType#isElectric() electric} engine type.
 *
 * <p>Immutable and thread-safe; the raw entries are copied in and out. Build one with {@link #builder(String)}.
 */
public final class Vehicle {
    private final String vin;
    private final String nickname;
    private final String modelName;
    private final Integer modelYear;
    private final EngineType engineType;
    private final Integer numberOfLightingZones;
    private final Map<String, Boolean> capabilityFlags;
    private final JsonNode details;
    private final JsonNode profile;
    private final JsonNode capabilityEntry;

    private Vehicle(Builder builder) {
        this.vin = builder.vin;
        this.nickname = builder.nickname;
        this.modelName = builder.modelName;
        this.modelYear = builder.modelYear;
        this.engineType = builder.engineType;
        this.numberOfLightingZones = builder.numberOfLightingZones;
        this.capabilityFlags = Collections.unmodifiableMap(new LinkedHashMap<>(builder.capabilityFlags));
        this.details = copy(builder.details);
        this.profile = copy(builder.profile);
        this.capabilityEntry = copy(builder.capabilityEntry);
    }

    /**
     * A builder for the vehicle with this VIN (trimmed and upper-cased).
     *
     * @throws NullPointerException     if {@code vin} is null
     * @throws IllegalArgumentException if {@code vin} is blank
     */
    public static Builder builder(String vin) {
        return new Builder(vin);
    }

    /** The vehicle identification number, upper case. */
    public String vin() {
        return vin;
    }

    /** The name the owner gave the vehicle in the FordPass app; empty when none. */
    public Optional<String> nickname() {
        return Optional.ofNullable(nickname);
    }

    /** The model, such as {@code F-150} or {@code Mustang Mach-E}; empty when Ford did not say. */
    public Optional<String> modelName() {
        return Optional.ofNullable(modelName);
    }

    /** The model year, such as {@code 2023}; empty when Ford did not say. */
    public OptionalInt modelYear() {
        return modelYear == null ? OptionalInt.empty() : OptionalInt.of(modelYear);
    }

    /** How the vehicle is powered; {@link EngineType#UNKNOWN} when Ford did not say. */
    public EngineType engineType() {
        return engineType;
    }

    /** How many zones zone lighting has ({@code numberOfLightingZones}); empty when Ford did not say. */
    public OptionalInt numberOfLightingZones() {
        return numberOfLightingZones == null ? OptionalInt.empty() : OptionalInt.of(numberOfLightingZones);
    }

    /** Every capability flag by Ford's name, such as {@code remoteStart → true}, in Ford's order. */
    public Map<String, Boolean> capabilityFlags() {
        return capabilityFlags;
    }

    /**
     * Whether the vehicle supports a capability: its flag says yes, or for {@link Capability#CHARGING} the engine type
     * is electric. A capability without a flag is not supported.
     */
    public boolean supports(Capability capability) {
        Objects.requireNonNull(capability, "capability");
        if (capability.equals(Capability.CHARGING) && engineType.isElectric()) {
            return true;
        }
        return capabilityFlags.entrySet().stream()
            .anyMatch(flag -> flag.getValue() && Capability.of(flag.getKey()).equals(capability));
    }

    /** Every supported capability: the flags that say yes, plus {@link Capability#CHARGING} when electric. */
    public Set<Capability> capabilities() {
        Set<Capability> supported = new LinkedHashSet<>();
        capabilityFlags.forEach((name, value) -> {
            if (value) {
                supported.add(Capability.of(name));
            }
        });
        if (engineType.isElectric()) {
            supported.add(Capability.CHARGING);
        }
        return Collections.unmodifiableSet(supported);
    }

    /** A copy of the vehicle's {@code userVehicles.vehicleDetails[]} entry; empty when there was none. */
    public Optional<JsonNode> details() {
        return Optional.ofNullable(copy(details));
    }

    /** A copy of the vehicle's {@code vehicleProfile[]} entry; empty when there was none. */
    public Optional<JsonNode> profile() {
        return Optional.ofNullable(copy(profile));
    }

    /** A copy of the vehicle's {@code vehicleCapabilities[]} entry; empty when there was none. */
    public Optional<JsonNode> capabilityEntry() {
        return Optional.ofNullable(copy(capabilityEntry));
    }

    private static JsonNode copy(JsonNode node) {
        return node == null ? null : node.deepCopy();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Vehicle that && vin.equals(that.vin) && Objects.equals(nickname, that.nickname)
            && Objects.equals(modelName, that.modelName) && Objects.equals(modelYear, that.modelYear)
            && engineType.equals(that.engineType)
            && Objects.equals(numberOfLightingZones, that.numberOfLightingZones)
            && capabilityFlags.equals(that.capabilityFlags) && Objects.equals(details, that.details)
            && Objects.equals(profile, that.profile) && Objects.equals(capabilityEntry, that.capabilityEntry);
    }

    @Override
    public int hashCode() {
        return Objects.hash(vin, nickname, modelName, modelYear, engineType, numberOfLightingZones, capabilityFlags,
            details, profile, capabilityEntry);
    }

    /**
     * Such as {@code Vehicle{vin=1FT…, nickname=Work Truck, model=2023 F-150, engineType=ICE, capabilities=[…]}};
     * never the raw entries.
     */
    @Override
    public String toString() {
        StringJoiner text = new StringJoiner(", ", "Vehicle{", "}");
        text.add("vin=" + vin);
        nickname().ifPresent(name -> text.add("nickname=" + name));
        StringJoiner model = new StringJoiner(" ");
        modelYear().ifPresent(year -> model.add(String.valueOf(year)));
        modelName().ifPresent(model::add);
        if (model.length() > 0) {
            text.add("model=" + model);
        }
        text.add("engineType=" + engineType);
        text.add("capabilities=" + capabilities());
        return text.toString();
    }

    /** Builds a {@link Vehicle}; every setting but the VIN is optional. Not thread-safe. */
    public static final class Builder {
        private final String vin;
        private String nickname;
        private String modelName;
        private Integer modelYear;
        private EngineType engineType = EngineType.UNKNOWN;
        private Integer numberOfLightingZones;
        private final Map<String, Boolean> capabilityFlags = new LinkedHashMap<>();
        private JsonNode details;
        private JsonNode profile;
        private JsonNode capabilityEntry;

        private Builder(String vin) {
            Objects.requireNonNull(vin, "vin");
            if (vin.isBlank()) {
                throw new IllegalArgumentException("A VIN must not be blank");
            }
            this.vin = vin.strip().toUpperCase(Locale.ROOT);
        }

        /** The owner's name for the vehicle; null or blank for none. */
        public Builder nickname(String nickname) {
            this.nickname = blankToNull(nickname);
            return this;
        }

        /** The model name; null or blank for unknown. */
        public Builder modelName(String modelName) {
            this.modelName = blankToNull(modelName);
            return this;
        }

        /** The model year; null for unknown. */
        public Builder modelYear(Integer modelYear) {
            this.modelYear = modelYear;
            return this;
        }

        /** The engine type; null means {@link EngineType#UNKNOWN}. */
        public Builder engineType(EngineType engineType) {
            this.engineType = engineType == null ? EngineType.UNKNOWN : engineType;
            return this;
        }

        /** The number of lighting zones; null for unknown. */
        public Builder numberOfLightingZones(Integer numberOfLightingZones) {
            this.numberOfLightingZones = numberOfLightingZones;
            return this;
        }

        /**
         * Adds a capability flag by Ford's name; a later flag of the same name replaces an earlier one.
         *
         * @throws NullPointerException     if {@code name} is null
         * @throws IllegalArgumentException if {@code name} is blank
         */
        public Builder capabilityFlag(String name, boolean supported) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("A capability flag name must not be blank");
            }
            capabilityFlags.put(name.strip(), supported);
            return this;
        }

        /** The raw {@code vehicleDetails[]} entry, copied on {@link #build()}; null for none. */
        public Builder details(JsonNode details) {
            this.details = details;
            return this;
        }

        /** The raw {@code vehicleProfile[]} entry, copied on {@link #build()}; null for none. */
        public Builder profile(JsonNode profile) {
            this.profile = profile;
            return this;
        }

        /** The raw {@code vehicleCapabilities[]} entry, copied on {@link #build()}; null for none. */
        public Builder capabilityEntry(JsonNode capabilityEntry) {
            this.capabilityEntry = capabilityEntry;
            return this;
        }

        /** The vehicle. The builder may be used again afterwards. */
        public Vehicle build() {
            return new Vehicle(this);
        }

        private static String blankToNull(String text) {
            return text == null || text.isBlank() ? null : text.strip();
        }
    }
}
