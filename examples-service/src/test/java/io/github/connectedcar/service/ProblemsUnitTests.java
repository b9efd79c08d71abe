package io.github.connectedcar.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.exception.AuthenticationRequiredException;
import io.github.connectedcar.exception.CommandFailedException;
import io.github.connectedcar.exception.QuotaExceededException;
import io.github.connectedcar.exception.VehicleNotFoundException;
import io.github.connectedcar.model.CommandState;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Each SDK error becomes the problem a caller can act on. */
@Tag("unit")
class ProblemsUnitTests {
    private static final String VIN = "1FTFW1E50PFA00001";
    private final Problems problems = new Problems();

    @Test
    void aSpentBudgetIs429WithRetryAfterInWholeSeconds() {
        ResponseEntity<ProblemDetail> response = problems.handle(new QuotaExceededException("Budget used up.",
            QuotaExceededException.Limit.DAILY, Instant.now().plusSeconds(90), Duration.ofMillis(89_100)));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("90");
        assertThat(response.getBody().getDetail()).isEqualTo("Budget used up.");
        assertThat(response.getBody().getProperties()).containsKey("retryAt");
    }

    @Test
    void aMissingLoginIs401() {
        ResponseEntity<ProblemDetail> response = problems.handle(new AuthenticationRequiredException("Log in."));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getBody().getTitle()).isEqualTo("Sign in needed");
    }

    @Test
    void aRefusalOfTheCarIs409WithFordsReason() {
        ResponseEntity<ProblemDetail> response = problems.handle(new CommandFailedException("Hood open.", VIN,
            "remoteStart", "cmd-1", CommandState.FAILED, "COMMAND_FAILED_ON_DEVICE", "HOOD_OPEN",
            "Cannot remote start: hood open"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getBody().getProperties()).containsEntry("oemErrorCode", "HOOD_OPEN")
            .containsEntry("oemErrorContext", "Cannot remote start: hood open").containsEntry("vin", VIN)
            .containsEntry("command", "remoteStart").containsEntry("commandId", "cmd-1");
    }

    @Test
    void anUnknownCarIs404() {
        assertThat(problems.handle(new VehicleNotFoundException(VIN, "No such car.")).getStatusCode())
            .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(problems.handle(new IllegalArgumentException("Not a date.")).getStatusCode())
            .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void anUnexpectedErrorIs500WithoutItsMessage() {
        ResponseEntity<ProblemDetail> response = problems.handle(new IllegalStateException("internal detail"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(response.getBody().getDetail()).doesNotContain("internal detail");
    }
}
