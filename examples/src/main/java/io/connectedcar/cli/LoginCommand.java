package io.connectedcar.cli;

import io.connectedcar.ConnectedCarClient;
import io.connectedcar.auth.AuthClient;
import io.connectedcar.auth.PendingLogin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Signs in once in a browser and stores the tokens; they last months. */
@Command(name = "login", description = "Sign in to a FordPass account (once every few months).")
final class LoginCommand extends ClientCommand {
    @Option(names = "--redirect-url", paramLabel = "URL",
        description = "The fordapp://userauthorized/?code=... URL, instead of pasting it when asked.")
    String redirectUrl;

    @Override
    int run(ConnectedCarClient client) throws Exception {
        AuthClient auth = client.auth();
        PendingLogin login = auth.beginLogin();
        String pasted = redirectUrl;
        if (pasted == null) {
            terminal.note(terminal.bold("Sign in to your FordPass account in a desktop browser:"));
            terminal.note("  1. Open the browser's developer tools on the Network tab.");
            terminal.note("  2. Open this URL and sign in:");
            terminal.note("");
            terminal.note("     " + login.authorizeUrl());
            terminal.note("");
            terminal.note("  3. The last request goes to " + login.redirectUri() + "/?code=... and fails to load.");
            terminal.note("     Copy that whole URL (the code is long) and paste it here.");
            terminal.err().print(terminal.bold("Pasted URL: "));
            terminal.err().flush();
            pasted = terminal.readLine();
            if (pasted == null) {
                throw new IllegalArgumentException("No URL was pasted (end of input). Run connectedcar login again.");
            }
        }
        auth.completeLogin(login, pasted);
        terminal.note(terminal.green("✔") + " Logged in. Tokens stored in " + global.tokenStoreDescription() + ".");
        return ExitCode.OK;
    }
}
