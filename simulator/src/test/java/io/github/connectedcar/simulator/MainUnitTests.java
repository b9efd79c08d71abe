package io.github.connectedcar.simulator;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The standalone entry point's command line parsing. */
@Tag("unit")
class MainUnitTests {

    @Test
    void parsesItsOptions() {
        Main.Options o = Main.parse(new String[] {"--port", "18080", "--speed", "60", "--start",
            "2026-05-02T08:00:00Z", "--quota", "300"});

        assertThat(o.port()).isEqualTo(18080);
        assertThat(o.speed()).isEqualTo(60.0);
        assertThat(o.start()).isEqualTo("2026-05-02T08:00:00Z");
        assertThat(o.quota()).isEqualTo(300);
        assertThatThrownBy(() -> Main.parse(new String[] {"--port"})).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> Main.parse(new String[] {"--bogus"})).hasMessageContaining("Unknown option");
        assertThatThrownBy(() -> Main.parse(new String[] {"--speed", "-1"})).hasMessageContaining(">= 0");
    }
}
