package io.github.connectedcar.usage;

import io.github.connectedcar.internal.AccountsFile;
import io.github.connectedcar.internal.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps usage in one JSON file, so that the request budget and the refresh interval hold for every process on this
 * machine that uses the account, now and later: command lines run from cron, a service restarted in a loop. The file holds instants and VINs only,
 * per account name, and is readable by its owner only ({@code rw-------}, folder {@code rwx------} where the file
 * system has POSIX permissions). Every write goes to a temporary file beside it that is then moved over the old one
 * atomically, so a crash never leaves half a file; entries older than the caller's window are dropped on each write.
 * A file that cannot be read is reported ({@link UsageStoreException}), never overwritten. File work runs on
 * {@link Schedulers#boundedElastic()}, never on the caller's thread.
 *
 * <p>Every count is one read-modify-write of the file holding its lock ({@code <file>.lock}), which every thread,
 * store and process on this machine respects: processes racing for the last permits get exactly as many as are left
 * between them.
 */
public final class FileUsageStore implements UsageStore {
    private static final Logger LOG = LoggerFactory.getLogger(FileUsageStore.class);

    /** Written into the file so a later format can be told apart. */
    static final String FORMAT = "connectedcar-usage/1";

    private final AccountsFile accounts;

    /**
     * A store in this file (made owner-only when first written).
     *
     * @param file the file, such as {@code ~/.connectedcar/usage.json}
     */
    public FileUsageStore(Path file) {
        this.accounts = new AccountsFile(file, FORMAT, "usage", "It was left untouched, and requests are refused until "
            + "it is moved or deleted, since without it the account's request budget cannot be kept.",
            UsageStoreException::new);
    }

    /** {@return {@code ~/.connectedcar/usage.json}, beside the default token file} */
    public static FileUsageStore inUserHome() {
        return new FileUsageStore(Path.of(System.getProperty("user.home"), ".connectedcar", "usage.json"));
    }

    /**
     * {@code usage.json} in the folder of the given token file.
     *
     * @param tokenFile the token file
     * @return the store beside it
     */
    public static FileUsageStore besideTokenFile(Path tokenFile) {
        Path parent = Objects.requireNonNull(tokenFile, "tokenFile").toAbsolutePath().normalize().getParent();
        return new FileUsageStore(parent.resolve("usage.json"));
    }

    /** {@return the file the counts are kept in} */
    public Path file() {
        return accounts.file();
    }

    @Override
    public Mono<RecordedUsage> load(String account) {
        Objects.requireNonNull(account, "account");
        return accounts.read(account, entry -> usageOf(entry, account));
    }

    @Override
    public Mono<RequestPermit> acquireRequest(String account, Instant now, RequestLimits limits) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(limits, "limits");
        return change(account, book -> {
            RequestPermit permit = book.acquireRequest(now, limits);
            return new Rule<>(permit.isGranted(), permit);
        });
    }

    @Override
    public Mono<Void> releaseRequest(String account, Instant at) {
        Objects.requireNonNull(at, "at");
        return change(account, book -> new Rule<>(book.releaseRequest(at), true)).then();
    }

    @Override
    public Mono<RefreshPermit> acquireStatusRefresh(String account, String vin, Instant now, Duration minInterval,
                                                    Instant keepSince) {
        Objects.requireNonNull(vin, "vin");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(minInterval, "minInterval");
        Objects.requireNonNull(keepSince, "keepSince");
        return change(account, book -> {
            RefreshPermit permit = book.acquireStatusRefresh(vin, now, minInterval, keepSince);
            return new Rule<>(permit.isGranted(), permit);
        });
    }

    @Override
    public Mono<Void> forgetStatusRefresh(String account, String vin, Instant at) {
        Objects.requireNonNull(vin, "vin");
        Objects.requireNonNull(at, "at");
        return change(account, book -> new Rule<>(book.forgetStatusRefresh(vin, at), true)).then();
    }

    @Override
    public Mono<AccountLockout> recordAuthentication(String account, Instant at, boolean failed, int failuresToOpen,
                                                     Duration coolDown) {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(coolDown, "coolDown");
        return change(account, book -> new Rule<>(book.recordAuthentication(at, failed, failuresToOpen, coolDown),
            book.lockout));
    }

    /** What a rule did to the book: whether it changed it (then the file is written) and its result. */
    private record Rule<T>(boolean changed, T result) {
    }

    /** Applies a rule to the account's book in one locked read-modify-write of the file. */
    private <T> Mono<T> change(String account, Function<UsageBook, Rule<T>> rule) {
        Objects.requireNonNull(account, "account");
        return accounts.change(account, entry -> {
            UsageBook book = new UsageBook(usageOf(entry, account));
            Rule<T> applied = rule.apply(book);
            return new AccountsFile.Changed<>(applied.changed() ? toJson(book.toUsage()) : null, applied.result());
        });
    }

    /**
     * The usage in an account's entry; none when there is no entry. A value that is not an instant (a hand edit, a
     * bug) is skipped with a warning, and the rest still counts; the next count writes the entry without it.
     */
    private RecordedUsage usageOf(JsonNode entry, String account) {
        if (entry == null) {
            return RecordedUsage.none();
        }
        List<String> skipped = new ArrayList<>();
        List<Instant> requests = instants(entry.get("requests"), "requests", skipped);
        Map<String, List<Instant>> refreshes = new TreeMap<>();
        JsonNode byVin = entry.get("statusRefreshes");
        if (byVin != null && byVin.isObject()) {
            for (Map.Entry<String, JsonNode> vin : byVin.properties()) {
                List<Instant> instants = instants(vin.getValue(), "statusRefreshes." + vin.getKey(), skipped);
                if (!instants.isEmpty()) {
                    refreshes.put(vin.getKey(), instants);
                }
            }
        } else if (byVin != null && !byVin.isNull()) {
            skipped.add("statusRefreshes");
        }
        AccountLockout lockout = AccountLockout.NONE;
        JsonNode failures = entry.get("authenticationFailures");
        if (failures != null && failures.canConvertToInt() && failures.asInt() > 0) {
            Instant until = null;
            JsonNode lockedUntil = entry.get("lockedOutUntil");
            if (lockedUntil != null && !lockedUntil.isNull()) {
                try {
                    until = Instant.parse(lockedUntil.asString());
                } catch (DateTimeParseException e) {
                    skipped.add("lockedOutUntil");
                }
            }
            lockout = new AccountLockout(failures.asInt(), until);
        }
        if (!skipped.isEmpty()) {
            LOG.warn("Skipped values of account '{}' in the usage file {} that are not instants ({}); the rest still "
                + "counts", account, file(), String.join(", ", skipped));
        }
        return new RecordedUsage(requests, refreshes, lockout);
    }

    /** The instants of an array; anything else is named in {@code skipped}. */
    private static List<Instant> instants(JsonNode array, String where, List<String> skipped) {
        List<Instant> instants = new ArrayList<>();
        if (array == null || array.isNull()) {
            return instants;
        }
        if (!array.isArray()) {
            skipped.add(where);
            return instants;
        }
        for (JsonNode value : array) {
            try {
                instants.add(Instant.parse(value.asString()));
            } catch (DateTimeParseException | IllegalArgumentException | UnsupportedOperationException e) {
                skipped.add(where + "[" + instants.size() + "]");
            }
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
        if (usage.lockout().failuresInARow() > 0) {
            node.put("authenticationFailures", usage.lockout().failuresInARow());
            if (usage.lockout().lockedUntil() != null) {
                node.put("lockedOutUntil", usage.lockout().lockedUntil().toString());
            }
        }
        return node;
    }

    @Override
    public String toString() {
        return "FileUsageStore[" + file() + "]";
    }
}
