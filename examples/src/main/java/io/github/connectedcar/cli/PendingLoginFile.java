package io.github.connectedcar.cli;

import io.github.connectedcar.auth.PendingLogin;
import io.github.connectedcar.ford.Region;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The login {@code connectedcar login} began, kept between it and {@code login --redirect-url}: the PKCE verifier
 * that finishes it is a secret, so the file is owner-only, beside the token file, replaced atomically and deleted
 * once the login was completed or refused. Without it a second run would start a new login whose verifier does not
 * match the code the browser got (Ford answers AADB2C90181).
 */
final class PendingLoginFile {
    /** Its name, beside the token file. */
    static final String NAME = "login-pending.json";
    /** Far more than the file ever holds; a larger one is not this file. */
    private static final long MAX_BYTES = 64 * 1024;

    private final Path file;

    PendingLoginFile(Path tokenFile) {
        this.file = tokenFile.toAbsolutePath().resolveSibling(NAME);
    }

    Path file() {
        return file;
    }

    /** Keeps the pending login, owner-only, replacing any earlier one. */
    void save(PendingLogin login) {
        String json = StatusView.JSON.writeValueAsString(StatusView.JSON.createObjectNode()
            .put("authorizeUrl", login.authorizeUrl().toString())
            .put("codeVerifier", login.codeVerifier())
            .put("redirectUri", login.redirectUri())
            .put("region", login.region().name())
            .put("createdAt", login.createdAt().toString()));
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), ".login-pending", ".tmp", ownerOnly());
            try {
                Files.writeString(temp, json, StandardCharsets.UTF_8);
                move(temp);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the pending login in " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The pending login for {@code region}.
     *
     * @throws IllegalArgumentException when there is none, it is not a small regular file, or it was begun for
     *                                  another region
     */
    PendingLogin load(Region region) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("No login is pending in " + file + ". Run connectedcar login first: it "
                + "prints the URL to open and keeps what --redirect-url needs.");
        }
        JsonNode node = read();
        String begunIn = node.path("region").asString("");
        if (!begunIn.equals(region.name())) {
            throw new IllegalArgumentException("The pending login was begun for region " + begunIn + ", not "
                + region.name() + ": give the same --region, or run connectedcar login again.");
        }
        try {
            return new PendingLogin(URI.create(node.path("authorizeUrl").asString()),
                node.path("codeVerifier").asString(), node.path("redirectUri").asString(), region,
                Instant.parse(node.path("createdAt").asString()));
        } catch (RuntimeException e) {
            throw unreadable(e);
        }
    }

    private JsonNode read() {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw unreadable(null);
            }
            return StatusView.JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the pending login in " + file + ": " + e.getMessage(), e);
        } catch (JacksonException e) {
            throw unreadable(e);
        }
    }

    private IllegalArgumentException unreadable(Throwable cause) {
        return new IllegalArgumentException(file + " is not a pending login of connectedcar. Delete it and run "
            + "connectedcar login again.", cause);
    }

    /** Forgets the pending login: its verifier has been used. */
    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the used pending login " + file + ": " + e.getMessage(),
                e);
        }
    }

    private void move(Path temp) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private FileAttribute<?>[] ownerOnly() {
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rw-------"))} : new FileAttribute<?>[0];
    }
}
