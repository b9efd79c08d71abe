package io.connectedcar.auth;

import io.connectedcar.internal.AccountsFile;
import io.connectedcar.internal.Json;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
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
 * <p>Writers in one process are serialised, also across separate stores of the same file (such as two clients each
 * given {@link #inUserHome()}); two processes writing the same file at once keep the last write.
 */
public final class FileTokenStore implements TokenStore {
    /** Written into the file so a later format can be told apart. */
    static final String FORMAT = "connectedcar-tokens/1";

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

    private TokenSet fromJson(JsonNode entry, String account) {
        try {
            String access = Json.text(entry, "accessToken");
            String refresh = Json.text(entry, "refreshToken");
            String accessExpires = Json.text(entry, "accessExpiresAt");
            String refreshExpires = Json.text(entry, "refreshExpiresAt");
            if (access == null || refresh == null || accessExpires == null) {
                throw new IllegalArgumentException("missing fields");
            }
            return new TokenSet(access, Instant.parse(accessExpires), refresh,
                refreshExpires == null ? null : Instant.parse(refreshExpires));
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
        return node;
    }

    @Override
    public String toString() {
        return "FileTokenStore[" + file() + "]";
    }
}
