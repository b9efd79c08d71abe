package io.github.connectedcar.status;

import io.github.connectedcar.model.VehicleStatus;
import java.util.Objects;
import java.util.Optional;

/**
 * One car's news in a fleet stream: its latest status, or the error that ended its stream. A car's error does not
 * end the fleet stream; the other cars go on.
 *
 * @param vin    the car
 * @param status the car's status, or {@code null} when this is an error
 * @param error  why the car's stream ended (for example {@link io.github.connectedcar.exception.VehicleNotFoundException}
 *               or a {@link io.github.connectedcar.exception.ServiceException} of its first status read), or {@code null}
 */
public record FleetStatus(String vin, VehicleStatus status, Throwable error) {

    public FleetStatus {
        Objects.requireNonNull(vin, "vin");
        if ((status == null) == (error == null)) {
            throw new IllegalArgumentException("A fleet status holds either a status or an error, not "
                + (status == null ? "neither" : "both"));
        }
    }

    /** A car's status. */
    public static FleetStatus of(String vin, VehicleStatus status) {
        return new FleetStatus(vin, Objects.requireNonNull(status, "status"), null);
    }

    /** The error that ended a car's stream. */
    public static FleetStatus failed(String vin, Throwable error) {
        return new FleetStatus(vin, null, Objects.requireNonNull(error, "error"));
    }

    /** Whether this is an error rather than a status. */
    public boolean isError() {
        return error != null;
    }

    /** The status, when this is not an error. */
    public Optional<VehicleStatus> statusIfPresent() {
        return Optional.ofNullable(status);
    }

    @Override
    public String toString() {
        return "FleetStatus[vin=" + vin + (error == null ? ", status" : ", error=" + error.getMessage()) + "]";
    }
}
