package io.github.connectedcar.ford.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.github.connectedcar.exception.DecodeException;
import io.github.connectedcar.model.Capability;
import io.github.connectedcar.model.EngineType;
import io.github.connectedcar.model.Vehicle;
import tools.jackson.databind.JsonNode;

/**
 * Reads the account's vehicles from the dashboard body ({@code POST …/expdashboard/v1/details/}, docs/ford-api.md §4.1): joins
 * {@code userVehicles.vehicleDetails[]}, {@code vehicleProfile[]} and {@code vehicleCapabilities[]} by VIN. Liberal in
 * what it accepts: the VIN field may be spelled {@code VIN}, {@code vin} or any other letter case; every section may
 * sit at the top level or under {@code userVehicles}; a section may be missing or be a single object; entries without
 * a VIN are skipped. Field names are matched ignoring letter case. A pure function: the body is never changed.
 */
public final class VehicleListMapper {
    /** Strings Ford uses for a flag that says yes, folded (upper case, no {@code _ - space}). */
    private static final Set<String> YES = Set.of("TRUE", "DISPLAY", "YES", "ON", "ENABLED", "SUPPORTED",
        "AVAILABLE");
    /** Strings Ford uses for a flag that says no, folded. */
    private static final Set<String> NO = Set.of("FALSE", "NODISPLAY", "NO", "OFF", "DISABLED", "NOTSUPPORTED",
        "UNSUPPORTED", "NOTAVAILABLE", "UNAVAILABLE");

    private VehicleListMapper() {
    }

    /**
     * The vehicles of a dashboard body, in the order their VINs first appear (details, then profiles, then
     * capabilities). A vehicle named in only some sections has what those give. Odd values never fail: a field of the
     * wrong type is treated as missing.
     *
     * @throws DecodeException with operation {@code vehicles} when the body is null or not a JSON object
     */
    public static List<Vehicle> toVehicles(JsonNode dashboard) {
        if (dashboard == null || !dashboard.isObject()) {
            throw new DecodeException("vehicles", "The vehicle list is not a JSON object but "
                + (dashboard == null ? "nothing" : dashboard.getNodeType()), null);
        }
        Map<String, Entries> byVin = new LinkedHashMap<>();
        for (JsonNode entry : section(dashboard, "vehicleDetails")) {
            vinOf(entry).ifPresent(vin -> byVin.computeIfAbsent(vin, key -> new Entries()).details(entry));
        }
        for (JsonNode entry : section(dashboard, "vehicleProfile")) {
            vinOf(entry).ifPresent(vin -> byVin.computeIfAbsent(vin, key -> new Entries()).profile(entry));
        }
        for (JsonNode entry : section(dashboard, "vehicleCapabilities")) {
            vinOf(entry).ifPresent(vin -> byVin.computeIfAbsent(vin, key -> new Entries()).capabilities(entry));
        }
        List<Vehicle> vehicles = new ArrayList<>();
        byVin.forEach((vin, entries) -> vehicles.add(toVehicle(vin, entries)));
        return List.copyOf(vehicles);
    }

    private static Vehicle toVehicle(String vin, Entries entries) {
        Vehicle.Builder vehicle = Vehicle.builder(vin)
            .details(entries.details).profile(entries.profile).capabilityEntry(entries.capabilities)
            .nickname(text(entries.details, "nickName").or(() -> text(entries.profile, "nickName")).orElse(null))
            .modelName(text(entries.profile, "model").or(() -> text(entries.profile, "modelName"))
                .or(() -> text(entries.details, "modelName")).or(() -> text(entries.details, "model")).orElse(null))
            .modelYear(integer(entries.profile, "year").or(() -> integer(entries.profile, "modelYear"))
                .or(() -> integer(entries.details, "modelYear")).or(() -> integer(entries.details, "year"))
                .orElse(null))
            .engineType(EngineType.of(text(entries.profile, "engineType")
                .or(() -> text(entries.details, "engineType")).orElse(null)))
            .numberOfLightingZones(integer(entries.profile, "numberOfLightingZones").orElse(null));
        Set<Capability> named = new HashSet<>();
        addFlags(vehicle, entries.capabilities, named);
        addFlags(vehicle, entries.profile, named);
        return vehicle.build();
    }

    /** Adds the flag-like fields of an entry that no earlier entry named. */
    private static void addFlags(Vehicle.Builder vehicle, JsonNode entry, Set<Capability> named) {
        if (entry == null) {
            return;
        }
        for (Map.Entry<String, JsonNode> field : entry.properties()) {
            String name = field.getKey();
            if (name.isBlank() || name.equalsIgnoreCase("vin")) {
                continue;
            }
            Optional<Boolean> flag = flag(field.getValue());
            if (flag.isPresent() && named.add(Capability.of(name))) {
                vehicle.capabilityFlag(name, flag.get());
            }
        }
    }

    /** A boolean, or a string Ford uses for yes or no ({@code Display}, {@code NoDisplay}, {@code true}…). */
    private static Optional<Boolean> flag(JsonNode value) {
        if (value.isBoolean()) {
            return Optional.of(value.booleanValue());
        }
        if (!value.isString()) {
            return Optional.empty();
        }
        String folded = value.stringValue().strip().toUpperCase(Locale.ROOT).replaceAll("[_\\-\\s]", "");
        if (YES.contains(folded)) {
            return Optional.of(Boolean.TRUE);
        }
        return NO.contains(folded) ? Optional.of(Boolean.FALSE) : Optional.empty();
    }

    /** The entries of a section found at the top level or under {@code userVehicles}; a lone object counts as one. */
    private static List<JsonNode> section(JsonNode dashboard, String name) {
        JsonNode section = field(dashboard, name);
        if (section == null) {
            section = field(dashboard.path("userVehicles"), name);
        }
        if (section == null) {
            return List.of();
        }
        if (section.isObject()) {
            return List.of(section);
        }
        return section.isArray() ? section.valueStream().filter(JsonNode::isObject).toList() : List.of();
    }

    private static Optional<String> vinOf(JsonNode entry) {
        return text(entry, "vin").map(vin -> vin.toUpperCase(Locale.ROOT));
    }

    /** A field of an object by name, ignoring letter case (an exact match wins). */
    private static JsonNode field(JsonNode object, String name) {
        if (object == null || !object.isObject()) {
            return null;
        }
        JsonNode exact = object.get(name);
        if (exact != null) {
            return exact;
        }
        return object.properties().stream().filter(property -> property.getKey().equalsIgnoreCase(name))
            .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private static Optional<String> text(JsonNode object, String name) {
        JsonNode value = field(object, name);
        if (value == null || !value.isString() || value.stringValue().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(value.stringValue().strip());
    }

    /** A whole number, or a string holding one (Ford sends the model year both ways). */
    private static Optional<Integer> integer(JsonNode object, String name) {
        JsonNode value = field(object, name);
        if (value == null) {
            return Optional.empty();
        }
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return Optional.of(value.intValue());
        }
        if (value.isString()) {
            try {
                return Optional.of(Integer.parseInt(value.stringValue().strip()));
            } catch (NumberFormatException notAnInteger) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The entries of one VIN; the first entry of each section wins. */
    private static final class Entries {
        private JsonNode details;
        private JsonNode profile;
        private JsonNode capabilities;

        void details(JsonNode entry) {
            if (details == null) {
                details = entry;
            }
        }

        void profile(JsonNode entry) {
            if (profile == null) {
                profile = entry;
            }
        }

        void capabilities(JsonNode entry) {
            if (capabilities == null) {
                capabilities = entry;
            }
        }
    }
}
