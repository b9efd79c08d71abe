package io.connectedcar.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.connectedcar.ClientOptions;
import io.connectedcar.ConnectedCarClient;
import io.connectedcar.ConnectedCarClientBuilder;
import io.connectedcar.auth.FileTokenStore;
import io.connectedcar.ford.Endpoints;
import io.connectedcar.ford.Region;
import io.connectedcar.http.DeadlineOptions;
import io.connectedcar.usage.FileUsageStore;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every subcommand takes, before or after its name. */
final class GlobalOptions {
    /** What a wait adds to a call's deadline, so the call's own, more precise error comes first. */
    private static final Duration WAIT_MARGIN = Duration.ofSeconds(5);

    @Option(names = "--region", scope = ScopeType.INHERIT, paramLabel = "REGION",
        description = "Where the account is registered: US, CA, EU, AU, a country code (DEU, GBR...) or a region "
            + "name (default: ${DEFAULT-VALUE}).", defaultValue = "US")
    String region;

    @Option(names = "--endpoint", scope = ScopeType.INHERIT, paramLabel = "URL",
        description = "Send every call to this base URL instead of Ford's hosts (e.g. a standalone simulator).")
    String endpoint;

    @Option(names = "--token-file", scope = ScopeType.INHERIT, paramLabel = "FILE",
        description = "Where the login is stored (default: ~/.connectedcar/tokens.json, owner-only). The request "
            + "and refresh counts are kept beside it in usage.json.")
    Path tokenFile;

    @Option(names = "--json", scope = ScopeType.INHERIT,
        description = "Print machine-readable JSON instead of tables.")
    boolean json;

    @Option(names = "--timeout", scope = ScopeType.INHERIT, paramLabel = "SECONDS",
        description = "The longest one call to Ford may take, retries included (default: 75 s for a read, 60 s for "
            + "a command, 30 s for a token call).")
    Integer timeoutSeconds;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
        description = "Log each HTTP call (secrets redacted) and show stack traces.")
    boolean verbose;

    /** A blocking client for these options. */
    ConnectedCarClient client() {
        ConnectedCarClientBuilder builder = new ConnectedCarClientBuilder()
            .region(Region.of(region))
            .tokenStore(tokenStore())
            .usageStore(usageStore());
        if (endpoint != null) {
            builder.endpoints(Endpoints.allAt(endpoint));
        }
        if (timeoutSeconds != null) {
            if (timeoutSeconds < 1) {
                throw new IllegalArgumentException("--timeout must be at least 1 second, was " + timeoutSeconds);
            }
            builder.deadlineOptions(DeadlineOptions.all(Duration.ofSeconds(timeoutSeconds)))
                .clientOptions(new ClientOptions(waitLimit()));
        }
        return builder.buildClient();
    }

    /** The longest wait for one answer outside the blocking client: a call's deadline, then a margin. */
    Duration waitLimit() {
        return timeoutSeconds == null ? ClientOptions.DEFAULT_BLOCK_TIMEOUT
            : Duration.ofSeconds(timeoutSeconds).plus(WAIT_MARGIN);
    }

    FileTokenStore tokenStore() {
        return tokenFile == null ? FileTokenStore.inUserHome() : new FileTokenStore(tokenFile);
    }

    /**
     * The request and refresh counts, beside the token file ({@code ~/.connectedcar/usage.json} by default): each run
     * is a new process, so without it a cron job could exceed the daily budget or refresh the car every minute.
     */
    FileUsageStore usageStore() {
        return tokenFile == null ? FileUsageStore.inUserHome() : FileUsageStore.besideTokenFile(tokenFile);
    }

    void applyVerbosity() {
        if (verbose) {
            ((Logger) LoggerFactory.getLogger("io.connectedcar")).setLevel(Level.DEBUG);
        }
    }
}
