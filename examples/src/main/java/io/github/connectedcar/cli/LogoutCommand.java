package io.github.connectedcar.cli;

import io.github.connectedcar.ConnectedCarClient;
import picocli.CommandLine.Command;

/** Forgets the stored login. */
@Command(name = "logout", description = "Forget the stored login of this account.")
final class LogoutCommand extends ClientCommand {
    @Override
    int run(ConnectedCarClient client) {
        client.auth().logout();
        if (global.json) {
            printJson(StatusView.JSON.createObjectNode().put("loggedOut", true)
                .put("tokenStore", global.tokenStoreDescription()));
        } else {
            terminal.note("Logged out: the tokens were removed from " + global.tokenStoreDescription() + ".");
        }
        return ExitCode.OK;
    }
}
