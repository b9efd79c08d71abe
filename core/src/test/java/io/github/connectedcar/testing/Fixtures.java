package io.github.connectedcar.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the JSON bodies under {@code src/test/resources/fixtures} and inline JSON of tests. */
public final class Fixtures {
    public static final JsonMapper JSON = JsonMapper.builder().build();

    /** An ICE pickup (F-150) telemetry body. */
    public static final String F150 = "telemetry-f150-ice.json";
    /** A battery-electric (Mustang Mach-E) telemetry body, charging. */
    public static final String MACH_E = "telemetry-mache-bev.json";
    /** An {@code expdashboard} body with the two vehicles above. */
    public static final String DASHBOARD = "dashboard-two-vehicles.json";

    private Fixtures() {
    }

    public static JsonNode load(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
