package io.github.connectedcar.cli;

import io.github.connectedcar.ConnectedCarClient;

/** A subcommand that works on the account the global options name (region, endpoint, token file). */
abstract class ClientCommand extends CliCommand {
    @Override
    final int execute() throws Exception {
        try (GlobalOptions options = global; ConnectedCarClient client = options.client()) {
            return run(client);
        }
    }

    abstract int run(ConnectedCarClient client) throws Exception;
}
