package io.github.connectedcar.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.github.connectedcar.simulator.internal.account.AccountProfile;
import io.github.connectedcar.simulator.protocol.FordProtocol;
import io.github.connectedcar.simulator.vehicle.VehicleSpec;

/**
 * A FordPass account the simulator knows: the credentials a person types into the sign-in form, the region it is
 * registered in (its {@code Application-Id}), and its vehicles. Immutable.
 */
public final class SimulatedAccount {

    /** Username of the default account. */
    public static final String DEFAULT_USERNAME = "demo@example.com";
    /** Password of the default account. Simulated, not a secret. */
    public static final String DEFAULT_PASSWORD = "demo-password";

    private final String username;
    private final String password;
    private final String applicationId;
    private final String firstName;
    private final String lastName;
    private final List<VehicleSpec> vehicles;

    private SimulatedAccount(Builder b) {
        this.username = b.username;
        this.password = b.password;
        this.applicationId = b.applicationId;
        this.firstName = b.firstName;
        this.lastName = b.lastName;
        this.vehicles = List.copyOf(b.vehicles);
    }

    /**
     * The default account: {@value #DEFAULT_USERNAME} / {@value #DEFAULT_PASSWORD}, North America, with an F-150
     * ({@value VehicleSpec#DEFAULT_F150_VIN}) and a Mustang Mach-E ({@value VehicleSpec#DEFAULT_MACH_E_VIN}).
     */
    public static SimulatedAccount demo() {
        return builder(DEFAULT_USERNAME, DEFAULT_PASSWORD)
            .name("Demo", "Driver")
            .vehicle(VehicleSpec.f150(VehicleSpec.DEFAULT_F150_VIN))
            .vehicle(VehicleSpec.machE(VehicleSpec.DEFAULT_MACH_E_VIN))
            .build();
    }

    /**
     * Starts an account with these credentials, registered in North America, without vehicles.
     *
     * @throws IllegalArgumentException for a blank username or password
     */
    public static Builder builder(String username, String password) {
        return new Builder(username, password);
    }

    /** The sign-in name (an e-mail address in practice); matched case-insensitively. */
    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** The region's {@code Application-Id} the account is registered with. */
    public String applicationId() {
        return applicationId;
    }

    public String firstName() {
        return firstName;
    }

    public String lastName() {
        return lastName;
    }

    public List<VehicleSpec> vehicles() {
        return vehicles;
    }

    /** The account as the simulation's lower layers see it. */
    AccountProfile profile() {
        return new AccountProfile(username, password, applicationId, vehicles);
    }

    /** The password is left out on purpose. */
    @Override
    public String toString() {
        return "SimulatedAccount[" + username + ", vehicles " + vehicles.stream().map(VehicleSpec::vin).toList() + "]";
    }

    /** Builder of {@link SimulatedAccount}. */
    public static final class Builder {
        private final String username;
        private final String password;
        private String applicationId = FordProtocol.APP_ID_NORTH_AMERICA;
        private String firstName = "Simulated";
        private String lastName = "Owner";
        private final List<VehicleSpec> vehicles = new ArrayList<>();

        private Builder(String username, String password) {
            if (username == null || username.isBlank() || password == null || password.isBlank()) {
                throw new IllegalArgumentException("An account needs a username and a password");
            }
            this.username = username.strip();
            this.password = password;
        }

        /**
         * The region the account is registered in.
         *
         * @throws IllegalArgumentException for an id that is not one of {@link FordProtocol#APPLICATION_IDS}
         */
        public Builder applicationId(String id) {
            String upper = Objects.requireNonNull(id, "id").toUpperCase(Locale.ROOT);
            if (!FordProtocol.APPLICATION_IDS.containsKey(upper)) {
                throw new IllegalArgumentException("Unknown Application-Id " + id + "; known: "
                    + FordProtocol.APPLICATION_IDS.keySet());
            }
            this.applicationId = upper;
            return this;
        }

        public Builder name(String first, String last) {
            this.firstName = Objects.requireNonNull(first, "first");
            this.lastName = Objects.requireNonNull(last, "last");
            return this;
        }

        public Builder vehicle(VehicleSpec vehicle) {
            vehicles.add(Objects.requireNonNull(vehicle, "vehicle"));
            return this;
        }

        /**
         * @throws IllegalArgumentException when two vehicles share a VIN
         */
        public SimulatedAccount build() {
            long distinct = vehicles.stream().map(VehicleSpec::vin).distinct().count();
            if (distinct != vehicles.size()) {
                throw new IllegalArgumentException("Account " + username + " lists a VIN twice");
            }
            return new SimulatedAccount(this);
        }
    }
}
