package io.github.connectedcar.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Where a {@link ChargingSession} took place, as Ford's energy-transfer log names it. Any part may be missing.
 *
 * @param name       the name the driver gave the place, such as {@code Home} ({@code location.name})
 * @param street     the street address ({@code address.address1})
 * @param city       the city
 * @param state      the state or province
 * @param postalCode the postal code
 * @param country    the country as Ford sent it
 * @param latitude   degrees north
 * @param longitude  degrees east
 */
public record ChargeLocation(Optional<String> name, Optional<String> street, Optional<String> city,
                             Optional<String> state, Optional<String> postalCode, Optional<String> country,
                             OptionalDouble latitude, OptionalDouble longitude) {
    public ChargeLocation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(street, "street");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(postalCode, "postalCode");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(latitude, "latitude");
        Objects.requireNonNull(longitude, "longitude");
    }
}
