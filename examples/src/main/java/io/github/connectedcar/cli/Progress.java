package io.github.connectedcar.cli;

import java.time.Duration;
import java.time.Instant;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * Shows what a long operation is doing. On a terminal: one line with a spinner, the current state and the time
 * elapsed, redrawn in place. Elsewhere: one plain line per state change, so logs and pipes stay readable.
 */
final class Progress implements AutoCloseable {
    private static final String[] FRAMES = {"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"};

    private final Terminal terminal;
    private final String label;
    private final Instant started = Instant.now();
    private final Disposable spinner;
    private volatile String state = "starting";
    private int frame;

    Progress(Terminal terminal, String label) {
        this.terminal = terminal;
        this.label = label;
        if (terminal.isInteractive()) {
            spinner = Flux.interval(Duration.ofMillis(100)).subscribe(tick -> redraw());
        } else {
            spinner = null;
            terminal.note(label + " ...");
        }
    }

    /** A new state; printed at once (as a line when not on a terminal). */
    synchronized void update(String newState) {
        if (newState.equals(state)) {
            return;
        }
        state = newState;
        if (terminal.isInteractive()) {
            redraw();
        } else {
            terminal.note("  " + elapsed() + "  " + newState);
        }
    }

    private synchronized void redraw() {
        frame = (frame + 1) % FRAMES.length;
        terminal.err().print("\r\u001b[2K" + terminal.yellow(FRAMES[frame]) + " " + label + "  " + state + "  "
            + terminal.dim(elapsed()));
        terminal.err().flush();
    }

    private String elapsed() {
        long seconds = Duration.between(started, Instant.now()).toSeconds();
        return String.format("%d:%02d", seconds / 60, seconds % 60);
    }

    /** Ends the display with a final line. */
    synchronized void finish(boolean success, String message) {
        stop();
        String mark = success ? terminal.green("✔") : terminal.red("✘");
        terminal.note(mark + " " + label + "  " + message + "  " + terminal.dim(elapsed()));
    }

    private void stop() {
        if (spinner != null && !spinner.isDisposed()) {
            spinner.dispose();
            terminal.err().print("\r\u001b[2K");
            terminal.err().flush();
        }
    }

    @Override
    public synchronized void close() {
        stop();
    }
}
