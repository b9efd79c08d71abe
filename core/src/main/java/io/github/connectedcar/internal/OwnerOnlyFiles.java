package io.github.connectedcar.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Reading and atomically replacing small files that only their owner may read ({@code rw-------}, folder
 * {@code rwx------} where the file system has POSIX permissions): the token file and the usage file, through
 * {@link AccountsFile}. Blocking: call only on a scheduler meant for it ({@code Schedulers.boundedElastic()}).
 */
public final class OwnerOnlyFiles {
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private OwnerOnlyFiles() {
    }

    /** The largest account file read: a few accounts' tokens or a day of usage take kilobytes. */
    public static final long MAX_FILE_SIZE = 1 << 20;

    /**
     * The file's bytes, or {@code null} when there is no file. Only a regular file (or a link to one) of at most
     * {@link #MAX_FILE_SIZE} bytes is read: a FIFO or a device such as {@code /dev/zero} would stall the reader or
     * never end, so it is refused at once.
     *
     * @throws IOException when the file cannot be read, is not a regular file, or is too large
     */
    public static byte[] readIfExists(Path file) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null;
        }
        if (!attributes.isRegularFile()) {
            throw new IOException("it is not a regular file (a FIFO, a device or a folder?)");
        }
        if (attributes.size() > MAX_FILE_SIZE) {
            throw new IOException("it is " + attributes.size() + " bytes, more than the " + MAX_FILE_SIZE
                + " such a file can hold");
        }
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Owner-only file permissions, where the file system has POSIX permissions; none elsewhere. */
    static FileAttribute<?>[] ownerOnlyFile() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)}
            : new FileAttribute<?>[0];
    }

    /** Creates a folder and its missing parents, owner-only where the file system has POSIX permissions. */
    public static void createDirectories(Path dir) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
        } else {
            Files.createDirectories(dir);
        }
    }

    /**
     * Writes the bytes to a new owner-only temporary file beside {@code file}, forces them to disk, then moves it over
     * {@code file} atomically (where the file system can), so a reader or a crash never sees half a file. Creates the
     * folder owner-only when it is missing. The temporary file is removed when anything fails.
     */
    public static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path dir = file.getParent();
        Path temp = null;
        try {
            if (!Files.isDirectory(dir)) {
                createDirectories(dir);
            }
            temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp", ownerOnlyFile());
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // The temporary file holds nothing the real file lacks; leaving it is harmless.
                }
            }
        }
    }
}
