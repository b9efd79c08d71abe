package io.github.connectedcar.simulator.internal.vehicle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

import io.github.connectedcar.simulator.internal.http.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The energy-transfer log of a car with a charge port (docs/ford-api.md §4.4): one entry per charging session, newest
 * first, in the field names the FordPass clients read. A plug-in car starts with two sessions of the days before the
 * simulation began; every session the simulation runs (charging started, then stopped, completed or unplugged) is
 * added when it ends. The location is always the car's home. Not thread-safe.
 */
final class ChargeLog {
    /** Ford keeps a bounded history; so does the simulator. */
    private static final int KEPT = 100;

    private final String vin;
    private final double capacityKwh;
    private final Deque<ObjectNode> sessions = new ArrayDeque<>();
    private int nextId = 1;
    private Instant openSince;
    private double openEnergyKwh;
    private double openPercent;
    private double maxPowerKw;

    ChargeLog(String vin, double capacityKwh) {
        this.vin = vin;
        this.capacityKwh = capacityKwh;
    }

    /** Two earlier sessions ending before {@code now}, so a fresh simulation has a history. */
    void seed(Instant now, double latitude, double longitude, double powerKw) {
        add(now.minus(Duration.ofDays(5)).minus(Duration.ofHours(9)), Duration.ofHours(6), 38, 80, 11.0,
            latitude, longitude);
        add(now.minus(Duration.ofDays(2)).minus(Duration.ofHours(3)), Duration.ofMinutes(40), 22, 71, Math.max(powerKw,
            50), latitude + 0.05, longitude - 0.08);
    }

    /** Energy starts to flow. */
    void began(Instant now, double energyKwh, double percent, double powerKw) {
        if (openSince == null) {
            openSince = now;
            openEnergyKwh = energyKwh;
            openPercent = percent;
            maxPowerKw = powerKw;
        }
    }

    /** Energy stops flowing; the session is logged. */
    void ended(Instant now, double energyKwh, double percent, double latitude, double longitude) {
        if (openSince == null) {
            return;
        }
        ObjectNode entry = entry(openSince, now, Math.max(0, energyKwh - openEnergyKwh), openPercent, percent,
            maxPowerKw, latitude, longitude);
        openSince = null;
        keep(entry);
    }

    private void add(Instant begin, Duration length, double firstPercent, double lastPercent, double powerKw,
                     double latitude, double longitude) {
        keep(entry(begin, begin.plus(length), capacityKwh * (lastPercent - firstPercent) / 100, firstPercent,
            lastPercent, powerKw, latitude, longitude));
    }

    private void keep(ObjectNode entry) {
        sessions.addFirst(entry);
        while (sessions.size() > KEPT) {
            sessions.removeLast();
        }
    }

    private ObjectNode entry(Instant begin, Instant end, double energyKwh, double firstPercent, double lastPercent,
                             double powerKw, double latitude, double longitude) {
        long seconds = Duration.between(begin, end).toSeconds();
        ObjectNode entry = Json.object()
            .put("id", vin + "-" + nextId++)
            .put("deviceId", vin)
            .put("eventType", "ChargeData")
            .put("chargerType", powerKw > 22 ? "DC_FAST" : "AC_BASIC")
            .put("energyConsumed", Numbers.round(energyKwh, 3))
            .put("timeStamp", Json.seconds(end))
            .put("preferredChargeAmount", 0)
            .put("targetSoc", 80);
        entry.putObject("plugDetails").put("plugInTime", Json.seconds(begin.minusSeconds(60)))
            .put("plugOutTime", Json.seconds(end.plusSeconds(120))).put("totalPluggedInTime", seconds + 180)
            .put("plugInDte", 0).put("totalDistanceAdded", Numbers.round(energyKwh * 5.2, 1));
        entry.putObject("power").put("min", 0.0).put("max", Numbers.round(powerKw, 2))
            .put("average", Numbers.round(seconds <= 0 ? 0 : energyKwh / (seconds / 3600.0), 2))
            .put("weightedAverage", Numbers.round(powerKw * 0.9, 2));
        entry.putObject("stateOfCharge").put("firstSOC", Math.round(firstPercent)).put("lastSOC", Math.round(lastPercent))
            .put("socDifference", Math.round(lastPercent) - Math.round(firstPercent));
        entry.putObject("energyTransferDuration").put("begin", Json.seconds(begin)).put("end", Json.seconds(end))
            .put("totalTime", seconds);
        ObjectNode location = entry.putObject("location");
        location.put("id", 1).put("type", "SAVED").put("name", "Home");
        location.putObject("address").put("address1", "1 American Road").put("city", "Dearborn").put("state", "MI")
            .put("country", "USA").put("postalCode", "48126");
        location.put("latitude", Numbers.round(latitude, 5)).put("longitude", Numbers.round(longitude, 5))
            .put("timeZoneOffset", "UTC");
        return entry;
    }

    /** The answer of the energy-transfer-logs call: the newest {@code maxRecords} sessions. */
    ObjectNode answer(int maxRecords) {
        ObjectNode answer = Json.object();
        ArrayNode list = answer.putArray("energyTransferLogs");
        sessions.stream().limit(Math.max(0, maxRecords)).forEach(entry -> list.add(entry.deepCopy()));
        return answer;
    }
}
