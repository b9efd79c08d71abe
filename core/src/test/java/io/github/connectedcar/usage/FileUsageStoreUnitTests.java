package io.github.connectedcar.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.github.connectedcar.testing.LogCapture;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The usage file: round trip, owner-only permissions, old entries dropped, corrupt files reported and left alone. */
@Tag("unit")
class FileUsageStoreUnitTests {
    private static final Duration VERIFY = Duration.ofSeconds(5);
    private static final String VIN = "1FTFW1E50PFA00001";
    private static final String OTHER_VIN = "3FMTK3SU5MMA00002";
    private static final Instant T0 = Instant.parse("2026-05-02T10:00:00Z");

    private static final RequestLimits LIMITS = new RequestLimits(250, Duration.ofHours(24), 1000,
        Duration.ofMinutes(1));
    private static final Duration KEEP = Duration.ofDays(1);

    @TempDir
    Path dir;

    /** Counts a request at {@code at} under the default limits. */
    private static Mono<Void> request(UsageStore store, String account, Instant at) {
        return store.acquireRequest(account, at, LIMITS).then();
    }

    /** Counts a status refresh at {@code at}, whatever the last one was. */
    private static Mono<Void> refresh(UsageStore store, String account, String vin, Instant at) {
        return store.acquireStatusRefresh(account, vin, at, Duration.ZERO, at.minus(KEEP)).then();
    }

    @Test
    void recordedRequestsAndRefreshesLoadBackInANewStoreSorted() {
        FileUsageStore store = new FileUsageStore(dir.resolve("usage.json"));

        request(store, "me", T0).then(request(store, "me", T0.plusSeconds(30)))
            .then(request(store, "me", T0.plusSeconds(60)))
            .then(refresh(store, "me", VIN, T0))
            .then(refresh(store, "me", OTHER_VIN, T0.plusSeconds(5)))
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
    void entriesOlderThanTheWindowAreDroppedWhenTheNextIsCounted() throws IOException {
        Path file = dir.resolve("usage.json");
        FileUsageStore store = new FileUsageStore(file);
        Instant dayLater = T0.plus(Duration.ofHours(25));
        request(store, "me", T0).then(request(store, "me", T0.plus(Duration.ofHours(2))))
            .then(refresh(store, "me", VIN, T0))
            .block(VERIFY);

        request(store, "me", dayLater).then(refresh(store, "me", OTHER_VIN, dayLater)).block(VERIFY);

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
        refresh(store, "me", VIN, T0)
            .then(refresh(store, "me", VIN, T0.plusSeconds(900)))
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
        request(store, "alice", T0).then(request(store, "bob", T0)).then(request(store, "bob", T0)).block(VERIFY);

        StepVerifier.create(store.load("alice")).assertNext(usage -> assertThat(usage.requests()).hasSize(1))
            .expectComplete().verify(VERIFY);
        StepVerifier.create(store.load("bob")).assertNext(usage -> assertThat(usage.requests()).hasSize(2))
            .expectComplete().verify(VERIFY);
    }

    @Test
    void fileIsReadableByItsOwnerOnlyAndItsNewFolderTooAndNoTemporaryFileStays() throws IOException {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        Path file = dir.resolve("new-folder/usage.json");

        request(new FileUsageStore(file), "me", T0).block(VERIFY);

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
        StepVerifier.create(request(store, "me", T0)).expectError(UsageStoreException.class).verify(VERIFY);
        StepVerifier.create(refresh(store, "me", VIN, T0)).expectError(UsageStoreException.class).verify(VERIFY);
        StepVerifier.create(store.forgetStatusRefresh("me", VIN, T0)).expectError(UsageStoreException.class)
            .verify(VERIFY);

        assertThat(Files.readAllBytes(file)).isEqualTo(corrupt);
        assertThat(filesIn(dir)).containsExactly("usage.json");
    }

    @Test
    void aValueThatIsNotAnInstantIsSkippedWithAWarningAndTheRestStillCounts() throws IOException {
        Path file = dir.resolve("usage.json");
        Files.writeString(file, "{\"format\":\"connectedcar-usage/1\",\"accounts\":{\"me\":{\"requests\":[\"yesterday\","
            + "\"" + T0 + "\",42],\"statusRefreshes\":{\"" + VIN + "\":\"often\"}}}}");
        FileUsageStore store = new FileUsageStore(file);

        try (LogCapture logs = new LogCapture()) {
            StepVerifier.create(store.acquireRequest("me", T0.plusSeconds(1), LIMITS))
                .assertNext(permit -> assertThat(permit.usedInWindow()).as("the good one and this one").isEqualTo(2))
                .expectComplete()
                .verify(VERIFY);
            assertThat(logs.lines()).anySatisfy(line -> assertThat(line).startsWith("WARN")
                .contains("'me'").contains("requests[0]").contains("statusRefreshes." + VIN));
        }
        StepVerifier.create(store.load("me"))
            .assertNext(usage -> assertThat(usage.requests()).containsExactly(T0, T0.plusSeconds(1)))
            .expectComplete()
            .verify(VERIFY);
    }

    @Test
    void aFifoOrALinkToADeviceIsRefusedAtOnceNotReadForEver() throws Exception {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        Path fifo = dir.resolve("fifo/usage.json");
        Files.createDirectories(fifo.getParent());
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        Path zero = dir.resolve("zero/usage.json");
        Files.createDirectories(zero.getParent());
        Files.createSymbolicLink(zero, Path.of("/dev/zero"));

        for (Path file : List.of(fifo, zero)) {
            StepVerifier.create(request(new FileUsageStore(file), "me", T0))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(UsageStoreException.class)
                    .hasMessageContaining(file.toString()).hasMessageContaining("not a regular file"))
                .verify(VERIFY);
        }
    }

    @Test
    void storesRacingForTheLastPermitsGetExactlyThatManyBetweenThem() {
        Path file = dir.resolve("usage.json");
        RequestLimits five = new RequestLimits(5, Duration.ofHours(24), 1000, Duration.ofMinutes(1));

        // Eight stores of one file, as eight processes would hold them, three attempts each, all at once.
        List<RequestPermit> permits = Flux.range(0, 24)
            .flatMap(i -> new FileUsageStore(file).acquireRequest("me", T0.plusMillis(i), five), 24)
            .collectList().block(Duration.ofSeconds(30));

        assertThat(permits).filteredOn(RequestPermit::isGranted).hasSize(5);
        assertThat(permits).filteredOn(permit -> !permit.isGranted())
            .allSatisfy(permit -> assertThat(permit.refusedBy()).isEqualTo(RequestPermit.Limit.WINDOW));
        StepVerifier.create(new FileUsageStore(file).load("me"))
            .assertNext(usage -> assertThat(usage.requests()).hasSize(5))
            .expectComplete()
            .verify(VERIFY);
    }

    @Test
    void aRefusalNamesItsLimitAndWhenTheNextRequestIsAllowed() {
        FileUsageStore store = new FileUsageStore(dir.resolve("usage.json"));
        RequestLimits twoADayTwoAMinute = new RequestLimits(3, Duration.ofHours(24), 2, Duration.ofMinutes(1));

        StepVerifier.create(store.acquireRequest("me", T0, twoADayTwoAMinute)
                .then(store.acquireRequest("me", T0.plusSeconds(10), twoADayTwoAMinute))
                .then(store.acquireRequest("me", T0.plusSeconds(20), twoADayTwoAMinute)))
            .assertNext(permit -> {
                assertThat(permit.refusedBy()).isEqualTo(RequestPermit.Limit.BURST);
                assertThat(permit.retryAt()).isEqualTo(T0.plusSeconds(60));
            })
            .expectComplete()
            .verify(VERIFY);
        StepVerifier.create(store.acquireRequest("me", T0.plusSeconds(60), twoADayTwoAMinute)
                .then(store.acquireRequest("me", T0.plusSeconds(200), twoADayTwoAMinute)))
            .assertNext(permit -> {
                assertThat(permit.refusedBy()).isEqualTo(RequestPermit.Limit.WINDOW);
                assertThat(permit.retryAt()).isEqualTo(T0.plus(Duration.ofHours(24)));
                assertThat(permit.usedInWindow()).isEqualTo(3);
            })
            .expectComplete()
            .verify(VERIFY);
    }

    @Test
    void aRequestGivenBackNoLongerCounts() {
        FileUsageStore store = new FileUsageStore(dir.resolve("usage.json"));

        request(store, "me", T0).then(request(store, "me", T0.plusSeconds(1)))
            .then(store.releaseRequest("me", T0.plusSeconds(1)))
            .then(store.releaseRequest("me", T0.plusSeconds(99)))
            .block(VERIFY);

        StepVerifier.create(store.load("me"))
            .assertNext(usage -> assertThat(usage.requests()).containsExactly(T0))
            .expectComplete()
            .verify(VERIFY);
    }

    @Test
    void aRefreshWithinTheIntervalIsRefusedSayingWhenTheNextIsAllowed() {
        FileUsageStore store = new FileUsageStore(dir.resolve("usage.json"));
        Duration interval = Duration.ofMinutes(15);

        StepVerifier.create(store.acquireStatusRefresh("me", VIN, T0, interval, T0.minus(KEEP))
                .then(store.acquireStatusRefresh("me", VIN, T0.plusSeconds(60), interval, T0.minus(KEEP))))
            .assertNext(permit -> {
                assertThat(permit.isGranted()).isFalse();
                assertThat(permit.lastRefresh()).isEqualTo(T0);
                assertThat(permit.retryAt()).isEqualTo(T0.plus(interval));
            })
            .expectComplete()
            .verify(VERIFY);
        StepVerifier.create(store.acquireStatusRefresh("me", OTHER_VIN, T0.plusSeconds(60), interval, T0))
            .assertNext(permit -> assertThat(permit.isGranted()).as("each car has its own").isTrue())
            .expectComplete()
            .verify(VERIFY);
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
