package io.github.connectedcar.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One warning lamp of the dashboard, from the {@code indicators} metric, such as {@code lowFuel} or
 * {@code malfunctionIndicator}.
 *
 * @param name           the indicator's name as Ford sends it
 * @param active         whether the lamp is on
 * @param additionalInfo Ford's code for it ({@code additionalInfo}, such as {@code 600E20}); empty when not reported
 */
public record Indicator(String name, boolean active, Optional<String> additionalInfo) {
    public Indicator {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(additionalInfo, "additionalInfo");
    }

    /** Such as {@code lowFuel=on}. */
    @Override
    public String toString() {
        return name + (active ? "=on" : "=off");
    }
}
