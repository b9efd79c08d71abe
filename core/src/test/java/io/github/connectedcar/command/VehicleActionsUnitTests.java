package io.github.connectedcar.command;

import static io.github.connectedcar.testing.FakeCommandCloud.F150;
import static io.github.connectedcar.testing.FakeCommandCloud.MACH_E;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.ConnectedCarAsyncClient;
import io.github.connectedcar.exception.CommandOutcomeUnknownException;
import io.github.connectedcar.exception.ServiceException;
import io.github.connectedcar.http.HttpMethod;
import io.github.connectedcar.http.HttpRequest;
import io.github.connectedcar.http.TransportException;
import io.github.connectedcar.internal.Json;
import io.github.connectedcar.model.GuardModeState;
import io.github.connectedcar.testing.FakeCommandCloud;
import io.github.connectedcar.testing.FakeCommandCloudExtension;
import io.github.connectedcar.testing.InMemoryTransport;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Guard mode, zone lighting and the climate profile: single calls on Ford's own hosts (docs/ford-api.md §5.1). */
@Tag("unit")
@ExtendWith(FakeCommandCloudExtension.class)
class VehicleActionsUnitTests {
    private static final Duration VERIFY = Duration.ofSeconds(5);
    private static final String GUARD_MODE = "https://api.mps.ford.com/api/gmfi/v1/session";
    private static final String ZONE_ACTIVATION = "https://api.mps.ford.com/vehicles/vpfi/zonelightingactivation";

    private final FakeCommandCloud cloud;
    private final ConnectedCarAsyncClient client;

    VehicleActionsUnitTests(FakeCommandCloud cloud, ConnectedCarAsyncClient client) {
        this.cloud = cloud;
        this.client = client;
    }

    @BeforeEach
    void setUp() {
        for (String operation : List.of("guard-mode-status", "guard-mode-enable", "guard-mode-disable")) {
            cloud.transport.on(operation, request -> Mono.just(InMemoryTransport.json(request, 200,
                "{\"returnCode\":200,\"returnMessage\":\"The request was Successful.\"}")));
        }
        for (String operation : List.of("zone-lighting-on", "zone-lighting-off", "zone-lighting-zone")) {
            cloud.transport.on(operation, request -> Mono.just(InMemoryTransport.json(request, 200, "{}")));
        }
        cloud.transport.on("climate-profile-update", request -> Mono.just(InMemoryTransport.json(request, 200,
            "{\"status\":200}")));
    }

    private HttpRequest only(String operation) {
        List<HttpRequest> requests = cloud.transport.requests(operation);
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    @Test
    void guardModeCallsCarryTheVinInXVinWithTheCatAndNoBody() {
        StepVerifier.create(client.vehicle(F150).guardModeStatus()
                .then(client.vehicle(F150).enableGuardMode())
                .then(client.vehicle(F150).disableGuardMode()))
            .assertNext(result -> {
                assertThat(result.outcome()).isEqualTo(ActionResult.Outcome.DONE);
                assertThat(result.returnCode()).hasValue(200);
                assertThat(result.message()).contains("The request was Successful.");
                assertThat(result.action()).isEqualTo("guard-mode-disable");
            })
            .expectComplete()
            .verify(VERIFY);

        for (var call : List.of(List.of("guard-mode-status", HttpMethod.GET),
            List.of("guard-mode-enable", HttpMethod.PUT), List.of("guard-mode-disable", HttpMethod.DELETE))) {
            HttpRequest request = only((String) call.get(0));
            assertThat(request.method()).isEqualTo(call.get(1));
            assertThat(request.uri()).hasToString(GUARD_MODE);
            assertThat(request.headers().names()).contains("X-Vin").doesNotContain("vin");
            assertThat(request.headers().get("X-Vin")).isEqualTo(F150);
            assertThat(request.headers().get("auth-token")).isEqualTo("cat-0");
            assertThat(request.headers().get("Application-Id")).isNotBlank();
            assertThat(request.body()).isNull();
        }
    }

    @Test
    void guardModeStatusReadsTheStateFromTheSession() {
        cloud.transport.on("guard-mode-status", request -> Mono.just(InMemoryTransport.json(request, 200,
            "{\"returnCode\":200,\"returnMessage\":\"Success\",\"session\":{\"gmStatus\":\"enable\"}}")));

        StepVerifier.create(client.vehicle(F150).guardModeStatus())
            .assertNext(status -> {
                assertThat(status.state()).contains(GuardModeState.ENABLED);
                assertThat(status.isOn()).contains(true);
                assertThat(status.vin()).isEqualTo(F150);
                assertThat(status.answer().returnCode()).hasValue(200);
                assertThat(status.answer().body()).hasValueSatisfying(body ->
                    assertThat(body.path("session").path("gmStatus").asString()).isEqualTo("enable"));
            })
            .expectComplete()
            .verify(VERIFY);
    }

    @Test
    void guardModeStatusKeepsAnUnknownStateAndSaysNothingWithoutOne() {
        cloud.transport.on("guard-mode-status", request -> Mono.just(InMemoryTransport.json(request, 200,
            "{\"returnCode\":200,\"session\":{\"gmStatus\":\"armedAway\"}}")));
        StepVerifier.create(client.vehicle(F150).guardModeStatus())
            .assertNext(status -> {
                assertThat(status.state()).hasValueSatisfying(state -> {
                    assertThat(state.value()).isEqualTo("armedAway");
                    assertThat(state.isKnown()).isFalse();
                });
                assertThat(status.isOn()).isEmpty();
            })
            .expectComplete()
            .verify(VERIFY);

        cloud.transport.on("guard-mode-status", request -> Mono.just(InMemoryTransport.json(request, 200,
            "{\"returnCode\":200,\"returnMessage\":\"Success\"}")));
        StepVerifier.create(client.vehicle(F150).guardModeStatus())
            .assertNext(status -> {
                assertThat(status.state()).isEmpty();
                assertThat(status.isOn()).isEmpty();
            })
            .expectComplete()
            .verify(VERIFY);
    }

    @Test
    void guardModeReturnCode300IsEnrollmentInProgressNotAFailure() {
        cloud.transport.on("guard-mode-disable", request -> Mono.just(InMemoryTransport.json(request, 200,
            "{\"returnCode\":300,\"returnMessage\":\"Enrollment is still in progress\"}")));

        StepVerifier.create(client.vehicle(F150).disableGuardMode())
            .assertNext(result -> {
                assertThat(result.outcome()).isEqualTo(ActionResult.Outcome.ENROLLMENT_IN_PROGRESS);
                assertThat(result.isEnrollmentInProgress()).isTrue();
                assertThat(result.returnCode()).hasValue(300);
                assertThat(result.message()).contains("Enrollment is still in progress");
            })
            .expectComplete()
            .verify(VERIFY);
    }

    @Test
    void guardModeWithAnotherReturnCodeIsAServiceError() {
        cloud.transport.on("guard-mode-enable", request -> Mono.just(InMemoryTransport.json(request, 200,
            "{\"returnCode\":500,\"returnMessage\":\"Internal error\"}")));

        StepVerifier.create(client.vehicle(F150).enableGuardMode())
            .expectErrorSatisfies(error -> {
                assertThat(error).isInstanceOf(ServiceException.class).hasMessageContaining("returnCode 500")
                    .hasMessageContaining("Internal error");
                assertThat(((ServiceException) error).getErrorCode()).isEqualTo("500");
            })
            .verify(VERIFY);
    }

    @Test
    void zoneLightingOffIsADeleteCarryingTheVinInItsBody() {
        StepVerifier.create(client.vehicle(F150).zoneLightingOff())
            .expectNextMatches(result -> result.outcome() == ActionResult.Outcome.DONE)
            .expectComplete()
            .verify(VERIFY);

        HttpRequest off = only("zone-lighting-off");
        assertThat(off.method()).isEqualTo(HttpMethod.DELETE);
        assertThat(off.uri()).hasToString(ZONE_ACTIVATION);
        assertThat(off.headers().get("Content-Type")).isEqualTo("application/json");
        assertThat(FakeCommandCloud.body(off)).isEqualTo(Json.MAPPER.readTree("{\"vin\":\"" + F150 + "\"}"));
        assertThat(off.headers().get("auth-token")).isEqualTo("cat-0");
    }

    @Test
    void zoneLightingOnActivatesThenSelectsTheZone() {
        StepVerifier.create(client.vehicle(F150).zoneLightingOn(LightingZone.REAR))
            .expectNextMatches(result -> result.action().equals("zone-lighting-zone"))
            .expectComplete()
            .verify(VERIFY);

        List<HttpRequest> calls = cloud.transport.requests().stream()
            .filter(r -> r.operation().startsWith("zone-lighting")).toList();
        assertThat(calls).extracting(HttpRequest::operation).containsExactly("zone-lighting-on", "zone-lighting-zone");
        assertThat(calls.get(0).method()).isEqualTo(HttpMethod.PUT);
        assertThat(calls.get(0).uri()).hasToString(ZONE_ACTIVATION);
        assertThat(calls.get(1).method()).isEqualTo(HttpMethod.PUT);
        assertThat(calls.get(1).uri()).hasToString("https://api.mps.ford.com/vehicles/vpfi/2/zonelightingzone");
        for (HttpRequest call : calls) {
            assertThat(FakeCommandCloud.body(call)).isEqualTo(Json.MAPPER.readTree("{\"vin\":\"" + F150 + "\"}"));
        }
    }

    @Test
    void selectLightingZoneByNumberPutsThatZone() {
        StepVerifier.create(client.vehicle(F150).selectLightingZone(4))
            .expectNextCount(1)
            .expectComplete()
            .verify(VERIFY);
        assertThat(only("zone-lighting-zone").uri())
            .hasToString("https://api.mps.ford.com/vehicles/vpfi/4/zonelightingzone");
    }

    @Test
    void zoneLightingCallLostAfterWritingIsOutcomeUnknownAndNotResent() {
        cloud.transport.on("zone-lighting-off", request -> Mono.error(new TransportException("reset", true, null)));

        StepVerifier.create(client.vehicle(F150).zoneLightingOff())
            .expectError(CommandOutcomeUnknownException.class)
            .verify(VERIFY);
        assertThat(cloud.transport.count("zone-lighting-off")).isEqualTo(1);
    }

    @Test
    void climateProfileIsPutWithItsPreferencesAndTheVin() {
        ClimateProfile profile = ClimateProfile.builder().temperatureCelsius(21.5)
            .preference("RccRearDefrost_Rq", "On").build();

        StepVerifier.create(client.vehicle(MACH_E).updateClimateProfile(profile))
            .assertNext(result -> {
                assertThat(result.outcome()).isEqualTo(ActionResult.Outcome.DONE);
                assertThat(result.returnCode()).hasValue(200);
            })
            .expectComplete()
            .verify(VERIFY);

        HttpRequest put = only("climate-profile-update");
        assertThat(put.method()).isEqualTo(HttpMethod.PUT);
        assertThat(put.uri()).hasToString("https://api.vehicle.ford.com/api/rcc/profile/update");
        assertThat(FakeCommandCloud.body(put)).isEqualTo(Json.MAPPER.readTree("{\"crccStateFlag\":\"On\","
            + "\"userPreferences\":[{\"preferenceType\":\"SetPointTemp_Rq\",\"preferenceValue\":\"21_5\"},"
            + "{\"preferenceType\":\"RccRearDefrost_Rq\",\"preferenceValue\":\"On\"}],\"vin\":\"" + MACH_E + "\"}"));
    }

    @Test
    void climateProfileAnsweredWithAnotherStatusIsAServiceError() {
        cloud.transport.on("climate-profile-update", request -> Mono.just(InMemoryTransport.json(request, 200,
            "{\"status\":500}")));

        StepVerifier.create(client.vehicle(MACH_E).updateClimateProfile(ClimateProfile.builder().enabled(false)
                .build()))
            .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ServiceException.class)
                .hasMessageContaining("status 500"))
            .verify(VERIFY);
    }
}
