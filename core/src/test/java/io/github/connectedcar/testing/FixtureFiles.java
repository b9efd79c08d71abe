package io.github.connectedcar.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The JSON bodies under {@code src/test/resources/fixtures}, as text; shared with other modules via the test-jar. */
public final class FixtureFiles {
    /** An {@code expdashboard} body (HTTP 207) with the two vehicles below. */
    public static final String DASHBOARD = "dashboard-two-vehicles.json";
    /** Telemetry of an ICE F-150, VIN {@value TestClients#F150_VIN}. */
    public static final String F150 = "telemetry-f150-ice.json";
    /** Telemetry of a Mustang Mach-E (BEV), VIN {@value TestClients#MACH_E_VIN}. */
    public static final String MACH_E = "telemetry-mache-bev.json";
    /**
     * Telemetry of a diesel Ranger, built from docs/ford-api.md §4 (no public body of one could be used): diesel,
     * engine oil, 12 V load, seat belts, double locks, an active panic alarm, placard pressures, a time with
     * milliseconds, numbers as strings, tyres without their own time.
     */
    public static final String RANGER = "telemetry-ranger-diesel.json";

    private FixtureFiles() {
    }

    public static String text(String name) {
        try (InputStream in = FixtureFiles.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
