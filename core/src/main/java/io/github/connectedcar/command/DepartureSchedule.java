package io.github.connectedcar.command;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A whole weekly departure schedule. Ford has no partial update: sending a schedule replaces the car's whole
 * schedule, so departures left out are deleted and {@link #empty()} deletes them all. Immutable; departures are kept
 * ordered by day (Monday first) and time.
 */
public final class DepartureSchedule {
    private static final DepartureSchedule EMPTY = new DepartureSchedule(List.of());

    private final List<Departure> departures;

    private DepartureSchedule(List<Departure> departures) {
        this.departures = departures;
    }

    /**
     * A schedule of these departures.
     *
     * @param departures the departures, in any order
     * @return the schedule, ordered by day and time
     * @throws NullPointerException     when the list or one of its departures is null
     * @throws IllegalArgumentException when two departures share a schedule id
     */
    public static DepartureSchedule of(List<Departure> departures) {
        Objects.requireNonNull(departures, "departures");
        Set<Integer> ids = new HashSet<>();
        for (Departure departure : departures) {
            Objects.requireNonNull(departure, "departure");
            if (!ids.add(departure.scheduleId())) {
                throw new IllegalArgumentException("Two departures share schedule id " + departure.scheduleId()
                    + "; each departure needs its own");
            }
        }
        List<Departure> sorted = new ArrayList<>(departures);
        sorted.sort(Comparator.comparing(Departure::day).thenComparing(Departure::time)
            .thenComparingInt(Departure::scheduleId));
        return new DepartureSchedule(List.copyOf(sorted));
    }

    /**
     * A schedule of these departures; see {@link #of(List)}.
     *
     * @param departures the departures, in any order
     * @return the schedule, ordered by day and time
     */
    public static DepartureSchedule of(Departure... departures) {
        return of(List.of(departures));
    }

    /** {@return no departures: sending it deletes the car's whole schedule} */
    public static DepartureSchedule empty() {
        return EMPTY;
    }

    /** {@return the departures, by day (Monday first) and time} */
    public List<Departure> departures() {
        return departures;
    }

    /** {@return the days that have departures, Monday first} */
    public List<DayOfWeek> days() {
        return departures.stream().map(Departure::day).distinct().toList();
    }

    /**
     * The departures of one day, by time.
     *
     * @param day the day
     * @return its departures; empty when it has none
     */
    public List<Departure> on(DayOfWeek day) {
        return departures.stream().filter(d -> d.day() == day).toList();
    }

    /** {@return whether the schedule has no departure} */
    public boolean isEmpty() {
        return departures.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DepartureSchedule that && departures.equals(that.departures);
    }

    @Override
    public int hashCode() {
        return departures.hashCode();
    }

    @Override
    public String toString() {
        return "DepartureSchedule" + departures;
    }
}
