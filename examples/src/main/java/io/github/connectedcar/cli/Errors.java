package io.github.connectedcar.cli;

import io.github.connectedcar.auth.TokenStoreException;
import io.github.connectedcar.exception.AccountLockoutProtectionException;
import io.github.connectedcar.exception.AuthenticationRequiredException;
import io.github.connectedcar.exception.CommandException;
import io.github.connectedcar.exception.CommandExpiredException;
import io.github.connectedcar.exception.CommandFailedException;
import io.github.connectedcar.exception.CommandNotSupportedException;
import io.github.connectedcar.exception.CommandOutcomeUnknownException;
import io.github.connectedcar.exception.CommandTimeoutException;
import io.github.connectedcar.exception.ConnectedCarException;
import io.github.connectedcar.exception.DecodeException;
import io.github.connectedcar.exception.OperationTimeoutException;
import io.github.connectedcar.exception.QuotaExceededException;
import io.github.connectedcar.exception.RateLimitedException;
import io.github.connectedcar.exception.RefreshTooSoonException;
import io.github.connectedcar.exception.ServiceException;
import io.github.connectedcar.exception.TokenRenewalFailedException;
import io.github.connectedcar.exception.VehicleNotFoundException;
import io.github.connectedcar.http.DeadlineExceededException;
import io.github.connectedcar.http.TransportException;
import io.github.connectedcar.usage.UsageStoreException;
import java.time.Instant;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns an error into one report: a kind a script can switch on, one clear sentence, what to do, Ford's code where
 * there is one, and the exit code of its kind. On a terminal or in a pipe: "Error: ..." and the action on stderr.
 * Under {@code --json}: one JSON document on stdout, {@code {"error": {"type", "message", "action", "fordCode",
 * "exitCode", ...}}}, and the same exit code. A stack trace only with {@code --verbose}, on stderr.
 */
final class Errors implements IExecutionExceptionHandler {
    /** The kinds of error, as {@code error.type} spells them; stable, scripts switch on them. */
    static final String USAGE = "usage";
    static final String LOGIN_REQUIRED = "login_required";
    static final String ACCOUNT_LOCKED_OUT = "account_locked_out";
    static final String RATE_LIMITED = "rate_limited";
    static final String BUDGET_EXHAUSTED = "budget_exhausted";
    static final String REFRESH_TOO_SOON = "refresh_too_soon";
    static final String NETWORK = "network";
    static final String TIMEOUT = "timeout";
    static final String COMMAND_FAILED = "command_failed";
    static final String COMMAND_EXPIRED = "command_expired";
    static final String COMMAND_TIMED_OUT = "command_timed_out";
    static final String COMMAND_OUTCOME_UNKNOWN = "command_outcome_unknown";
    static final String COMMAND_NOT_SUPPORTED = "command_not_supported";
    static final String VEHICLE_NOT_FOUND = "vehicle_not_found";
    static final String FORD_ERROR = "ford_error";
    static final String UNREADABLE_ANSWER = "unreadable_answer";
    static final String STORE_UNAVAILABLE = "store_unavailable";
    static final String LOGIN_RENEWAL_FAILED = "login_renewal_failed";
    static final String UNEXPECTED = "unexpected";

    private static final String CHECK_THE_CAR = "The car may still act on it: check with connectedcar status before "
        + "sending it again.";

    /**
     * One error as reported.
     *
     * @param type     the kind, one of the constants above
     * @param exitCode the process's exit code for it
     * @param message  what went wrong
     * @param action   what to do about it
     * @param fordCode Ford's own code (an {@code errorCode}, a returnCode, an OEM error code), or {@code null}
     * @param details  further fields for the JSON document (vin, commandId, httpStatus, retryAt...), or {@code null}
     */
    record Report(String type, int exitCode, String message, String action, String fordCode, ObjectNode details) {
        ObjectNode json() {
            ObjectNode error = StatusView.JSON.createObjectNode()
                .put("type", type)
                .put("message", message)
                .put("action", action)
                .put("fordCode", fordCode)
                .put("exitCode", exitCode);
            if (details != null) {
                error.setAll(details);
            }
            ObjectNode root = StatusView.JSON.createObjectNode();
            root.set("error", error);
            return root;
        }
    }

    private final Terminal terminal;

    Errors(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public int handleExecutionException(Exception error, CommandLine command, ParseResult parsed) {
        GlobalOptions global = ((ConnectedCarCli) command.getCommandSpec().root().userObject()).global;
        Throwable cause = unwrap(error);
        Report report = report(cause, command.getCommandSpec().qualifiedName());
        print(report, global.json);
        if (global.verbose) {
            cause.printStackTrace(terminal.err());
        }
        return report.exitCode();
    }

    /** A command line the parser refused (unknown option, missing VIN, a value of the wrong type). */
    int handleParameterException(CommandLine.ParameterException error, String[] args) {
        GlobalOptions global = ((ConnectedCarCli) error.getCommandLine().getCommandSpec().root().userObject()).global;
        boolean json = global.json || java.util.Arrays.asList(args).contains("--json"); // parsing may stop before it
        print(new Report(USAGE, ExitCode.USAGE, message(error),
            "See: " + error.getCommandLine().getCommandSpec().qualifiedName() + " --help", null, null), json);
        return ExitCode.USAGE;
    }

    private void print(Report report, boolean json) {
        if (json) {
            terminal.line(StatusView.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report.json()));
            return;
        }
        terminal.err().println(terminal.red("Error: ") + report.message());
        terminal.err().println(report.action());
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

    /** The report of an error the SDK (or the command line) raised while running {@code commandName}. */
    static Report report(Throwable error, String commandName) {
        String message = message(error);
        if (error instanceof TokenRenewalFailedException renewal) {
            if (renewal.getCause() != null) {
                // The token call's own failure (the network, Ford's answer) says what kind this is and what to do.
                Report cause = report(renewal.getCause(), commandName);
                return new Report(cause.type(), cause.exitCode(), message, cause.action(), cause.fordCode(),
                    cause.details());
            }
            return new Report(LOGIN_RENEWAL_FAILED, ExitCode.FAILURE, message, "Try again"
                + at(renewal.getRetryAt()) + "; if it keeps failing, run: connectedcar login", null, null);
        }
        if (error instanceof IllegalArgumentException) {
            return new Report(USAGE, ExitCode.USAGE, message, "See: " + commandName + " --help", null, null);
        }
        if (error instanceof AccountLockoutProtectionException lockout) {
            return new Report(ACCOUNT_LOCKED_OUT, ExitCode.AUTHENTICATION_REQUIRED, message, "Wait"
                + at(lockout.getRetryAt()) + " or run: connectedcar login", null, retryAt(lockout.getRetryAt()));
        }
        if (error instanceof AuthenticationRequiredException) {
            return new Report(LOGIN_REQUIRED, ExitCode.AUTHENTICATION_REQUIRED, message, "Run: connectedcar login",
                null, null);
        }
        if (error instanceof RefreshTooSoonException tooSoon) {
            return new Report(REFRESH_TOO_SOON, ExitCode.RATE_LIMITED, message, "Wait" + at(tooSoon.getNextAllowedAt())
                + " before refreshing " + tooSoon.getVin() + " again; connectedcar status reads the last status "
                + "without waking the car.", null, retryAt(tooSoon.getNextAllowedAt()).put("vin", tooSoon.getVin()));
        }
        if (error instanceof QuotaExceededException quota) {
            return new Report(BUDGET_EXHAUSTED, ExitCode.RATE_LIMITED, message, "Wait"
                + at(quota.getNextAllowedAt()) + ": the account's request budget protects it from being disabled by "
                + "Ford.", null, retryAt(quota.getNextAllowedAt()));
        }
        if (error instanceof RateLimitedException limited) {
            return new Report(RATE_LIMITED, ExitCode.RATE_LIMITED, message, "Ford is throttling the account: wait "
                + limited.getRetryAfter().toSeconds() + " s before the next call.", null,
                StatusView.JSON.createObjectNode().put("retryAfterSeconds", limited.getRetryAfter().toSeconds()));
        }
        if (error instanceof DeadlineExceededException || error instanceof OperationTimeoutException) {
            return new Report(TIMEOUT, ExitCode.NETWORK, message, "Check the network (or --endpoint) and try again, "
                + "or allow longer with --timeout SECONDS.", null, null);
        }
        if (error instanceof TransportException) {
            return new Report(NETWORK, ExitCode.NETWORK, message, "Check the network (or --endpoint) and try again.",
                null, null);
        }
        if (error instanceof CommandException command) {
            return commandReport(command, message);
        }
        if (error instanceof VehicleNotFoundException notFound) {
            return new Report(VEHICLE_NOT_FOUND, ExitCode.FAILURE, message, "Check the VIN; run: connectedcar "
                + "vehicles", null, StatusView.JSON.createObjectNode().put("vin", notFound.getVin()));
        }
        if (error instanceof ServiceException service) {
            ObjectNode details = StatusView.JSON.createObjectNode().put("httpStatus", service.getStatus())
                .put("operation", service.getOperation());
            if (service.getRequestId() != null) {
                details.put("requestId", service.getRequestId());
            }
            return new Report(FORD_ERROR, ExitCode.FAILURE, message, "Ford refused the call: try again later; if it "
                + "persists, run it again with --verbose to see Ford's answer.", service.getErrorCode(), details);
        }
        if (error instanceof DecodeException) {
            return new Report(UNREADABLE_ANSWER, ExitCode.FAILURE, message, "Ford's answer was not what it should "
                + "be: try again later, with --verbose to see it.", null, null);
        }
        if (error instanceof TokenStoreException || error instanceof UsageStoreException) {
            return new Report(STORE_UNAVAILABLE, ExitCode.FAILURE, message, "Check where the login and the counts "
                + "are kept (--token-file, or --store and that Redis) and try again.", null, null);
        }
        return new Report(UNEXPECTED, ExitCode.FAILURE, message, "Run it again with --verbose and report what it "
            + "prints.", null, null);
    }

    private static Report commandReport(CommandException command, String message) {
        ObjectNode details = StatusView.JSON.createObjectNode().put("vin", command.getVin())
            .put("command", command.getCommandType());
        command.getCommandId().ifPresent(id -> details.put("commandId", id));
        int exit = ExitCode.COMMAND_FAILED;
        if (command instanceof CommandExpiredException) {
            return new Report(COMMAND_EXPIRED, exit, message, "The car did not pick it up (asleep or out of "
                + "coverage): try again later.", null, details);
        }
        if (command instanceof CommandFailedException failed) {
            failed.getFordState().ifPresent(state -> details.put("fordState", state));
            failed.getOemErrorContext().ifPresent(context -> details.put("fordContext", context));
            return new Report(COMMAND_FAILED, exit, message, "The car refused it: fix what Ford's code names (a "
                + "door open, not plugged in...) and send it again.", failed.getOemErrorCode().orElse(null), details);
        }
        if (command instanceof CommandNotSupportedException notSupported) {
            details.put("capability", notSupported.getCapability());
            return new Report(COMMAND_NOT_SUPPORTED, exit, message, "Run: connectedcar vehicles (the CAN column "
                + "lists what each car can do)", null, details);
        }
        if (command instanceof CommandTimeoutException) {
            return new Report(COMMAND_TIMED_OUT, exit, message, CHECK_THE_CAR, null, details);
        }
        if (command instanceof CommandOutcomeUnknownException) {
            return new Report(COMMAND_OUTCOME_UNKNOWN, exit, message, CHECK_THE_CAR, null, details);
        }
        return new Report(COMMAND_FAILED, exit, message, "Check the car with connectedcar status and try again.", null,
            details);
    }

    private static String at(Instant when) {
        return when == null ? "" : " until " + when;
    }

    private static ObjectNode retryAt(Instant when) {
        ObjectNode details = StatusView.JSON.createObjectNode();
        if (when != null) {
            details.put("retryAt", when.toString());
        }
        return details;
    }
}
