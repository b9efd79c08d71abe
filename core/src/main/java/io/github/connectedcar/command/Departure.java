package io.github.connectedcar.command;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;

/**
 * One weekly departure of an electric car's schedule: the car is charged (and the cabin made ready) for this day and
 * time at this charge location.
 *
 * @param day             the day of the week
 * @param time            the time of day, to the minute
 * @param locationId      Ford's id of the charge location (from {@code xevDepartureSchedules} in the status)
 * @param scheduleId      the slot's number, unique in the schedule
 * @param precondition    how the cabin is made ready
 * @param enabled         whether this departure is active
 */
public record Departure(DayOfWeek day, LocalTime time, String locationId, int scheduleId,
                        PreconditionTemperature precondition, boolean enabled) {

    /**
     * Checks the departure.
     *
     * @param day          the day of the week
     * @param time         the time of day, to the minute
     * @param locationId   Ford's id of the charge location
     * @param scheduleId   the slot's number, unique in the schedule
     * @param precondition how the cabin is made ready
     * @param enabled      whether this departure is active
     * @throws NullPointerException     when an object argument is null
     * @throws IllegalArgumentException when the time has seconds, the location id is blank or the schedule id negative
     */
    public Departure {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(locationId, "locationId");
        Objects.requireNonNull(precondition, "precondition");
        if (time.getSecond() != 0 || time.getNano() != 0) {
            throw new IllegalArgumentException("Departure times are set to the minute, not " + time);
        }
        if (locationId.isBlank()) {
            throw new IllegalArgumentException("A departure needs the charge location's id (see "
                + "xevDepartureSchedules in the vehicle status)");
        }
        if (scheduleId < 0) {
            throw new IllegalArgumentException("A schedule id must not be negative, was " + scheduleId);
        }
    }

    /**
     * An enabled departure without cabin pre-conditioning.
     *
     * @param day        the day of the week
     * @param time       the time of day, to the minute
     * @param locationId Ford's id of the charge location
     * @param scheduleId the slot's number, unique in the schedule
     * @return the departure
     * @throws IllegalArgumentException as the record's constructor
     */
    public static Departure of(DayOfWeek day, LocalTime time, String locationId, int scheduleId) {
        return new Departure(day, time, locationId, scheduleId, PreconditionTemperature.OFF, true);
    }
}
