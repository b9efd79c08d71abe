package io.github.connectedcar.cli;

/** The exit codes of {@code connectedcar}, one per kind of outcome so scripts can react. */
final class ExitCode {
    static final int OK = 0;
    /** Something else went wrong (Ford answered with an error, an unreadable answer). */
    static final int FAILURE = 1;
    /** The command line was wrong: unknown option, bad VIN, bad pasted URL. */
    static final int USAGE = 2;
    /** No usable login: run {@code connectedcar login}. */
    static final int AUTHENTICATION_REQUIRED = 3;
    /** The car refused or did not carry out a command. */
    static final int COMMAND_FAILED = 4;
    /** Ford's throttle or the SDK's own account budget. */
    static final int RATE_LIMITED = 5;
    /** Ford could not be reached or did not answer. */
    static final int NETWORK = 6;

    private ExitCode() {
    }
}
