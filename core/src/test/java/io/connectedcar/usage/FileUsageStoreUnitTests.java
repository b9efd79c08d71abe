package io.connectedcar.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

/** The usage file: round trip, owner-only permissions, old entries dropped, corrupt files reported and left alone. */
@Tag("unit")
class FileUsageStoreUnitTests {
    private static final Duration VERIFY = Duration.ofSeconds(5);
    private static final String VIN = "1FTFW1E50PFA00001";
    private static final String OTHER_VIN = "3FMTK3SU5MMA00002";
    private static final Instant T0 = Instant.parse("2026-05-02T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void recordedRequestsAndRefreshesLoadBackInANewStoreSorted() {
        FileUsageStore store = new FileUsageStore(dir.resolve("usage.json"));

        store.recordRequests("me", List.of(T0.plusSeconds(60), T0), T0.minus(Duration.ofDays(1)))
            .then(store.recordRequests("me", List.of(T0.plusSeconds(30)), T0.minus(Duration.ofDays(1))))
            .then(store.recordStatusRefresh("me", VIN, T0, T0.minus(Duration.ofDays(1))))
            .then(store.recordStatusRefresh("me", OTHER_VIN, T0.plusSeconds(5), T0.minus(Duration.ofDays(1))))
            .block(VERIFY);

        StepVerifier.create(new FileUsageStore(dir.resolve("usage.json")).load("me"))
            .assertNext(usage -> {
                assertThat(usage.requests()).containsExactly(T0, T0.plusSeconds(30), T0.plusSeconds(60));
                assertThat(usage.statusRefreshes()).isEqualTo(Map.of(VIN, List.of(T0),
                    OTHER_VIN, List.of(T0.plusSeconds(5))));
                assertThat(usage.lastStatusRefresh(VIN)).contains(T0);
            })
            .expectComplete()
            .verify(VERIFY);
    }

    @Test
    void missingFileOrAccountLoadsAsNothingRecordedAndCreatesNothing() {
        FileUsageStore store = new FileUsageStore(dir.resolve("none/usage.json"));

        StepVerifier.create(store.load("me")).expectNext(RecordedUsage.none()).expectComplete().verify(VERIFY);
        StepVerifier.create(store.forgetStatusRefresh("me", VIN, T0)).expectComplete().verify(VERIFY);
        assertThat(dir.resolve("none")).doesNotExist();
    }

    @Test
    void entriesOlderThanTheWindowAreDroppedOnWrite() throws IOException {
        Path file = dir.resolve("usage.json");
        FileUsageStore store = new FileUsageStore(file);
        Instant dayLater = T0.plus(Duration.ofHours(25));
        store.recordRequests("me", List.of(T0, T0.plus(Duration.ofHours(2))), T0.minus(Duration.ofDays(1)))
            .then(store.recordStatusRefresh("me", VIN, T0, T0.minus(Duration.ofDays(1))))
            .block(VERIFY);

        store.recordRequests("me", List.of(dayLater), dayLater.minus(Duration.ofHours(24)))
            .then(store.recordStatusRefresh("me", OTHER_VIN, dayLater, dayLater.minus(Duration.ofHours(24))))
            .block(VERIFY);

        StepVerifier.create(store.load("me"))
            .assertNext(usage -> {
                assertThat(usage.requests()).containsExactly(T0.plus(Duration.ofHours(2)), dayLater);
                assertThat(usage.statusRefreshes()).isEqualTo(Map.of(OTHER_VIN, List.of(dayLater)));
            })
            .expectComplete()
            .verify(VERIFY);
        assertThat(Files.readString(file)).doesNotContain(T0.toString()).contains(FileUsageStore.FORMAT);
    }

    @Test
    void forgettingARefreshRemovesThatOneOnly() {
        FileUsageStore store = new FileUsageStore(dir.resolve("usage.json"));
        Instant keep = T0.minus(Duration.ofDays(1));
        store.recordStatusRefresh("me", VIN, T0, keep)
            .then(store.recordStatusRefresh("me", VIN, T0.plusSeconds(900), keep))
            .then(store.forgetStatusRefresh("me", VIN, T0.plusSeconds(900)))
            .then(store.forgetStatusRefresh("me", OTHER_VIN, T0))
            .block(VERIFY);

        StepVerifier.create(store.load("me"))
            .assertNext(usage -> assertThat(usage.statusRefreshes()).isEqualTo(Map.of(VIN, List.of(T0))))
            .expectComplete()
            .verify(VERIFY);
    }

    @Test
    void accountsAreKeptApartInOneFile() {
        FileUsageStore store = new FileUsageStore(dir.resolve("usage.json"));
        Instant keep = T0.minus(Duration.ofDays(1));

        store.recordRequests("alice", List.of(T0), keep).then(store.recordRequests("bob", List.of(T0, T0), keep))
            .block(VERIFY);

        StepVerifier.create(store.load("alice")).assertNext(usage -> assertThat(usage.requests()).hasSize(1))
            .expectComplete().verify(VERIFY);
        StepVerifier.create(store.load("bob")).assertNext(usage -> assertThat(usage.requests()).hasSize(2))
            .expectComplete().verify(VERIFY);
    }

    @Test
    void fileIsReadableByItsOwnerOnlyAndItsNewFolderTooAndNoTemporaryFileStays() throws IOException {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        Path file = dir.resolve("new-folder/usage.json");

        new FileUsageStore(file).recordRequests("me", List.of(T0), T0).block(VERIFY);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
            .isEqualTo("rwx------");
        assertThat(filesIn(file.getParent())).containsExactly("usage.json");
    }

    @Test
    void corruptFileIsReportedAndNeverOverwritten() throws IOException {
        Path file = dir.resolve("usage.json");
        byte[] corrupt = "{\"format\":\"connectedcar-usage/1\",\"accounts\":{\"me\":".getBytes();
        Files.write(file, corrupt);
        FileUsageStore store = new FileUsageStore(file);

        StepVerifier.create(store.load("me"))
            .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(UsageStoreException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("left untouched"))
            .verify(VERIFY);
        StepVerifier.create(store.recordRequests("me", List.of(T0), T0)).expectError(UsageStoreException.class)
            .verify(VERIFY);
        StepVerifier.create(store.recordStatusRefresh("me", VIN, T0, T0)).expectError(UsageStoreException.class)
            .verify(VERIFY);
        StepVerifier.create(store.forgetStatusRefresh("me", VIN, T0)).expectError(UsageStoreException.class)
            .verify(VERIFY);

        assertThat(Files.readAllBytes(file)).isEqualTo(corrupt);
        assertThat(filesIn(dir)).containsExactly("usage.json");
    }

    @Test
    void malformedEntryIsReportedNamingTheAccountAndLeftAlone() throws IOException {
        Path file = dir.resolve("usage.json");
        String text = "{\"format\":\"connectedcar-usage/1\",\"accounts\":{\"me\":{\"requests\":[\"yesterday\"]}}}";
        Files.writeString(file, text);
        FileUsageStore store = new FileUsageStore(file);

        StepVerifier.create(store.load("me"))
            .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(UsageStoreException.class)
                .hasMessageContaining("'me'").hasMessageContaining("left untouched"))
            .verify(VERIFY);
        StepVerifier.create(store.recordRequests("me", List.of(T0), T0)).expectError(UsageStoreException.class)
            .verify(VERIFY);
        assertThat(Files.readString(file)).isEqualTo(text);
    }

    @Test
    void usageFileSitsBesideTheTokenFile() {
        assertThat(FileUsageStore.besideTokenFile(dir.resolve("logins/tokens.json")).file())
            .isEqualTo(dir.resolve("logins/usage.json").toAbsolutePath());
        assertThat(FileUsageStore.inUserHome().file())
            .isEqualTo(Path.of(System.getProperty("user.home"), ".connectedcar", "usage.json").toAbsolutePath());
    }

    /** The files of a folder, leaving out the stores' lock sidecars ({@code <file>.lock}), which hold no data. */
    private static List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).filter(name -> !name.endsWith(".lock")).sorted()
                .toList();
        }
    }
}
