package io.github.connectedcar.simulator.internal.command;

/** The {@code value.toState} values a simulated command goes through (docs/ford-api.md §5.2). */
public enum CommandState {
    REQUEST_QUEUED(false),
    RECEIVED_BY_DEVICE(false),
    SUCCESS(true),
    COMMAND_FAILED_ON_DEVICE(true),
    EXPIRED(true);

    private final boolean terminal;

    CommandState(boolean terminal) {
        this.terminal = terminal;
    }

    /** Whether the command has ended. */
    public boolean isTerminal() {
        return terminal;
    }
}
