package io.connectedcar.cli;

import io.connectedcar.ConnectedCarClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import reactor.netty.DisposableServer;

/** Serves the account's cars over HTTP, with each car's status as a server-sent event stream. */
@Command(name = "serve", description = "Serve the cars over HTTP: /vehicles, /vehicles/{vin}/status and "
    + "/vehicles/{vin}/status/stream (server-sent events) on 127.0.0.1; requests whose Host or Origin name another "
    + "server are refused (403). Ctrl-C to stop.")
final class ServeCommand extends ClientCommand {
    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
        description = "The port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 for a free one).")
    int port;

    @Override
    int run(ConnectedCarClient client) {
        DisposableServer server = StatusHttpServer.start(client.async(), "127.0.0.1", port);
        terminal.note("Serving at http://127.0.0.1:" + server.port() + "/vehicles (Ctrl-C to stop)");
        // Waits for the server's end, which is Ctrl-C: serving is this command's whole job. Each request it serves is
        // a call of the SDK, and ends within that call's deadline.
        server.onDispose().block();
        return ExitCode.OK;
    }
}
