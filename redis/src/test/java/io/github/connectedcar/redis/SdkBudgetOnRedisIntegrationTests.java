package io.github.connectedcar.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.ConnectedCarAsyncClient;
import io.github.connectedcar.ConnectedCarClientBuilder;
import io.github.connectedcar.auth.TokenSet;
import io.github.connectedcar.exception.QuotaExceededException;
import io.github.connectedcar.exception.ConnectedCarException;
import io.github.connectedcar.protection.QuotaOptions;
import io.github.connectedcar.testing.FakeFordAuth;
import io.github.connectedcar.testing.InMemoryTransport;
import io.github.connectedcar.testing.TestClients;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Whole clients, each with its own Redis token and usage stores as in separate replicas, sharing one account and its
 * budget: together they never send more requests than the budget, and the ones beyond it fail as over the quota.
 */
@Tag("integration")
class SdkBudgetOnRedisIntegrationTests {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int REPLICAS = 4;
    private static final int BUDGET = 10;
    private static final int READS_EACH = 6;

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final List<AutoCloseable> stores = new ArrayList<>();
    private final List<ConnectedCarAsyncClient> clients = new ArrayList<>();
    private InMemoryTransport transport;

    @BeforeEach
    void replicasShareOneAccountAndBudget() {
        transport = TestClients.withVehicleRoutes(new InMemoryTransport());
        FakeFordAuth ford = new FakeFordAuth().install(transport);
        QuotaOptions budget = new QuotaOptions(BUDGET, Duration.ofHours(24), 1000, Duration.ofMinutes(1),
            Duration.ZERO);
        RedisTokenStore firstTokens = null;
        for (int i = 0; i < REPLICAS; i++) {
            RedisTokenStore tokens = RedisTokenStore.connect(REDIS.uri());
            RedisUsageStore usage = RedisUsageStore.connect(REDIS.uri());
            stores.add(tokens);
            stores.add(usage);
            firstTokens = firstTokens == null ? tokens : firstTokens;
            clients.add(TestClients.builder(transport, tokens).usageStore(usage).quota(budget).buildAsyncClient());
        }
        firstTokens.save(ConnectedCarClientBuilder.DEFAULT_ACCOUNT,
            new TokenSet("cat-stale", Instant.EPOCH, ford.seedRefreshToken(), null)).block(WAIT);
    }

    @AfterEach
    void close() throws Exception {
        clients.forEach(ConnectedCarAsyncClient::close);
        for (AutoCloseable store : stores) {
            store.close();
        }
    }

    @Test
    void replicasReadingAtOnceNeverSendMoreThanTheirSharedBudget() {
        List<Object> outcomes = Flux.fromIterable(clients)
            .flatMap(client -> Flux.range(0, READS_EACH)
                .flatMap(read -> client.vehicle(TestClients.F150_VIN).status().<Object>map(status -> status)
                    .onErrorResume(ConnectedCarException.class, Mono::just)))
            .collectList().block(WAIT);

        System.out.printf("%d replicas, %d reads, budget %d: %d requests reached Ford%n", REPLICAS,
            REPLICAS * READS_EACH, BUDGET, transport.requests().size());
        assertThat(transport.requests()).as("requests that reached Ford, the token renewal included")
            .hasSize(BUDGET);
        assertThat(outcomes).hasSize(REPLICAS * READS_EACH);
        assertThat(outcomes).filteredOn(outcome -> outcome instanceof ConnectedCarException)
            .isNotEmpty()
            .allSatisfy(error -> assertThat(error).isInstanceOf(QuotaExceededException.class));
    }
}
