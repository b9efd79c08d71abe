package io.github.connectedcar.service;

import io.github.connectedcar.exception.AccountLockoutProtectionException;
import io.github.connectedcar.exception.AuthenticationRequiredException;
import io.github.connectedcar.exception.CommandException;
import io.github.connectedcar.exception.CommandExpiredException;
import io.github.connectedcar.exception.CommandFailedException;
import io.github.connectedcar.exception.CommandNotSupportedException;
import io.github.connectedcar.exception.CommandOutcomeUnknownException;
import io.github.connectedcar.exception.CommandTimeoutException;
import io.github.connectedcar.exception.ConnectedCarException;
import io.github.connectedcar.exception.RateLimitedException;
import io.github.connectedcar.exception.VehicleNotFoundException;
import io.github.connectedcar.http.DeadlineExceededException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/**
 * Every error as {@code application/problem+json} (RFC 9457) with the status that says what to do: the budget spent
 * or Ford's rate limit → 429 with {@code Retry-After}; no usable login → 401; the car refused or cannot do it → 409
 * with Ford's reason; an unknown car → 404; a request the SDK refuses as
 * malformed → 400; Ford's cloud failing or too slow → 502 / 504.
 */
@RestControllerAdvice
class Problems {
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    @ExceptionHandler(Throwable.class)
    ResponseEntity<ProblemDetail> handle(Throwable error) {
        ProblemDetail problem = of(error);
        // Also for a request that asked for an event stream: the error is a document, not an event.
        ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.getStatus())
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        retryAfter(error).ifPresent(wait -> response.header(HttpHeaders.RETRY_AFTER,
            Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000))));
        return response.body(problem);
    }

    /** The problem an error is, with its status, a title and the error's own message (which says what to do). */
    static ProblemDetail of(Throwable error) {
        HttpStatus status = statusOf(error);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detailOf(error, status));
        problem.setTitle(titleOf(error, status));
        problem.setType(URI.create("https://github.com/connectedcar/connectedcar-java#" + typeOf(error)));
        if (error instanceof CommandException command) {
            problem.setProperty("vin", command.getVin());
            problem.setProperty("command", command.getCommandType());
            command.getCommandId().ifPresent(id -> problem.setProperty("commandId", id));
        }
        if (error instanceof CommandFailedException failed) {
            failed.getOemErrorCode().ifPresent(code -> problem.setProperty("oemErrorCode", code));
            failed.getOemErrorContext().ifPresent(context -> problem.setProperty("oemErrorContext", context));
            failed.getFordState().ifPresent(state -> problem.setProperty("fordState", state));
        }
        if (error instanceof CommandExpiredException) {
            problem.setProperty("fordState", "EXPIRED");
        }
        if (error instanceof VehicleNotFoundException notFound) {
            problem.setProperty("vin", notFound.getVin());
        }
        retryAfter(error).ifPresent(wait -> problem.setProperty("retryAt", Instant.now().plus(wait).toString()));
        return problem;
    }

    private static HttpStatus statusOf(Throwable error) {
        if (error instanceof ResponseStatusException known) {
            return HttpStatus.valueOf(known.getStatusCode().value());
        }
        if (error instanceof RateLimitedException) {
            return HttpStatus.TOO_MANY_REQUESTS;
        }
        if (error instanceof AccountLockoutProtectionException) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        if (error instanceof AuthenticationRequiredException) {
            return HttpStatus.UNAUTHORIZED;
        }
        if (error instanceof CommandFailedException || error instanceof CommandExpiredException
            || error instanceof CommandNotSupportedException) {
            return HttpStatus.CONFLICT;
        }
        if (error instanceof VehicleNotFoundException) {
            return HttpStatus.NOT_FOUND;
        }
        if (error instanceof IllegalArgumentException) {
            return HttpStatus.BAD_REQUEST;
        }
        if (error instanceof CommandTimeoutException || error instanceof DeadlineExceededException) {
            return HttpStatus.GATEWAY_TIMEOUT;
        }
        if (error instanceof CommandOutcomeUnknownException || error instanceof ConnectedCarException) {
            return HttpStatus.BAD_GATEWAY;
        }
        LOG.error("Unexpected error", error);
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static String detailOf(Throwable error, HttpStatus status) {
        if (error instanceof ResponseStatusException known && known.getReason() != null) {
            return known.getReason();
        }
        if (status == HttpStatus.INTERNAL_SERVER_ERROR) {
            return "The service failed unexpectedly; its log has the details.";
        }
        return error.getMessage();
    }

    private static String titleOf(Throwable error, HttpStatus status) {
        if (error instanceof RateLimitedException) {
            return "Too many requests: try again later";
        }
        if (error instanceof AccountLockoutProtectionException) {
            return "Calls stopped after failed logins";
        }
        if (error instanceof AuthenticationRequiredException) {
            return "Sign in needed";
        }
        if (error instanceof CommandNotSupportedException) {
            return "The car cannot do this";
        }
        if (status == HttpStatus.CONFLICT) {
            return "The car did not carry out the command";
        }
        return status.getReasonPhrase();
    }

    private static String typeOf(Throwable error) {
        return error instanceof ConnectedCarException ? error.getClass().getSimpleName() : "error";
    }

    private static Optional<Duration> retryAfter(Throwable error) {
        if (error instanceof RateLimitedException limited && limited.getRetryAfter() != null) {
            return Optional.of(limited.getRetryAfter());
        }
        if (error instanceof AccountLockoutProtectionException lockout && lockout.getRetryAt() != null) {
            return Optional.of(Duration.between(Instant.now(), lockout.getRetryAt()));
        }
        return Optional.empty();
    }
}
