package io.github.connectedcar.auth;

import io.github.connectedcar.internal.AccountsFile;
import io.github.connectedcar.internal.FileLocks;
import io.github.connectedcar.internal.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps tokens in one JSON file, readable by its owner only ({@code rw-------}, folder {@code rwx------} where the
 * file system has POSIX permissions). Every write goes to a temporary file beside it that is then moved over the old
 * one atomically, so a crash never leaves half a file. A file that cannot be read is reported, never overwritten.
 * File work runs on {@link Schedulers#boundedElastic()}, never on the caller's thread.
 *
 * <p>Writers are serialised across threads, stores and processes on this machine by a lock on {@code <file>.lock},
 * and so are renewals of one account ({@link #renew}): several programs (two command lines, a cron job and a
 * service) can share one login, and only one of them spends the single-use refresh token each time.
 */
public final class FileTokenStore implements TokenStore {
    /** Written into the file so a later format can be told apart. */
    static final String FORMAT = "connectedcar-tokens/1";
    /**
     * How long a renewal waits for another process's renewal of the same account, which takes at most the token
     * manager's renewal timeout.
     */
    public static final Duration RENEWAL_LOCK_WAIT = Duration.ofSeconds(90);

    private final AccountsFile accounts;

    public FileTokenStore(Path file) {
        this.accounts = new AccountsFile(file, FORMAT, "token",
            "It was left untouched: move or delete it, then log in again.", TokenStoreException::new);
    }

    /** {@code ~/.connectedcar/tokens.json}. */
    public static FileTokenStore inUserHome() {
        return new FileTokenStore(Path.of(System.getProperty("user.home"), ".connectedcar", "tokens.json"));
    }

    public Path file() {
        return accounts.file();
    }

    @Override
    public Mono<TokenSet> load(String account) {
        Objects.requireNonNull(account, "account");
        return accounts.read(account, entry -> entry == null ? null : fromJson(entry, account));
    }

    @Override
    public Mono<Void> save(String account, TokenSet tokens) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(tokens, "tokens");
        return accounts.update(account, entry -> toJson(tokens));
    }

    @Override
    public Mono<Void> delete(String account) {
        Objects.requireNonNull(account, "account");
        return accounts.remove(account);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Exclusive across every process on this machine that uses the file: the account's renewal lock (a slot of
     * {@code <file>.lock}) is held from the read to the save, for at most {@link #RENEWAL_LOCK_WAIT} of waiting.
     */
    @Override
    public Mono<TokenSet> renew(String account, Function<Optional<TokenSet>, Mono<TokenSet>> renewal) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(renewal, "renewal");
        return accounts.locks().holding(renewalSlot(account), RENEWAL_LOCK_WAIT,
                () -> TokenStores.renewUnlocked(this, account, renewal))
            .onErrorMap(FileLocks.LockTimeoutException.class, timeout -> new TokenStoreException("Could not renew "
                + "the tokens of account '" + account + "': " + timeout.getMessage() + ". Another connectedcar "
                + "process may be stuck renewing them; the next call tries again.", timeout));
    }

    /** The account's renewal slot: above the file's change slot; two accounts may share one, which only serialises. */
    private static long renewalSlot(String account) {
        return AccountsFile.CHANGE_SLOT + 1 + (account.hashCode() & 0xFFFF);
    }

    private TokenSet fromJson(JsonNode entry, String account) {
        try {
            String access = Json.text(entry, "accessToken");
            String refresh = Json.text(entry, "refreshToken");
            String accessExpires = Json.text(entry, "accessExpiresAt");
            String refreshExpires = Json.text(entry, "refreshExpiresAt");
            String tmc = Json.text(entry, "tmcToken");
            String tmcExpires = Json.text(entry, "tmcExpiresAt");
            if (access == null || refresh == null || accessExpires == null) {
                throw new IllegalArgumentException("missing fields");
            }
            return new TokenSet(access, Instant.parse(accessExpires), refresh,
                refreshExpires == null ? null : Instant.parse(refreshExpires),
                tmcExpires == null ? null : tmc, tmc == null || tmcExpires == null ? null : Instant.parse(tmcExpires));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new TokenStoreException("The entry of account '" + account + "' in the token file " + file()
                + " is incomplete or malformed. It was left untouched: log in again to replace it.", e);
        }
    }

    private static ObjectNode toJson(TokenSet tokens) {
        ObjectNode node = Json.object()
            .put("accessToken", tokens.accessToken())
            .put("accessExpiresAt", tokens.accessExpiresAt().toString())
            .put("refreshToken", tokens.refreshToken());
        if (tokens.refreshExpiresAt() != null) {
            node.put("refreshExpiresAt", tokens.refreshExpiresAt().toString());
        }
        if (tokens.tmcToken() != null) {
            node.put("tmcToken", tokens.tmcToken()).put("tmcExpiresAt", tokens.tmcExpiresAt().toString());
        }
        return node;
    }

    @Override
    public String toString() {
        return "FileTokenStore[" + file() + "]";
    }
}
