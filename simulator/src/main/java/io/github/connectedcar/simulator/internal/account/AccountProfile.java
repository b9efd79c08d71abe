package io.github.connectedcar.simulator.internal.account;

import java.util.List;
import java.util.Objects;

import io.github.connectedcar.simulator.vehicle.VehicleSpec;

/**
 * The fixed facts of one account as the simulation sees them: credentials, region and vehicles. Derived from the
 * public {@code SimulatedAccount}, which validates them; it lives here so that this layer does not depend on the
 * package above it.
 *
 * @param username      the sign-in name, matched case-insensitively
 * @param password      the sign-in password
 * @param applicationId the {@code Application-Id} of the region the account is registered in
 * @param vehicles      the account's vehicles
 */
public record AccountProfile(String username, String password, String applicationId, List<VehicleSpec> vehicles) {

    public AccountProfile {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(applicationId, "applicationId");
        vehicles = List.copyOf(vehicles);
    }

    /** The password is left out on purpose. */
    @Override
    public String toString() {
        return "AccountProfile[" + username + ", vehicles " + vehicles.stream().map(VehicleSpec::vin).toList() + "]";
    }
}
