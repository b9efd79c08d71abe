package io.connectedcar.cli;

import io.connectedcar.exception.AuthenticationRequiredException;
import io.connectedcar.exception.CommandException;
import io.connectedcar.exception.CommandOutcomeUnknownException;
import io.connectedcar.exception.CommandTimeoutException;
import io.connectedcar.exception.ConnectedCarException;
import io.connectedcar.exception.OperationTimeoutException;
import io.connectedcar.exception.RateLimitedException;
import io.connectedcar.exception.TokenRenewalFailedException;
import io.connectedcar.exception.VehicleNotFoundException;
import io.connectedcar.http.TransportException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an error into one clear sentence plus what to do, and the exit code of its kind. A stack trace only with
 * {@code --verbose}.
 */
final class Errors implements IExecutionExceptionHandler {
    private final Terminal terminal;

    Errors(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public int handleExecutionException(Exception error, CommandLine command, ParseResult parsed) {
        boolean verbose = parsed.hasMatchedOption("--verbose") || parsed.subcommands().stream()
            .anyMatch(sub -> sub.hasMatchedOption("--verbose"));
        Throwable cause = unwrap(error);
        terminal.err().println(terminal.red("Error: ") + message(cause));
        String hint = hint(cause);
        if (hint != null) {
            terminal.err().println(hint);
        }
        if (verbose) {
            cause.printStackTrace(terminal.err());
        }
        return exitCode(cause);
    }

    static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while (!(t instanceof ConnectedCarException) && !(t instanceof IllegalArgumentException)
            && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    static String message(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }

    private static String hint(Throwable error) {
        if (error instanceof TokenRenewalFailedException && error.getCause() != null) {
            return hint(error.getCause()); // the token call's own failure says what to check
        }
        if (error instanceof AuthenticationRequiredException) {
            return "Run: connectedcar login";
        }
        if (error instanceof TransportException) {
            return "Check the network (or --endpoint) and try again.";
        }
        if (error instanceof VehicleNotFoundException) {
            return "Run: connectedcar vehicles";
        }
        if (error instanceof CommandOutcomeUnknownException || error instanceof CommandTimeoutException) {
            return "The car may still act on it: check with connectedcar status before sending it again.";
        }
        return null;
    }

    static int exitCode(Throwable error) {
        if (error instanceof TokenRenewalFailedException && error.getCause() != null) {
            return exitCode(error.getCause()); // a network failure of the token call is a network failure
        }
        if (error instanceof IllegalArgumentException) {
            return ExitCode.USAGE;
        }
        if (error instanceof AuthenticationRequiredException) {
            return ExitCode.AUTHENTICATION_REQUIRED;
        }
        if (error instanceof RateLimitedException) {
            return ExitCode.RATE_LIMITED;
        }
        if (error instanceof TransportException || error instanceof OperationTimeoutException) {
            return ExitCode.NETWORK;
        }
        if (error instanceof CommandException) {
            return ExitCode.COMMAND_FAILED;
        }
        return ExitCode.FAILURE;
    }
}
