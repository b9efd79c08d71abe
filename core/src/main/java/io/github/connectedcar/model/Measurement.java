package io.github.connectedcar.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One value the vehicle reported: the value, its {@link Unit}, and when it was measured.
 *
 * <p>The time is the metric's own {@code updateTime}. When the metric carries none (or an unreadable one) the
 * snapshot's top-level {@code updateTime} is used, and when that is missing too {@link #measuredAt()} is empty.
 * Values are only as fresh as the car's last report: compare {@link #measuredAt()} with the clock before trusting an
 * old one.
 *
 * @param <T> the type of the value, such as {@link Double} or {@link Position}
 */
public final class Measurement<T> {
    private final T value;
    private final Unit unit;
    private final Instant measuredAt;

    private Measurement(T value, Unit unit, Instant measuredAt) {
        this.value = Objects.requireNonNull(value, "value");
        this.unit = Objects.requireNonNull(unit, "unit");
        this.measuredAt = measuredAt;
    }

    /**
     * A measurement.
     *
     * @param measuredAt when it was measured, or {@code null} if unknown
     * @throws NullPointerException if {@code value} or {@code unit} is null
     */
    public static <T> Measurement<T> of(T value, Unit unit, Instant measuredAt) {
        return new Measurement<>(value, unit, measuredAt);
    }

    /** The value, never null. */
    public T value() {
        return value;
    }

    /** The unit of {@link #value()}; {@link Unit#NONE} for states and self-describing values. */
    public Unit unit() {
        return unit;
    }

    /** When the value was measured; empty when Ford gave no readable time for it. */
    public Optional<Instant> measuredAt() {
        return Optional.ofNullable(measuredAt);
    }

    /** A measurement of the same unit and time with the value transformed, such as clamped. */
    public <R> Measurement<R> map(Function<? super T, ? extends R> mapper) {
        return new Measurement<>(mapper.apply(value), unit, measuredAt);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Measurement<?> that && value.equals(that.value) && unit == that.unit
            && Objects.equals(measuredAt, that.measuredAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, unit, measuredAt);
    }

    /** Such as {@code 74.2 % at 2025-04-01T21:32:17Z}. */
    @Override
    public String toString() {
        String text = unit == Unit.NONE ? String.valueOf(value) : value + " " + unit.symbol();
        return measuredAt == null ? text : text + " at " + measuredAt;
    }
}
