package io.github.connectedcar.simulator;

import java.time.Duration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.connectedcar.simulator.junit.FordCloudSimulatorExtension;
import io.github.connectedcar.simulator.vehicle.VehicleSpec;

import static org.assertj.core.api.Assertions.assertThat;

/** Per-account quota and disabling after sustained abuse (docs/ford-api.md §7). */
@Tag("integration")
class QuotaContractIntegrationTests {

    private static final String F150 = VehicleSpec.DEFAULT_F150_VIN;

    /** Login costs two counted requests (CAT mint, TMC exchange); five more fit in the window. */
    @RegisterExtension
    static final FordCloudSimulatorExtension SIM = FordCloudSimulatorExtension.configured(b -> b.speed(0)
        .quota(QuotaPolicy.perWindow(7, Duration.ofHours(1)).withDisableAfterRejections(3)));

    @Test
    void overTheQuotaAnswers429WithRetryAfterUntilTheWindowEnds() {
        FordCloudClient client = new FordCloudClient(SIM.simulator());
        String tmc = client.login().tmc();
        for (int i = 0; i < 5; i++) {
            assertThat(client.telemetry(tmc, F150).status()).isEqualTo(200);
        }

        FordCloudClient.Response throttled = client.telemetry(tmc, F150);

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isEqualTo("62");
        SIM.clock().advance(Duration.ofHours(1));
        assertThat(client.login().tmc()).isNotBlank();
    }

    @Test
    void sustainedHammeringDisablesTheAccountUntilReEnabled() {
        FordCloudClient client = new FordCloudClient(SIM.simulator());
        FordCloudClient.Tokens tokens = client.login();
        for (int i = 0; i < 5; i++) {
            client.telemetry(tokens.tmc(), F150);
        }
        assertThat(client.telemetry(tokens.tmc(), F150).status()).isEqualTo(429);
        assertThat(client.telemetry(tokens.tmc(), F150).status()).isEqualTo(429);

        FordCloudClient.Response third = client.telemetry(tokens.tmc(), F150);
        SIM.clock().advance(Duration.ofHours(2));
        FordCloudClient.Response afterWindow = client.send("GET", "/api/messagecenter/v3/messages",
            FordCloudClient.ford(tokens.cat()), null);

        assertThat(third.status()).isEqualTo(403);
        assertThat(SIM.simulator().isAccountDisabled(SimulatedAccount.DEFAULT_USERNAME)).isTrue();
        assertThat(afterWindow.status()).isEqualTo(403);
        assertThat(client.refreshCat(tokens.catRefresh()).status()).isEqualTo(403);

        FordCloudClient.Response enable = client.send("POST",
            "/_simulator/accounts/" + SimulatedAccount.DEFAULT_USERNAME + "/enable", java.util.Map.of(), null);

        assertThat(enable.status()).isEqualTo(200);
        assertThat(SIM.simulator().isAccountDisabled(SimulatedAccount.DEFAULT_USERNAME)).isFalse();
        assertThat(client.login().tmc()).isNotBlank();
    }
}
