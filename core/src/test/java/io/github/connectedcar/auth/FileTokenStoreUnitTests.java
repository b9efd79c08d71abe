package io.github.connectedcar.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The token file: round trip, owner-only permissions, atomic replacement, corrupt files left alone, accounts. */
@Tag("unit")
class FileTokenStoreUnitTests {
    private static final Duration VERIFY = Duration.ofSeconds(5);
    private static final TokenSet TOKENS = new TokenSet("cat-access", Instant.parse("2026-05-02T10:00:00Z"),
        "cat-refresh", Instant.parse("2026-11-02T10:00:00Z"));
    private static final TokenSet NEWER = new TokenSet("cat-access-2", Instant.parse("2026-05-02T10:30:00Z"),
        "cat-refresh-2", null);

    @TempDir
    Path dir;

    @Test
    void savedTokensLoadBackWithEveryField() {
        FileTokenStore store = new FileTokenStore(dir.resolve("tokens.json"));

        StepVerifier.create(store.save("me", TOKENS).then(store.load("me")))
            .expectNext(TOKENS)
            .expectComplete()
            .verify(VERIFY);
        StepVerifier.create(new FileTokenStore(dir.resolve("tokens.json")).load("me"))
            .expectNext(TOKENS)
            .expectComplete()
            .verify(VERIFY);
    }

    @Test
    void theTmcTokenIsKeptOwnerOnlyBesideTheLoginAndLoadsBack() throws IOException {
        FileTokenStore store = new FileTokenStore(dir.resolve("tokens.json"));
        TokenSet withTmc = TOKENS.withTmc("tmc-access", Instant.parse("2026-05-02T09:35:00Z"));

        StepVerifier.create(store.save("me", withTmc).then(new FileTokenStore(dir.resolve("tokens.json")).load("me")))
            .expectNext(withTmc)
            .expectComplete()
            .verify(VERIFY);
        assertThat(Files.readString(dir.resolve("tokens.json"))).contains("\"tmcToken\"", "2026-05-02T09:35:00Z");
        assertThat(Files.getPosixFilePermissions(dir.resolve("tokens.json")))
            .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void unknownRefreshExpiryStaysUnknown() {
        FileTokenStore store = new FileTokenStore(dir.resolve("tokens.json"));

        StepVerifier.create(store.save("me", NEWER).then(store.load("me")))
            .assertNext(loaded -> {
                assertThat(loaded).isEqualTo(NEWER);
                assertThat(loaded.refreshExpiresAt()).isNull();
            })
            .expectComplete()
            .verify(VERIFY);
    }

    @Test
    void missingFileOrAccountLoadsAsEmpty() {
        FileTokenStore store = new FileTokenStore(dir.resolve("none/tokens.json"));

        StepVerifier.create(store.load("me")).expectComplete().verify(VERIFY);
        StepVerifier.create(store.delete("me")).expectComplete().verify(VERIFY);
        assertThat(dir.resolve("none")).doesNotExist();
    }

    @Test
    void fileIsReadableByItsOwnerOnlyAndItsNewFolderToo() throws IOException {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        Path file = dir.resolve("new-folder/tokens.json");

        new FileTokenStore(file).save("me", TOKENS).block(VERIFY);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
            .isEqualTo("rwx------");
    }

    @Test
    void groupReadableFileBecomesOwnerOnlyOnTheNextSave() throws IOException {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        Path file = dir.resolve("tokens.json");
        FileTokenStore store = new FileTokenStore(file);
        store.save("me", TOKENS).block(VERIFY);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        store.save("me", NEWER).block(VERIFY);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void savingLeavesNoTemporaryFileBehind() throws IOException {
        Path file = dir.resolve("tokens.json");
        FileTokenStore store = new FileTokenStore(file);

        store.save("me", TOKENS).then(store.save("me", NEWER)).then(store.save("other", TOKENS))
            .then(store.delete("other")).block(VERIFY);

        assertThat(filesIn(dir)).containsExactly("tokens.json");
    }

    @Test
    void failedWriteLeavesTheOldFileIntactAndNoTemporaryFile() throws IOException {
        // The temporary file beside a 240-character file name cannot be created (names stop at 255 bytes), which
        // makes the write fail the same way for every user, root included.
        String longName = "t".repeat(235) + ".json";
        Path shortFile = dir.resolve("tokens.json");
        new FileTokenStore(shortFile).save("me", TOKENS).block(VERIFY);
        Path file = Files.move(shortFile, dir.resolve(longName));
        byte[] before = Files.readAllBytes(file);
        FileTokenStore store = new FileTokenStore(file);

        StepVerifier.create(store.save("me", NEWER))
            .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(TokenStoreException.class)
                .hasMessageContaining("Cannot write the token file"))
            .verify(VERIFY);

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(filesIn(dir)).containsExactly(longName);
        StepVerifier.create(store.load("me")).expectNext(TOKENS).expectComplete().verify(VERIFY);
    }

    @Test
    void failedWriteInAReadOnlyFolderLeavesTheOldFileIntact() throws IOException {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        Path folder = Files.createDirectory(dir.resolve("ro"));
        Path file = folder.resolve("tokens.json");
        FileTokenStore store = new FileTokenStore(file);
        store.save("me", TOKENS).block(VERIFY);
        byte[] before = Files.readAllBytes(file);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-x------"));
        try {
            assumeThat(Files.isWritable(folder)).as("root writes into read-only folders").isFalse();

            StepVerifier.create(store.save("me", NEWER)).expectError(TokenStoreException.class).verify(VERIFY);

            assertThat(Files.readAllBytes(file)).isEqualTo(before);
            assertThat(filesIn(folder)).containsExactly("tokens.json");
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void corruptFileIsReportedAndNeverOverwritten() throws IOException {
        Path file = dir.resolve("tokens.json");
        byte[] corrupt = "{\"format\":\"connectedcar-tokens/1\",\"accounts\":{\"me\":".getBytes();
        Files.write(file, corrupt);
        FileTokenStore store = new FileTokenStore(file);

        StepVerifier.create(store.load("me"))
            .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(TokenStoreException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("left untouched"))
            .verify(VERIFY);
        StepVerifier.create(store.save("me", TOKENS)).expectError(TokenStoreException.class).verify(VERIFY);
        StepVerifier.create(store.delete("me")).expectError(TokenStoreException.class).verify(VERIFY);

        assertThat(Files.readAllBytes(file)).isEqualTo(corrupt);
        assertThat(filesIn(dir)).containsExactly("tokens.json");
    }

    @Test
    void jsonOfAnotherShapeCountsAsCorrupt() throws IOException {
        Path file = dir.resolve("tokens.json");
        Files.writeString(file, "{\"accounts\":[1,2,3]}");
        FileTokenStore store = new FileTokenStore(file);

        StepVerifier.create(store.save("me", TOKENS)).expectError(TokenStoreException.class).verify(VERIFY);

        assertThat(Files.readString(file)).isEqualTo("{\"accounts\":[1,2,3]}");
    }

    @Test
    void incompleteEntryIsReportedNamingTheAccount() throws IOException {
        Path file = dir.resolve("tokens.json");
        Files.writeString(file, "{\"format\":\"connectedcar-tokens/1\",\"accounts\":{\"me\":{\"accessToken\":\"x\"}}}");

        StepVerifier.create(new FileTokenStore(file).load("me"))
            .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(TokenStoreException.class)
                .hasMessageContaining("'me'")
                .message().doesNotContain("\"x\""))
            .verify(VERIFY);
    }

    @Test
    void accountsAreKeptApartInOneFile() {
        FileTokenStore store = new FileTokenStore(dir.resolve("tokens.json"));

        store.save("alice", TOKENS).then(store.save("bob", NEWER)).block(VERIFY);
        StepVerifier.create(store.load("alice")).expectNext(TOKENS).expectComplete().verify(VERIFY);
        StepVerifier.create(store.load("bob")).expectNext(NEWER).expectComplete().verify(VERIFY);

        store.delete("alice").block(VERIFY);
        StepVerifier.create(store.load("alice")).expectComplete().verify(VERIFY);
        StepVerifier.create(store.load("bob")).expectNext(NEWER).expectComplete().verify(VERIFY);
    }

    @Test
    void concurrentSavesOfDifferentAccountsAllSurvive() {
        FileTokenStore store = new FileTokenStore(dir.resolve("tokens.json"));

        Flux.range(0, 20).flatMap(i -> store.save("account-" + i, TOKENS), 20).then().block(VERIFY);

        StepVerifier.create(Flux.range(0, 20).concatMap(i -> store.load("account-" + i)).count())
            .expectNext(20L)
            .expectComplete()
            .verify(VERIFY);
    }

    @Test
    void concurrentSavesThroughSeparateStoresOfOneFileAllSurvive() {
        // Two clients of one process, each built with its own FileTokenStore.inUserHome(), share the file.
        Path file = dir.resolve("tokens.json");

        Flux.range(0, 20).flatMap(i -> new FileTokenStore(file).save("account-" + i, TOKENS), 20).then()
            .block(VERIFY);

        StepVerifier.create(Flux.range(0, 20).concatMap(i -> new FileTokenStore(file).load("account-" + i)).count())
            .expectNext(20L)
            .expectComplete()
            .verify(VERIFY);
    }

    @Test
    void renewalsOfOneAccountNeverOverlapAcrossStoresOfOneFile() {
        Path file = dir.resolve("tokens.json");
        new FileTokenStore(file).save("me", TOKENS).block(VERIFY);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        AtomicInteger renewals = new AtomicInteger();

        Flux.range(0, 8).flatMap(i -> new FileTokenStore(file).renew("me", stored -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            // Renew only what nobody renewed yet, as the token manager does: the second finds NEWER stored.
            Mono<TokenSet> result = stored.filter(NEWER::equals).isPresent() ? Mono.just(NEWER)
                : Mono.delay(Duration.ofMillis(20)).doOnNext(tick -> renewals.incrementAndGet()).thenReturn(NEWER);
            // Counted down before the renewal's end reaches the store (doFinally would run after the lock is released).
            return result.doOnTerminate(running::decrementAndGet);
        }), 8).then().block(Duration.ofSeconds(20));

        assertThat(mostAtOnce).as("renewals at once").hasValue(1);
        assertThat(renewals).as("renewals that spent the refresh token").hasValue(1);
        StepVerifier.create(new FileTokenStore(file).load("me")).expectNext(NEWER).expectComplete().verify(VERIFY);
    }

    @Test
    void renewalSavesOnlyWhatChanged() throws IOException {
        Path file = dir.resolve("tokens.json");
        FileTokenStore store = new FileTokenStore(file);
        store.save("me", TOKENS).block(VERIFY);
        FileTime written = Files.getLastModifiedTime(file);

        StepVerifier.create(store.renew("me", stored -> Mono.just(stored.orElseThrow())))
            .expectNext(TOKENS)
            .expectComplete()
            .verify(VERIFY);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(written);
    }

    @Test
    void nothingIsReadOrWrittenBeforeSubscription() {
        Path file = dir.resolve("tokens.json");
        FileTokenStore store = new FileTokenStore(file);

        Mono<Void> save = store.save("me", TOKENS);

        assertThat(file).doesNotExist();
        save.block(VERIFY);
        assertThat(file).exists();
    }

    /** The files of a folder, leaving out the stores' lock sidecars ({@code <file>.lock}), which hold no data. */
    private static List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(name -> !name.endsWith(".lock")).sorted()
                .toList();
        }
    }
}
