package io.github.connectedcar.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.github.connectedcar.ClientOptions;
import io.github.connectedcar.ConnectedCarClient;
import io.github.connectedcar.ConnectedCarClientBuilder;
import io.github.connectedcar.auth.FileTokenStore;
import io.github.connectedcar.auth.TokenStore;
import io.github.connectedcar.ford.Endpoints;
import io.github.connectedcar.ford.Region;
import io.github.connectedcar.http.DeadlineOptions;
import io.github.connectedcar.redis.RedisTokenStore;
import io.github.connectedcar.redis.RedisUsageStore;
import io.github.connectedcar.usage.FileUsageStore;
import io.github.connectedcar.usage.UsageStore;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every subcommand takes, before or after its name; closing them closes the stores they opened. */
final class GlobalOptions implements AutoCloseable {
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

    @Option(names = "--store", scope = ScopeType.INHERIT, paramLabel = "redis://HOST:PORT[/DB]",
        description = "Keep the login in Redis instead of the token file, so that processes on several machines "
            + "share it and renew it once, and count the request budget, the status refreshes and the lockout "
            + "there too, so that together they never exceed them (default: the owner-only files under "
            + "~/.connectedcar/).")
    String store;

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

    private TokenStore opened;
    private UsageStore openedUsage;

    /** Where the login is kept: Redis with {@code --store}, else the token file. Opened once, closed by close(). */
    TokenStore tokenStore() {
        if (opened == null) {
            if (store != null && tokenFile != null) {
                throw new IllegalArgumentException("--store and --token-file both say where the login is kept: give "
                    + "one of them.");
            }
            opened = store != null ? RedisTokenStore.connect(store)
                : tokenFile == null ? FileTokenStore.inUserHome() : new FileTokenStore(tokenFile);
        }
        return opened;
    }

    /**
     * The token file, or where it would be: the folder of this machine's own files (a login waiting for its pasted
     * URL, the usage counts), also when the login itself is kept in Redis.
     */
    Path localTokenFile() {
        return tokenFile != null ? tokenFile : FileTokenStore.inUserHome().file();
    }

    /** Where the login is kept, for messages. */
    String tokenStoreDescription() {
        return tokenStore() instanceof FileTokenStore file ? file.file() + " (owner-only)"
            : "Redis at " + ((RedisTokenStore) tokenStore()).address();
    }

    @Override
    public void close() {
        if (opened instanceof RedisTokenStore redis) {
            redis.close();
        }
        if (openedUsage instanceof RedisUsageStore redis) {
            redis.close();
        }
        opened = null;
        openedUsage = null;
    }

    /**
     * The request and refresh counts and the lockout: in Redis with {@code --store}, shared by every machine that
     * names it; else beside the token file ({@code ~/.connectedcar/usage.json} by default). Each run is a new
     * process, so without them a cron job could exceed the daily budget or refresh the car every minute. Opened
     * once, closed by close().
     */
    UsageStore usageStore() {
        if (openedUsage == null) {
            openedUsage = store != null ? RedisUsageStore.connect(store)
                : tokenFile == null ? FileUsageStore.inUserHome() : FileUsageStore.besideTokenFile(tokenFile);
        }
        return openedUsage;
    }

    void applyVerbosity() {
        if (verbose) {
            ((Logger) LoggerFactory.getLogger("io.github.connectedcar")).setLevel(Level.DEBUG);
        }
    }
}
