package io.github.connectedcar.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON file holding one entry per account, {@code {"format": ..., "accounts": {"name": {...}}}}, kept by
 * {@link OwnerOnlyFiles}: the shape the token file and the usage file share; what an entry holds is the store's
 * business. Every change reads the file afresh and writes it back holding the file's lock, which other processes on
 * this machine respect too ({@link FileLocks}, slot {@value #CHANGE_SLOT}), so no two writers lose each other's
 * entries; a read needs no lock, since a file is only ever replaced whole. All of it runs on
 * {@link Schedulers#boundedElastic()}. A file that is not such an object is reported and never overwritten.
 */
public final class AccountsFile {
    /** The lock slot of read-modify-writes; slots above it are the stores' own (per-account renewals). */
    public static final long CHANGE_SLOT = 0;
    /** How long a change waits for another process's change, which takes milliseconds. */
    private static final Duration CHANGE_WAIT = Duration.ofSeconds(10);

    private final Path file;
    private final String format;
    private final String kind;
    private final String corruptAdvice;
    private final BiFunction<String, Throwable, ? extends RuntimeException> error;
    private final FileLocks locks;

    /**
     * @param format        written into a new file, so a later format can be told apart
     * @param kind          what the file holds, for messages: "token" gives "the token file ..."
     * @param corruptAdvice told after "... is not a valid connectedcar token file." (what happens, what to do)
     * @param error         the store's exception, from a message and a cause
     */
    public AccountsFile(Path file, String format, String kind, String corruptAdvice,
                        BiFunction<String, Throwable, ? extends RuntimeException> error) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
        this.format = Objects.requireNonNull(format, "format");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.corruptAdvice = Objects.requireNonNull(corruptAdvice, "corruptAdvice");
        this.error = Objects.requireNonNull(error, "error");
        this.locks = FileLocks.of(this.file);
    }

    /** The absolute, normalised path. */
    public Path file() {
        return file;
    }

    /** The cross-process locks of this file, for a store's own slots. */
    public FileLocks locks() {
        return locks;
    }

    /**
     * What {@code decode} makes of the account's entry. Lazy.
     *
     * @param decode gets the entry, or {@code null} when there is no file or no entry; returns {@code null} for none
     * @return the value; empty when {@code decode} returned {@code null}
     */
    public <T> Mono<T> read(String account, Function<JsonNode, T> decode) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(decode, "decode");
        return Mono.fromCallable(() -> {
            ObjectNode root = readRoot();
            return decode.apply(root == null ? null : entryOf(root, account));
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * Replaces the account's entry with what {@code change} makes of it, creating the file when there is none. Lazy.
     *
     * @param change gets the entry, or {@code null} when there is none; returns the new entry, or {@code null} to
     *               leave the file as it is
     */
    public Mono<Void> update(String account, UnaryOperator<JsonNode> change) {
        Objects.requireNonNull(change, "change");
        return change(account, entry -> new Changed<Void>(change.apply(entry), null)).then();
    }

    /** What a change makes of an account's entry: the new entry ({@code null} to write nothing) and a result. */
    public record Changed<T>(JsonNode entry, T result) {
    }

    /**
     * Reads the account's entry, lets {@code change} decide, and writes the new entry, all holding the file's lock,
     * so that the decision and the write are one step for every process on this machine. Lazy.
     *
     * @param change gets the entry, or {@code null} when there is none
     * @return the change's result; empty when it is {@code null}
     */
    public <T> Mono<T> change(String account, Function<JsonNode, Changed<T>> change) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(change, "change");
        return Mono.fromCallable(() -> {
            if (!Files.exists(file)) {
                Changed<T> ofNothing = change.apply(null);
                if (ofNothing.entry() == null) {
                    return ofNothing.result(); // nothing to write: create neither the folder nor the lock
                }
            }
            return changing(() -> changeEntry(account, change));
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private <T> T changeEntry(String account, Function<JsonNode, Changed<T>> change) {
        ObjectNode root = readRoot();
        Changed<T> changed = change.apply(root == null ? null : entryOf(root, account));
        if (changed.entry() == null) {
            return changed.result();
        }
        if (root == null) {
            root = Json.object().put("format", format);
        }
        ObjectNode accounts = root.get("accounts") instanceof ObjectNode existing ? existing
            : root.putObject("accounts");
        accounts.set(account, changed.entry());
        write(root);
        return changed.result();
    }

    /** Removes the account's entry. Lazy; writes nothing (and creates no file) when there is none. */
    public Mono<Void> remove(String account) {
        Objects.requireNonNull(account, "account");
        return Mono.<Void>fromRunnable(() -> {
            if (Files.exists(file)) { // nothing to remove: create neither the folder nor the lock
                changing(() -> {
                    removeEntry(account);
                    return null;
                });
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private void removeEntry(String account) {
        ObjectNode root = readRoot();
        if (root != null && root.get("accounts") instanceof ObjectNode accounts && accounts.has(account)) {
            accounts.remove(account);
            write(root);
        }
    }

    /** Runs a read-modify-write holding the file's change lock; blocking. */
    private <T> T changing(Callable<T> change) {
        try {
            return locks.holdingNow(CHANGE_SLOT, CHANGE_WAIT, change);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw error.apply("Cannot change the " + kind + " file " + file + ": " + e.getMessage()
                + ". Try again; if it persists, look for a stuck connectedcar process.", e);
        }
    }

    /** A JSON {@code null} entry counts as none. */
    private static JsonNode entryOf(ObjectNode root, String account) {
        JsonNode entry = root.path("accounts").get(account);
        return entry == null || entry.isNull() ? null : entry;
    }

    /** The file's JSON object, {@code null} when there is no file yet; a broken file is an error, left as it is. */
    private ObjectNode readRoot() {
        byte[] bytes;
        try {
            bytes = OwnerOnlyFiles.readIfExists(file);
        } catch (IOException e) {
            throw error.apply("Cannot read the " + kind + " file " + file + ": " + e.getMessage()
                + ". Make it a regular file you can read, or move it away.", e);
        }
        if (bytes == null) {
            return null;
        }
        try {
            JsonNode node = Json.MAPPER.readTree(bytes);
            if (node instanceof ObjectNode object && (node.path("accounts").isObject() || !node.has("accounts"))) {
                return object;
            }
            throw corrupt(null);
        } catch (JacksonException e) {
            throw corrupt(e);
        }
    }

    private RuntimeException corrupt(Throwable cause) {
        return error.apply("The " + kind + " file " + file + " is not a valid connectedcar " + kind + " file. "
            + corruptAdvice, cause);
    }

    private void write(ObjectNode root) {
        try {
            OwnerOnlyFiles.writeAtomically(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        } catch (IOException e) {
            throw error.apply("Cannot write the " + kind + " file " + file + ": " + e.getMessage()
                + ". Check that its folder is writable.", e);
        }
    }
}
