package io.github.connectedcar.cli;

import io.github.connectedcar.command.ActionResult;
import io.github.connectedcar.command.CommandFlux;
import io.github.connectedcar.command.CommandOptions;
import io.github.connectedcar.command.CommandProgress;
import io.github.connectedcar.command.CommandResult;
import io.github.connectedcar.model.CommandState;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/** Runs one remote command with live progress (a spinner on a terminal, lines elsewhere) and prints its result. */
final class CommandRunner {
    private final Terminal terminal;
    private final boolean json;

    CommandRunner(Terminal terminal, boolean json) {
        this.terminal = terminal;
        this.json = json;
    }

    /**
     * Sends the command once, follows it to its end, and returns its result; waits at most the command's timeout plus
     * the blocking margin of {@code options}, the ones the command was sent with.
     *
     * @throws io.github.connectedcar.exception.CommandException and the others of {@link CommandFlux} when it did not succeed
     * @throws io.github.connectedcar.exception.OperationTimeoutException when the wait ran out
     */
    CommandResult follow(String label, CommandFlux command, CommandOptions options) {
        Progress progress = json ? null : terminal.progress(label);
        try {
            Mono<CommandResult> followed = command.progress().doOnNext(step -> {
                if (progress != null) {
                    progress.update(describe(step));
                }
            }).then(command.result());
            CommandResult result = Waits.await(followed, options.blockingTimeoutFor(command.commandType()),
                "the end of " + label + " (the car may still act on it: check with connectedcar status)");
            if (progress != null) {
                progress.finish(true, result.state().name());
            } else {
                terminal.line(StatusView.JSON.writeValueAsString(json(result)));
            }
            return result;
        } catch (RuntimeException e) {
            if (progress != null) {
                progress.finish(false, "did not succeed");
            }
            throw e;
        } finally {
            if (progress != null) {
                progress.close();
            }
        }
    }

    /** Prints the answer of a Ford-host action (guard mode, zone lighting): no command id, no following. */
    void print(String label, ActionResult result) {
        if (json) {
            ObjectNode node = StatusView.JSON.createObjectNode()
                .put("vin", result.vin())
                .put("action", result.action())
                .put("outcome", result.outcome().name())
                .put("httpStatus", result.httpStatus());
            result.returnCode().ifPresent(code -> node.put("returnCode", code));
            result.message().ifPresent(message -> node.put("message", message));
            terminal.line(StatusView.JSON.writeValueAsString(node));
            return;
        }
        String message = result.message().map(m -> " (" + m + ")").orElse("");
        if (result.isEnrollmentInProgress()) {
            terminal.note(terminal.yellow("…") + " " + label + "  enrollment still in progress" + message);
        } else {
            terminal.note(terminal.green("✔") + " " + label + "  " + result.outcome().name().toLowerCase() + message);
        }
    }

    private static String describe(CommandProgress step) {
        CommandState state = step.state();
        return state.isKnown() ? state.name() : state.name() + " (" + step.fordState().orElse("?") + ")";
    }

    private static ObjectNode json(CommandResult result) {
        ObjectNode node = StatusView.JSON.createObjectNode()
            .put("vin", result.vin())
            .put("command", result.commandType())
            .put("commandId", result.commandId())
            .put("state", result.state().name())
            // requestedAt, completedAt and the duration are all by this machine's clock; Ford's own timestamp of
            // the outcome, by Ford's clock, is kept apart so that no duration spans two clocks.
            .put("requestedAt", result.requestedAt().toString())
            .put("completedAt", result.completedAt().toString())
            .put("durationSeconds", result.duration().toMillis() / 1000.0)
            .put("fordReportedAt", result.reportedAt().toString());
        result.fordState().ifPresent(state -> node.put("fordState", state));
        return node;
    }
}
