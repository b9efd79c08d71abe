package io.github.connectedcar.ford.internal;

import io.github.connectedcar.ConnectedCarAsyncClient;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.exception.DecodeException;
import io.github.connectedcar.exception.RateLimitedException;
import io.github.connectedcar.exception.ServiceException;
import io.github.connectedcar.exception.VehicleNotFoundException;
import io.github.connectedcar.testing.FakeFordAuth;
import io.github.connectedcar.testing.InMemoryTransport;
import io.github.connectedcar.testing.TestClients;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** How Ford's error answers reach the caller: typed exceptions with clear messages and the useful fields set. */
@Tag("unit")
class ErrorMappingUnitTests {
    private static final Duration VERIFY = Duration.ofSeconds(5);

    private InMemoryTransport transport;
    private ConnectedCarAsyncClient client;

    @BeforeEach
    void setUp() {
        transport = TestClients.withVehicleRoutes(new InMemoryTransport());
        new FakeFordAuth().install(transport);
        client = TestClients.builder(transport).buildAsyncClient();
        TestClients.login(client).block(VERIFY);
    }

    @Test
    void firewallHtmlPageBecomesAServiceExceptionWithAClearMessageAndTrimmedBody() {
        String page = "<!DOCTYPE html><html><head><title>Access Denied</title></head><body>"
            + "<p>You don't have permission to access this resource.</p>" + "x".repeat(2000) + "</body></html>";
        transport.on("vehicles", request -> Mono.just(InMemoryTransport.text(request, 403, "text/html", page)));

        StepVerifier.create(client.vehicles())
            .expectErrorSatisfies(error -> {
                assertThat(error).isInstanceOf(ServiceException.class);
                ServiceException service = (ServiceException) error;
                assertThat(service.getStatus()).isEqualTo(403);
                assertThat(service.getOperation()).isEqualTo("vehicles");
                assertThat(service.getMessage())
                    .contains("HTTP 403", "vehicles", "HTML", "firewall", "User-Agent")
                    .doesNotContain("<html", "xxxx");
                assertThat(service.getBody()).startsWith("<!DOCTYPE html>")
                    .hasSizeLessThanOrEqualTo(ServiceException.MAX_BODY_CHARS + 1);
            })
            .verify(VERIFY);
    }

    @Test
    void autonomicJsonErrorSetsCodeMessageAndReferenceId() {
        transport.on("telemetry", request -> Mono.just(InMemoryTransport.json(request, 500,
            "{\"code\":\"INTERNAL\",\"message\":\"telemetry store unavailable\",\"referenceId\":\"ref-7f3a\"}")));

        StepVerifier.create(client.vehicle(TestClients.MACH_E_VIN).status())
            .expectErrorSatisfies(error -> {
                assertThat(error).isInstanceOf(ServiceException.class);
                ServiceException service = (ServiceException) error;
                assertThat(service.getStatus()).isEqualTo(500);
                assertThat(service.getErrorCode()).isEqualTo("INTERNAL");
                assertThat(service.getRequestId()).isEqualTo("ref-7f3a");
                assertThat(service.getMessage()).contains("telemetry store unavailable", "ref-7f3a", "telemetry");
            })
            .verify(VERIFY);
    }

    @Test
    void fordJsonErrorSetsErrorCodeAndMessage() {
        transport.on("vehicles", request -> Mono.just(InMemoryTransport.json(request, 400,
            "{\"status\":400,\"errorCode\":\"432\",\"message\":\"Missing Application-Id\"}")));

        StepVerifier.create(client.vehicles())
            .expectErrorSatisfies(error -> {
                assertThat(error).isInstanceOf(ServiceException.class);
                ServiceException service = (ServiceException) error;
                assertThat(service.getErrorCode()).isEqualTo("432");
                assertThat(service.getMessage()).contains("HTTP 400", "error 432", "Missing Application-Id");
                assertThat(service.getRequestId()).isNull();
            })
            .verify(VERIFY);
    }

    @Test
    void requestIdHeaderIsUsedWhenTheBodyHasNone() {
        transport.on("vehicles", request -> Mono.just(InMemoryTransport.withHeader(
            InMemoryTransport.json(request, 502, "{\"message\":\"Bad Gateway\"}"), "X-Request-Id", "req-42")));

        StepVerifier.create(client.vehicles())
            .expectErrorSatisfies(error -> assertThat(((ServiceException) error).getRequestId()).isEqualTo("req-42"))
            .verify(VERIFY);
    }

    @Test
    void malformedJsonOnASuccessBecomesADecodeExceptionNamingTheOperation() {
        transport.on("telemetry", request -> Mono.just(InMemoryTransport.json(request, 200,
            "{\"metrics\": {\"odometer\": ")));

        StepVerifier.create(client.vehicle(TestClients.MACH_E_VIN).status())
            .expectErrorSatisfies(error -> {
                assertThat(error).isInstanceOf(DecodeException.class).hasMessageContaining("telemetry")
                    .hasMessageContaining("not valid JSON");
                assertThat(((DecodeException) error).getOperation()).isEqualTo("telemetry");
            })
            .verify(VERIFY);
    }

    @Test
    void emptyBodyOnASuccessBecomesADecodeException() {
        transport.on("vehicles", request -> Mono.just(InMemoryTransport.json(request, 207, "")));

        StepVerifier.create(client.vehicles())
            .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(DecodeException.class)
                .hasMessageContaining("vehicles").hasMessageContaining("empty"))
            .verify(VERIFY);
    }

    @Test
    void unknownVinOnTelemetryBecomesVehicleNotFound() {
        String unknown = "1FMCU9GD5KUA00003";

        StepVerifier.create(client.vehicle(unknown).status())
            .expectErrorSatisfies(error -> {
                assertThat(error).isInstanceOf(VehicleNotFoundException.class)
                    .hasMessageContaining(unknown).hasMessageContaining("vehicles()");
                assertThat(((VehicleNotFoundException) error).getVin()).isEqualTo(unknown);
            })
            .verify(VERIFY);
        assertThat(transport.count("telemetry")).isEqualTo(1);
    }

    @Test
    void vinMissingFromTheVehicleListBecomesVehicleNotFound() {
        StepVerifier.create(client.vehicle("1FMCU9GD5KUA00003").details())
            .expectError(VehicleNotFoundException.class)
            .verify(VERIFY);
    }

    @Test
    void throttleWithoutRetryAfterIsRateLimitedWithoutAWait() {
        transport.on("vehicles", request -> Mono.just(InMemoryTransport.json(request, 429, "{}")));

        StepVerifier.create(client.vehicles())
            .expectErrorSatisfies(error -> {
                assertThat(error).isInstanceOf(RateLimitedException.class).hasMessageContaining("250-300");
                assertThat(((RateLimitedException) error).getRetryAfter()).isNull();
            })
            .verify(VERIFY);
    }

    @Test
    void paymentRequiredThrottleAsksForAnHourPause() {
        transport.on("vehicles", request -> Mono.just(InMemoryTransport.json(request, 402, "{}")));

        StepVerifier.create(client.vehicles())
            .expectErrorSatisfies(error -> assertThat(((RateLimitedException) error).getRetryAfter())
                .isEqualTo(Duration.ofHours(1)))
            .verify(VERIFY);
    }
}
