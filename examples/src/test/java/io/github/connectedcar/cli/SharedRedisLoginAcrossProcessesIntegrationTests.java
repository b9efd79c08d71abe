package io.github.connectedcar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.ConnectedCarAsyncClient;
import io.github.connectedcar.ConnectedCarClientBuilder;
import io.github.connectedcar.auth.TokenSet;
import io.github.connectedcar.ford.Endpoints;
import io.github.connectedcar.protection.QuotaOptions;
import io.github.connectedcar.redis.RedisServerExtension;
import io.github.connectedcar.redis.RedisTokenStore;
import io.github.connectedcar.redis.RedisUnavailableException;
import io.github.connectedcar.redis.RedisUsageStore;
import io.github.connectedcar.simulator.BrowserLogin;
import io.github.connectedcar.simulator.FordCloudSimulator;
import io.github.connectedcar.simulator.SimulatedAccount;
import io.github.connectedcar.simulator.record.RecordedRequest;
import io.github.connectedcar.usage.RequestLimits;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Redis twin of {@link SharedLoginAcrossProcessesIntegrationTests}: command-line processes with
 * {@code --store redis://...}, as on several machines, share one login kept in a private redis-server. Each process
 * has its own home folder (nothing shared through files), so only Redis can keep them from spending the single-use
 * refresh token twice, or the budget counted in Redis from being spent twice.
 */
@Tag("integration")
class SharedRedisLoginAcrossProcessesIntegrationTests {
    private static final String PICKUP = "1FTFW1E50PFA00001";
    private static final int PROCESSES = 3;
    private static final int ROUNDS = 3;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    @TempDir
    Path home;

    private FordCloudSimulator simulator;
    private RedisTokenStore store;
    private final Map<Process, Path> logs = new HashMap<>();
    private int launched;

    @BeforeEach
    void startSimulator() {
        simulator = FordCloudSimulator.builder().build().start();
        store = RedisTokenStore.connect(REDIS.uri());
    }

    @AfterEach
    void stop() {
        store.close();
        simulator.close();
    }

    @Test
    void loginStatusAndLogoutWorkOnTheLoginKeptInRedis() throws Exception {
        Process login = cli("login");
        BufferedReader printed = new BufferedReader(new InputStreamReader(login.getErrorStream(),
            StandardCharsets.UTF_8));
        Pattern url = Pattern.compile("(http://\\S+/oauth2/v2\\.0/authorize\\S+)");
        String authorizeUrl = null;
        for (String line = printed.readLine(); authorizeUrl == null; line = printed.readLine()) {
            assertThat(line).as("the CLI printed an authorize URL").isNotNull();
            Matcher found = url.matcher(line);
            authorizeUrl = found.find() ? found.group(1) : null;
        }
        String redirect = new BrowserLogin().signInBlocking(authorizeUrl, SimulatedAccount.DEFAULT_USERNAME,
            SimulatedAccount.DEFAULT_PASSWORD);
        try (OutputStream typed = login.getOutputStream()) {
            typed.write((redirect + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String rest = printed.lines().collect(Collectors.joining("\n"));
        assertThat(login.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(login.exitValue()).as(rest).isEqualTo(ExitCode.OK);
        assertThat(rest).contains("Tokens stored in Redis at " + REDIS.uri());
        assertThat(storedLogin()).isNotNull();

        assertThat(finished(cli("status", PICKUP, "--json"))).isEqualTo(ExitCode.OK);

        assertThat(finished(cli("logout"))).isEqualTo(ExitCode.OK);
        assertThat(store.load(ConnectedCarClientBuilder.DEFAULT_ACCOUNT).blockOptional(WAIT)).isEmpty();
    }

    @Test
    void processesRacingAnExpiredLoginInRedisRenewItOnceAndNoneIsToldToLogInAgain() throws Exception {
        logInThroughTheSdk();
        for (int round = 1; round <= ROUNDS; round++) {
            expireStoredAccessToken();
            forgetTheRequestsCounted(); // else the shared burst limit (20 a minute) stops the third round
            List<Process> processes = new ArrayList<>();
            for (int i = 0; i < PROCESSES; i++) {
                processes.add(cli("status", PICKUP, "--json"));
            }
            for (int i = 0; i < PROCESSES; i++) {
                assertThat(finished(processes.get(i))).as("round %d, process %d: %s", round, i, output(processes
                    .get(i))).isEqualTo(ExitCode.OK);
            }
        }

        List<RecordedRequest> refreshes = simulator.requests()
            .matching(request -> request.path().endsWith("/cat-with-refresh-token"));
        assertThat(refreshes).as("one renewal per expiry across all processes").hasSize(ROUNDS)
            .allSatisfy(refresh -> assertThat(refresh.status()).isEqualTo(200));
    }

    @Test
    void processesRacingForTheLastTwoPermitsOfTheBudgetInRedisSendExactlyTwoRequests() throws Exception {
        logInThroughTheSdk();
        int lastPermits = 2;
        int racers = 4;
        RequestLimits wide = new RequestLimits(10_000, Duration.ofHours(24), 10_000, Duration.ofMinutes(1));
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        try (RedisUsageStore usage = RedisUsageStore.connect(REDIS.uri())) {
            Flux.range(0, QuotaOptions.DEFAULT_DAILY_LIMIT - lastPermits)
                .concatMap(i -> usage.acquireRequest(ConnectedCarClientBuilder.DEFAULT_ACCOUNT,
                    anHourAgo.plusMillis(i), wide))
                .blockLast(WAIT);
        }
        int requestsBefore = simulator.requests().matching(request -> true).size();
        int readsBefore = statusReadsSeen();

        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            processes.add(cli("status", PICKUP, "--json"));
        }
        List<Integer> exits = new ArrayList<>();
        StringBuilder outputs = new StringBuilder();
        for (Process process : processes) {
            exits.add(finished(process));
            outputs.append(output(process)).append('\n');
        }

        int sent = simulator.requests().matching(request -> true).size() - requestsBefore;
        int reads = statusReadsSeen() - readsBefore;
        System.out.printf("%d processes racing for the last %d permits: exit codes %s, %d requests (%d status "
            + "reads) reached the simulator%n", racers, lastPermits, exits, sent, reads);
        // A status read is two requests in a new process (the TMC exchange, then the read), so the two permits may
        // go to one process or be split between two that then stop: the requests sent are exact either way.
        assertThat(sent).as("requests that reached the simulator").isEqualTo(lastPermits);
        assertThat(exits).as("exit codes of %s", outputs).isSubsetOf(ExitCode.OK, ExitCode.RATE_LIMITED)
            .filteredOn(exit -> exit == ExitCode.OK).hasSize(reads);
        assertThat(outputs).contains("budget of " + QuotaOptions.DEFAULT_DAILY_LIMIT + " requests per 24 h is used up");
    }

    @Test
    void withRedisDownACommandSaysSoAndNamesItsAddress() throws Exception {
        logInThroughTheSdk();
        REDIS.stop();
        try {
            Process status = cli("status", PICKUP);

            assertThat(finished(status)).isEqualTo(ExitCode.FAILURE);
            assertThat(output(status)).contains("Error: Redis at " + REDIS.uri());
        } finally {
            REDIS.start();
        }
        // The store reconnects by itself within a second of Redis coming back.
        Instant deadline = Instant.now().plusSeconds(10);
        while (true) {
            try {
                assertThat(storedLogin()).as("the login is still there").isNotNull();
                return;
            } catch (RedisUnavailableException e) {
                assertThat(Instant.now()).as("Redis answers again").isBefore(deadline);
            }
        }
    }

    @Test
    void theStoreAndATokenFileTogetherAreAUsageError() throws Exception {
        Process both = cli("status", PICKUP, "--token-file", home.resolve("tokens.json").toString());

        assertThat(finished(both)).isEqualTo(ExitCode.USAGE);
        assertThat(output(both)).contains("--store and --token-file");
    }

    /** Stores a login in Redis the way the SDK does. */
    private void logInThroughTheSdk() {
        try (ConnectedCarAsyncClient client = new ConnectedCarClientBuilder()
                .endpoints(Endpoints.allAt(simulator.baseUrl()))
                .tokenStore(store)
                .buildAsyncClient()) {
            client.auth().beginLogin()
                .flatMap(pending -> new BrowserLogin().signIn(pending.authorizeUrl().toString(),
                        SimulatedAccount.DEFAULT_USERNAME, SimulatedAccount.DEFAULT_PASSWORD)
                    .flatMap(redirect -> client.auth().completeLogin(pending, redirect)))
                .block(WAIT);
        }
    }

    /** Empties the account's request count in Redis, as if the requests were long ago. */
    private void forgetTheRequestsCounted() {
        try (RedisClient client = RedisClient.create(REDIS.uri());
             StatefulRedisConnection<String, String> redis = client.connect()) {
            redis.sync().del("connectedcar:usage:{" + ConnectedCarClientBuilder.DEFAULT_ACCOUNT + "}:requests");
        }
    }

    private int statusReadsSeen() {
        return simulator.requests().matching(request -> request.path().contains(PICKUP)).size();
    }

    private TokenSet storedLogin() {
        return store.load(ConnectedCarClientBuilder.DEFAULT_ACCOUNT).block(WAIT);
    }

    /** Makes the stored CAT look expired (as it is after half an hour), leaving the refresh token as it is. */
    private void expireStoredAccessToken() {
        TokenSet stored = storedLogin();
        store.save(ConnectedCarClientBuilder.DEFAULT_ACCOUNT, new TokenSet(stored.accessToken(),
            Instant.now().minusSeconds(1), stored.refreshToken(), stored.refreshExpiresAt())).block(WAIT);
    }

    /**
     * A command-line process on the simulator and the Redis store, with a home folder of its own (where its usage
     * file goes). The login command's output is read by the test; the others' goes to a log file.
     */
    private Process cli(String... args) throws IOException {
        Path processHome = Files.createDirectories(home.resolve("process-" + launched++));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
            .toString(), "-Duser.home=" + processHome, "-cp", System.getProperty("java.class.path"),
            ConnectedCarCli.class.getName()));
        command.addAll(List.of(args));
        command.addAll(List.of("--endpoint", simulator.baseUrl(), "--store", REDIS.uri()));
        ProcessBuilder builder = new ProcessBuilder(command);
        Path log = processHome.resolve("output.log");
        if (!args[0].equals("login")) {
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
        }
        Process process = builder.start();
        logs.put(process, log);
        return process;
    }

    private static int finished(Process process) throws InterruptedException {
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("the process ended").isTrue();
        return process.exitValue();
    }

    private String output(Process process) throws IOException {
        return Files.readString(logs.get(process));
    }
}
