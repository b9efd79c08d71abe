package io.github.connectedcar.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

import tools.jackson.databind.JsonNode;

/**
 * One charging session from Ford's energy-transfer log (docs/ford-api.md §4.4): when energy flowed, how much, where
 * and from what kind of charger. Every getter is total: a field Ford left out, or sent with the wrong type, is empty,
 * never an exception. {@link #raw()} keeps the entry as Ford sent it.
 *
 * <p>Immutable and thread-safe; two sessions are equal when their JSON is.
 */
public final class ChargingSession {
    private final JsonNode entry;

    private ChargingSession(JsonNode entry) {
        this.entry = entry;
    }

    /**
     * A session over a copy of one entry of {@code energyTransferLogs[]}.
     *
     * @throws NullPointerException     if {@code entry} is null
     * @throws IllegalArgumentException if {@code entry} is not a JSON object
     */
    public static ChargingSession of(JsonNode entry) {
        Objects.requireNonNull(entry, "entry");
        if (!entry.isObject()) {
            throw new IllegalArgumentException("A charging session must be a JSON object, not " + entry.getNodeType());
        }
        return new ChargingSession(entry.deepCopy());
    }

    /** Ford's id of the entry ({@code id}). */
    public Optional<String> id() {
        return JsonValues.text(entry.get("id")).or(() -> JsonValues.number(entry.get("id")).map(id ->
            id == Math.rint(id) ? Long.toString(id.longValue()) : id.toString()));
    }

    /**
     * When energy started to flow ({@code energyTransferDuration.begin}), else when the cable was plugged in
     * ({@code plugDetails.plugInTime}).
     */
    public Optional<Instant> start() {
        return JsonValues.instant(entry.path("energyTransferDuration").get("begin"))
            .or(this::pluggedInAt);
    }

    /**
     * When energy stopped flowing ({@code energyTransferDuration.end}), else when the cable was pulled
     * ({@code plugDetails.plugOutTime}). Empty while a session is still going.
     */
    public Optional<Instant> end() {
        return JsonValues.instant(entry.path("energyTransferDuration").get("end"))
            .or(this::unpluggedAt);
    }

    /** How long energy flowed: {@link #end()} minus {@link #start()}, when both are known and in order. */
    public Optional<Duration> duration() {
        Optional<Instant> start = start();
        return end().filter(end -> start.isPresent() && !end.isBefore(start.get()))
            .map(end -> Duration.between(start.get(), end));
    }

    /** When the cable was plugged in ({@code plugDetails.plugInTime}). */
    public Optional<Instant> pluggedInAt() {
        return JsonValues.instant(entry.path("plugDetails").get("plugInTime"));
    }

    /** When the cable was pulled ({@code plugDetails.plugOutTime}). */
    public Optional<Instant> unpluggedAt() {
        return JsonValues.instant(entry.path("plugDetails").get("plugOutTime"));
    }

    /** Energy put into the battery, kWh ({@code energyConsumed}). */
    public OptionalDouble energyKwh() {
        return JsonValues.optionalNumber(entry.get("energyConsumed"));
    }

    /** The kind of charger as Ford sent it, such as {@code AC_BASIC} or {@code DC_FAST} ({@code chargerType}). */
    public Optional<String> chargerType() {
        return JsonValues.text(entry.get("chargerType"));
    }

    /** Where the car charged ({@code location}); empty when Ford sent no location object. */
    public Optional<ChargeLocation> location() {
        JsonNode location = entry.get("location");
        if (location == null || !location.isObject()) {
            return Optional.empty();
        }
        JsonNode address = location.path("address");
        return Optional.of(new ChargeLocation(JsonValues.text(location.get("name")),
            JsonValues.text(address.get("address1")).or(() -> JsonValues.text(address.get("street"))),
            JsonValues.text(address.get("city")), JsonValues.text(address.get("state")),
            JsonValues.text(address.get("postalCode")), JsonValues.text(address.get("country")),
            JsonValues.optionalNumber(location.get("latitude")), JsonValues.optionalNumber(location.get("longitude"))));
    }

    /** State of charge when the session began, % ({@code stateOfCharge.firstSOC}). */
    public OptionalDouble firstStateOfCharge() {
        return JsonValues.optionalNumber(entry.path("stateOfCharge").get("firstSOC"));
    }

    /** State of charge when the session ended, % ({@code stateOfCharge.lastSOC}). */
    public OptionalDouble lastStateOfCharge() {
        return JsonValues.optionalNumber(entry.path("stateOfCharge").get("lastSOC"));
    }

    /** The target state of charge of the session, % ({@code targetSoc}). */
    public OptionalDouble targetStateOfCharge() {
        return JsonValues.optionalNumber(entry.get("targetSoc"));
    }

    /** The highest charging power, kW ({@code power.max}). */
    public OptionalDouble maxPowerKw() {
        return JsonValues.optionalNumber(entry.path("power").get("max"));
    }

    /** The average charging power, kW ({@code power.average}). */
    public OptionalDouble averagePowerKw() {
        return JsonValues.optionalNumber(entry.path("power").get("average"));
    }

    /** Range added, km ({@code plugDetails.totalDistanceAdded}). */
    public OptionalDouble rangeAddedKm() {
        return JsonValues.optionalNumber(entry.path("plugDetails").get("totalDistanceAdded"));
    }

    /** A copy of the entry as Ford sent it. */
    public JsonNode raw() {
        return entry.deepCopy();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChargingSession that && entry.equals(that.entry);
    }

    @Override
    public int hashCode() {
        return entry.hashCode();
    }

    /** Such as {@code ChargingSession{start=…, end=…, energy=22.5 kWh, charger=AC_BASIC}}. */
    @Override
    public String toString() {
        return "ChargingSession{start=" + start().map(Object::toString).orElse("?") + ", end="
            + end().map(Object::toString).orElse("?") + ", energy="
            + (energyKwh().isPresent() ? energyKwh().getAsDouble() + " kWh" : "?") + ", charger="
            + chargerType().orElse("?") + "}";
    }
}
