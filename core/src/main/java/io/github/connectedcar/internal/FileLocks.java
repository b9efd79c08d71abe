package io.github.connectedcar.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Locks that other processes on this machine respect: byte ranges ("slots") of a sidecar file {@code <file>.lock},
 * taken with the operating system's advisory locks, plus a semaphore per slot for the threads of this process (the
 * operating system lets one process hold a range once). The sidecar's channel stays open for the life of the process:
 * on POSIX systems closing any channel of a file drops every lock the process holds on it. A process that dies
 * releases its locks with it.
 */
public final class FileLocks {
    /** How often a taken slot is tried again while waiting for another process. */
    private static final Duration POLL = Duration.ofMillis(20);
    private static final ConcurrentHashMap<Path, FileLocks> BY_FILE = new ConcurrentHashMap<>();

    private final Path lockFile;
    private final ConcurrentHashMap<Long, Semaphore> threads = new ConcurrentHashMap<>();
    private volatile FileChannel channel;

    private FileLocks(Path lockFile) {
        this.lockFile = lockFile;
    }

    /** The locks of a file (give it the absolute, normalised path); one instance per file in the process. */
    public static FileLocks of(Path file) {
        return BY_FILE.computeIfAbsent(file, path -> new FileLocks(path.resolveSibling(path.getFileName() + ".lock")));
    }

    /**
     * Runs {@code work} holding the slot, and releases it when the work ends, fails or is cancelled. Lazy; the wait
     * for the slot runs on {@link Schedulers#boundedElastic()}.
     *
     * @return the work's signals; an error signal {@link LockTimeoutException} when the slot stayed taken for
     *     {@code wait}
     */
    public <T> Mono<T> holding(long slot, Duration wait, Supplier<Mono<T>> work) {
        Objects.requireNonNull(work, "work");
        return Mono.usingWhen(acquiring(slot, wait), held -> work.get(), this::release,
            (held, error) -> release(held), this::release);
    }

    /**
     * The slot, once held. Cancelled while it waits (a caller's timeout), it stops waiting, and a slot taken at that
     * very moment is released at once, never left held by nobody.
     */
    private Mono<Held> acquiring(long slot, Duration wait) {
        return Mono.create(sink -> {
            AtomicBoolean cancelled = new AtomicBoolean();
            AtomicReference<Held> taken = new AtomicReference<>();
            sink.onCancel(() -> {
                cancelled.set(true);
                Held held = taken.get();
                if (held != null) {
                    held.release(); // idempotent: usingWhen may release it too
                }
            });
            Schedulers.boundedElastic().schedule(() -> {
                try {
                    Held held = acquire(slot, wait, cancelled);
                    taken.set(held);
                    if (cancelled.get()) {
                        held.release();
                    } else {
                        sink.success(held);
                    }
                } catch (Exception e) {
                    sink.error(e);
                }
            });
        });
    }

    /**
     * Runs {@code work} holding the slot, on the calling thread, which may block: call it only where blocking is
     * allowed (on {@link Schedulers#boundedElastic()}).
     *
     * @throws LockTimeoutException when the slot stayed taken for {@code wait}
     */
    public <T> T holdingNow(long slot, Duration wait, Callable<T> work) throws Exception {
        Held held = acquire(slot, wait, new AtomicBoolean());
        try {
            return work.call();
        } finally {
            held.release();
        }
    }

    private Mono<Void> release(Held held) {
        return Mono.fromRunnable(held::release).subscribeOn(Schedulers.boundedElastic()).then();
    }

    private Held acquire(long slot, Duration wait, AtomicBoolean cancelled) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        Semaphore mine = threads.computeIfAbsent(slot, key -> new Semaphore(1));
        if (!mine.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new LockTimeoutException(lockFile, wait);
        }
        try {
            FileChannel open = channel();
            while (true) {
                FileLock lock = open.tryLock(slot, 1, false);
                if (lock != null) {
                    return new Held(mine, lock);
                }
                if (System.nanoTime() >= deadline || cancelled.get()) {
                    throw new LockTimeoutException(lockFile, wait);
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            mine.release();
            throw e;
        }
    }

    private synchronized FileChannel channel() throws IOException {
        if (channel == null || !channel.isOpen()) {
            if (!Files.isDirectory(lockFile.getParent())) {
                OwnerOnlyFiles.createDirectories(lockFile.getParent());
            }
            channel = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                OwnerOnlyFiles.ownerOnlyFile());
        }
        return channel;
    }

    /** A slot held by this process: its operating-system lock and its thread semaphore; released once. */
    private static final class Held {
        private final Semaphore threads;
        private final FileLock lock;
        private final AtomicBoolean released = new AtomicBoolean();

        Held(Semaphore threads, FileLock lock) {
            this.threads = threads;
            this.lock = lock;
        }

        void release() {
            if (!released.compareAndSet(false, true)) {
                return;
            }
            try {
                lock.release();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                threads.release();
            }
        }
    }

    /** Another process (or thread) held the slot for longer than the caller would wait. */
    public static final class LockTimeoutException extends IOException {
        LockTimeoutException(Path lockFile, Duration wait) {
            super("another process held the lock " + lockFile + " for more than " + wait.toSeconds() + " s");
        }
    }
}
