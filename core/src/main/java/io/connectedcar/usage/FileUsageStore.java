package io.connectedcar.usage;

import io.connectedcar.internal.AccountsFile;
import io.connectedcar.internal.Json;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps usage in one JSON file, so that the request budget and the refresh interval count the requests of earlier
 * processes too: a command line run from cron, a service restarted in a loop. The file holds instants and VINs only,
 * per account name, and is readable by its owner only ({@code rw-------}, folder {@code rwx------} where the file
 * system has POSIX permissions). Every write goes to a temporary file beside it that is then moved over the old one
 * atomically, so a crash never leaves half a file; entries older than the caller's window are dropped on each write.
 * A file that cannot be read is reported ({@link UsageStoreException}), never overwritten. File work runs on
 * {@link Schedulers#boundedElastic()}, never on the caller's thread.
 *
 * <p>Writers in one process are serialised, also across separate stores of the same file; each write reads the file
 * afresh, so two processes recording at nearly the same moment lose at most the other's last few entries.
 */
public final class FileUsageStore implements UsageStore {
    /** Written into the file so a later format can be told apart. */
    static final String FORMAT = "connectedcar-usage/1";

    private final AccountsFile accounts;

    public FileUsageStore(Path file) {
        this.accounts = new AccountsFile(file, FORMAT, "usage", "It was left untouched, and the request budget and "
            + "the refresh interval count only this process's use until it is moved or deleted.",
            UsageStoreException::new);
    }

    /** {@code ~/.connectedcar/usage.json}, beside the default token file. */
    public static FileUsageStore inUserHome() {
        return new FileUsageStore(Path.of(System.getProperty("user.home"), ".connectedcar", "usage.json"));
    }

    /** {@code usage.json} in the folder of the given token file. */
    public static FileUsageStore besideTokenFile(Path tokenFile) {
        Path parent = Objects.requireNonNull(tokenFile, "tokenFile").toAbsolutePath().normalize().getParent();
        return new FileUsageStore(parent.resolve("usage.json"));
    }

    public Path file() {
        return accounts.file();
    }

    @Override
    public Mono<RecordedUsage> load(String account) {
        Objects.requireNonNull(account, "account");
        return accounts.read(account, entry -> usageOf(entry, account));
    }

    @Override
    public Mono<Void> recordRequests(String account, Collection<Instant> sentAt, Instant keepSince) {
        Objects.requireNonNull(account, "account");
        List<Instant> added = List.copyOf(Objects.requireNonNull(sentAt, "sentAt"));
        Objects.requireNonNull(keepSince, "keepSince");
        return update(account, book -> {
            book.addRequests(added, keepSince);
            return true;
        });
    }

    @Override
    public Mono<Void> recordStatusRefresh(String account, String vin, Instant at, Instant keepSince) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(vin, "vin");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(keepSince, "keepSince");
        return update(account, book -> {
            book.addStatusRefresh(vin, at, keepSince);
            return true;
        });
    }

    @Override
    public Mono<Void> forgetStatusRefresh(String account, String vin, Instant at) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(vin, "vin");
        Objects.requireNonNull(at, "at");
        return update(account, book -> book.forgetStatusRefresh(vin, at));
    }

    /** Changes the account's entry, writing only when {@code change} says it changed something. */
    private Mono<Void> update(String account, Predicate<UsageBook> change) {
        return accounts.update(account, entry -> {
            UsageBook book = new UsageBook(usageOf(entry, account));
            return change.test(book) ? toJson(book.toUsage()) : null;
        });
    }

    /** The usage in an account's entry; none when there is no entry. */
    private RecordedUsage usageOf(JsonNode entry, String account) {
        if (entry == null) {
            return RecordedUsage.none();
        }
        try {
            if (!entry.isObject()) {
                throw new IllegalArgumentException("not an object");
            }
            List<Instant> requests = instants(entry.get("requests"));
            Map<String, List<Instant>> refreshes = new TreeMap<>();
            JsonNode byVin = entry.get("statusRefreshes");
            if (byVin != null && !byVin.isNull()) {
                if (!byVin.isObject()) {
                    throw new IllegalArgumentException("statusRefreshes is not an object");
                }
                for (Map.Entry<String, JsonNode> vin : byVin.properties()) {
                    refreshes.put(vin.getKey(), instants(vin.getValue()));
                }
            }
            return new RecordedUsage(requests, refreshes);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new UsageStoreException("The entry of account '" + account + "' in the usage file " + file()
                + " is malformed. It was left untouched: move or delete the file.", e);
        }
    }

    private static List<Instant> instants(JsonNode array) {
        List<Instant> instants = new ArrayList<>();
        if (array == null || array.isNull()) {
            return instants;
        }
        if (!array.isArray()) {
            throw new IllegalArgumentException("not an array");
        }
        for (JsonNode value : array) {
            if (!value.isString()) {
                throw new IllegalArgumentException("not a timestamp: " + value);
            }
            instants.add(Instant.parse(value.asString()));
        }
        return instants;
    }

    private static ObjectNode toJson(RecordedUsage usage) {
        ObjectNode node = Json.object();
        ArrayNode requests = node.putArray("requests");
        usage.requests().forEach(instant -> requests.add(instant.toString()));
        ObjectNode refreshes = node.putObject("statusRefreshes");
        new TreeMap<>(usage.statusRefreshes()).forEach((vin, instants) -> {
            ArrayNode array = refreshes.putArray(vin);
            instants.forEach(instant -> array.add(instant.toString()));
        });
        return node;
    }

    @Override
    public String toString() {
        return "FileUsageStore[" + file() + "]";
    }
}
