package io.github.connectedcar.spring.boot;

import io.github.connectedcar.ClientOptions;
import io.github.connectedcar.ConnectedCarClientBuilder;
import io.github.connectedcar.protection.QuotaOptions;
import io.github.connectedcar.status.StatusStreamOptions;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code connectedcar.*} properties the auto-configured client is built from. Every default is the SDK's own.
 */
@ConfigurationProperties("connectedcar")
public class ConnectedCarProperties {
    /** Ford's region of the account: US, CA, EU, AU, a country code such as DEU, or a region name. */
    private String region = "US";
    /**
     * One base URL for every call, such as a simulator's (http://127.0.0.1:8080); empty for Ford's own hosts.
     */
    private String endpoint;
    /** The name the login and the usage counts are stored under. */
    private String account = ConnectedCarClientBuilder.DEFAULT_ACCOUNT;
    /** How long a call of the blocking client ({@code ConnectedCarClient} bean) waits for its answer. */
    private Duration blockTimeout = ClientOptions.DEFAULT_BLOCK_TIMEOUT;
    /** Where the login is kept between runs. */
    private final Store tokenStore = new Store();
    /** Where the request counts of the budget and the lockout guard are kept; file and redis share them. */
    private final Store usageStore = new Store();
    private final Redis redis = new Redis();
    private final Budget budget = new Budget();
    private final Stream stream = new Stream();

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public String getAccount() {
        return account;
    }

    public void setAccount(String account) {
        this.account = account;
    }

    public Duration getBlockTimeout() {
        return blockTimeout;
    }

    public void setBlockTimeout(Duration blockTimeout) {
        this.blockTimeout = blockTimeout;
    }

    public Store getTokenStore() {
        return tokenStore;
    }

    public Store getUsageStore() {
        return usageStore;
    }

    public Redis getRedis() {
        return redis;
    }

    public Budget getBudget() {
        return budget;
    }

    public Stream getStream() {
        return stream;
    }

    /** Where a store keeps its data. */
    public enum StoreType {
        /** In this process only: lost on restart. */
        MEMORY,
        /** In an owner-only file, shared by every process of this machine that names it. */
        FILE,
        /** In Redis (connectedcar.redis.uri), shared by every process and machine; needs connectedcar-redis. */
        REDIS
    }

    /** A store: where it keeps its data. */
    public static class Store {
        /** Where the data is kept: memory (this process), file (every process of this machine) or redis. */
        private StoreType type = StoreType.FILE;
        /**
         * The file of a FILE store; by default ~/.connectedcar/tokens.json for the login and usage.json beside the
         * token file for the usage counts.
         */
        private Path file;

        public StoreType getType() {
            return type;
        }

        public void setType(StoreType type) {
            this.type = type;
        }

        public Path getFile() {
            return file;
        }

        public void setFile(Path file) {
            this.file = file;
        }
    }

    /** The Redis server of the REDIS stores. */
    public static class Redis {
        /** redis://HOST:PORT[/DB] (rediss:// for TLS; user:password@ if the server asks). */
        private String uri = "redis://127.0.0.1:6379";

        public String getUri() {
            return uri;
        }

        public void setUri(String uri) {
            this.uri = uri;
        }
    }

    /** The account's request budget: Ford disables accounts that make more than about 250-300 calls a day. */
    public static class Budget {
        /** Whether the budget is kept at all; turn it off only against a simulator. */
        private boolean enabled = true;
        /** Requests allowed per window. */
        private int dailyLimit = QuotaOptions.DEFAULT_DAILY_LIMIT;
        /** The rolling window of the daily limit. */
        private Duration window = QuotaOptions.DEFAULT_WINDOW;
        /** Requests allowed per burst period. */
        private int burstLimit = QuotaOptions.DEFAULT_BURST_LIMIT;
        /** The rolling period of the burst limit. */
        private Duration burstPeriod = QuotaOptions.DEFAULT_BURST_PERIOD;
        /** How long a call waits for the budget before failing with QuotaExceededException. */
        private Duration maxWait = QuotaOptions.DEFAULT_MAX_WAIT;

        QuotaOptions toOptions() {
            return enabled ? new QuotaOptions(dailyLimit, window, burstLimit, burstPeriod, maxWait)
                : QuotaOptions.unlimited();
        }

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public int getDailyLimit() {
            return dailyLimit;
        }

        public void setDailyLimit(int dailyLimit) {
            this.dailyLimit = dailyLimit;
        }

        public Duration getWindow() {
            return window;
        }

        public void setWindow(Duration window) {
            this.window = window;
        }

        public int getBurstLimit() {
            return burstLimit;
        }

        public void setBurstLimit(int burstLimit) {
            this.burstLimit = burstLimit;
        }

        public Duration getBurstPeriod() {
            return burstPeriod;
        }

        public void setBurstPeriod(Duration burstPeriod) {
            this.burstPeriod = burstPeriod;
        }

        public Duration getMaxWait() {
            return maxWait;
        }

        public void setMaxWait(Duration maxWait) {
            this.maxWait = maxWait;
        }
    }

    /** Status streams (statusUpdates()). */
    public static class Stream {
        /** Whether streams use Autonomic's websocket; false polls only. */
        private boolean webSocket = StatusStreamOptions.DEFAULT_WEB_SOCKET;
        /** How often a stream polls when the websocket is unavailable (each poll costs a request). */
        private Duration pollInterval = StatusStreamOptions.DEFAULT_POLL_INTERVAL;
        /** Silence on the websocket after which it is reopened. */
        private Duration watchdog = StatusStreamOptions.DEFAULT_WATCHDOG;

        StatusStreamOptions toOptions() {
            return StatusStreamOptions.defaults().withWebSocket(webSocket).withPollInterval(pollInterval)
                .withWatchdog(watchdog);
        }

        public boolean isWebSocket() {
            return webSocket;
        }

        public void setWebSocket(boolean webSocket) {
            this.webSocket = webSocket;
        }

        public Duration getPollInterval() {
            return pollInterval;
        }

        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }

        public Duration getWatchdog() {
            return watchdog;
        }

        public void setWatchdog(Duration watchdog) {
            this.watchdog = watchdog;
        }
    }
}
