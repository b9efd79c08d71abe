package io.github.connectedcar.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.ConnectedCarAsyncClient;
import io.github.connectedcar.ConnectedCarClientBuilder;
import io.github.connectedcar.auth.TokenSet;
import io.github.connectedcar.model.VehicleStatus;
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

/**
 * Whole clients, each with its own Redis token store as in separate replicas, sharing one account on a fake Ford
 * whose refresh tokens work once: the expired login is renewed once for all of them, and once the token is cached a
 * status read needs no Redis at all.
 */
@Tag("integration")
class SdkOnRedisIntegrationTests {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int REPLICAS = 4;

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final List<RedisTokenStore> stores = new ArrayList<>();
    private final List<ConnectedCarAsyncClient> clients = new ArrayList<>();
    private InMemoryTransport transport;
    private FakeFordAuth ford;

    @BeforeEach
    void replicasShareAnExpiredLogin() {
        transport = TestClients.withVehicleRoutes(new InMemoryTransport());
        ford = new FakeFordAuth().install(transport);
        for (int i = 0; i < REPLICAS; i++) {
            RedisTokenStore store = RedisTokenStore.connect(REDIS.uri());
            stores.add(store);
            clients.add(TestClients.builder(transport, store).buildAsyncClient());
        }
        stores.get(0).save(ConnectedCarClientBuilder.DEFAULT_ACCOUNT,
            new TokenSet("cat-stale", Instant.EPOCH, ford.seedRefreshToken(), null)).block(WAIT);
    }

    @AfterEach
    void close() {
        clients.forEach(ConnectedCarAsyncClient::close);
        stores.forEach(RedisTokenStore::close);
    }

    @Test
    void replicasReadingAtOnceRenewTheExpiredLoginOnceAndStoreTheRotatedRefreshToken() {
        List<VehicleStatus> statuses = readEverywhere();

        assertThat(statuses).hasSize(REPLICAS);
        assertThat(ford.catsIssued()).as("CAT renewals across all replicas").isEqualTo(1);
        assertThat(transport.count("cat-refresh")).as("refresh tokens spent").isEqualTo(1);
        TokenSet stored = stores.get(0).load(ConnectedCarClientBuilder.DEFAULT_ACCOUNT).block(WAIT);
        assertThat(stored.accessToken()).isEqualTo("cat-1");
        assertThat(stored.refreshToken()).isEqualTo("refresh-1");
    }

    @Test
    void onceTheTokenIsCachedStatusReadsNeedNoRedis() {
        readEverywhere();

        REDIS.stop();
        try {
            assertThat(readEverywhere()).as("reads while Redis is down").hasSize(REPLICAS);
        } finally {
            REDIS.start();
        }
        assertThat(ford.catsIssued()).isEqualTo(1);
    }

    private List<VehicleStatus> readEverywhere() {
        return Flux.fromIterable(clients)
            .flatMap(client -> client.vehicle(TestClients.F150_VIN).status())
            .collectList().block(WAIT);
    }
}
