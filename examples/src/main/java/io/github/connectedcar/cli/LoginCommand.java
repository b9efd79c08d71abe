package io.github.connectedcar.cli;

import io.github.connectedcar.ConnectedCarClient;
import io.github.connectedcar.auth.AuthClient;
import io.github.connectedcar.auth.PendingLogin;
import io.github.connectedcar.ford.Region;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Signs in once in a browser and stores the tokens; they last months. {@code login} keeps the login it begins in
 * {@link PendingLoginFile} until it is completed, here at the prompt or by a later {@code login --redirect-url}.
 */
@Command(name = "login", description = {"Sign in to a FordPass account (once every few months).",
    "Prints the URL to open and waits for the fordapp://userauthorized/?code=... URL to be pasted. The login it "
        + "begins is kept owner-only in " + PendingLoginFile.NAME + " beside the token file until it is used, so it "
        + "can also be finished later with: connectedcar login --redirect-url URL"})
final class LoginCommand extends ClientCommand {
    @Option(names = "--redirect-url", paramLabel = "URL",
        description = "Finish the login an earlier 'connectedcar login' began, with the fordapp://userauthorized/"
            + "?code=... URL the browser ended on. Give - to read the URL from standard input instead, which keeps "
            + "it out of the process list (ps).")
    String redirectUrl;

    @Override
    int run(ConnectedCarClient client) throws Exception {
        AuthClient auth = client.auth();
        PendingLoginFile pendingFile = new PendingLoginFile(global.localTokenFile());
        if (redirectUrl != null) {
            PendingLogin pending = pendingFile.load(Region.of(global.region));
            String pasted = redirectUrl.equals("-") ? pasted(pendingFile) : redirectUrl;
            return complete(auth, pending, pasted, pendingFile);
        }
        PendingLogin login = auth.beginLogin();
        pendingFile.save(login);
        terminal.note(terminal.bold("Sign in to your FordPass account in a desktop browser:"));
        terminal.note("  1. Open the browser's developer tools on the Network tab.");
        terminal.note("  2. Open this URL and sign in:");
        terminal.note("");
        terminal.note("     " + login.authorizeUrl());
        terminal.note("");
        terminal.note("  3. The last request goes to " + login.redirectUri() + "/?code=... and fails to load.");
        terminal.note("     Copy that whole URL (the code is long) and paste it here, or later run:");
        terminal.note("     connectedcar login --redirect-url -   (and paste it then)");
        terminal.err().print(terminal.bold("Pasted URL: "));
        terminal.err().flush();
        return complete(auth, login, pasted(pendingFile), pendingFile);
    }

    /** A line of standard input. */
    private String pasted(PendingLoginFile pendingFile) throws IOException {
        String line = terminal.readLine();
        if (line == null) {
            throw new IllegalArgumentException("No URL was pasted (end of input). The login waits in "
                + pendingFile.file() + ": finish it with connectedcar login --redirect-url URL (or - to paste it).");
        }
        return line;
    }

    private int complete(AuthClient auth, PendingLogin pending, String pasted, PendingLoginFile pendingFile) {
        try {
            auth.completeLogin(pending, pasted);
        } catch (IllegalArgumentException notTheUrl) {
            throw notTheUrl; // checked here, nothing was sent: the pending login stays for another paste
        } catch (RuntimeException refusedOrFailed) {
            pendingFile.delete(); // the code was sent: it is used, whatever came of it
            throw refusedOrFailed;
        }
        pendingFile.delete();
        if (global.json) {
            printJson(StatusView.JSON.createObjectNode().put("loggedIn", true)
                .put("tokenStore", global.tokenStoreDescription()));
        } else {
            terminal.note(terminal.green("✔") + " Logged in. Tokens stored in " + global.tokenStoreDescription()
                + ".");
        }
        return ExitCode.OK;
    }
}
