package io.github.connectedcar.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.ClientOptions;
import io.github.connectedcar.ConnectedCarAsyncClient;
import io.github.connectedcar.ConnectedCarClient;
import io.github.connectedcar.ConnectedCarClientBuilder;
import io.github.connectedcar.auth.FileTokenStore;
import io.github.connectedcar.auth.InMemoryTokenStore;
import io.github.connectedcar.auth.TokenSet;
import io.github.connectedcar.auth.TokenStore;
import io.github.connectedcar.command.CommandOptions;
import io.github.connectedcar.redis.RedisTokenStore;
import io.github.connectedcar.redis.RedisUsageStore;
import io.github.connectedcar.usage.FileUsageStore;
import io.github.connectedcar.usage.InMemoryUsageStore;
import io.github.connectedcar.usage.UsageStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The starter's beans from properties, backing off, the binder and the health indicator, without a network. */
@Tag("unit")
class ConnectedCarAutoConfigurationUnitTests {
    private static final Duration VERIFY = Duration.ofSeconds(5);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ConnectedCarAutoConfiguration.class,
            ConnectedCarMetricsAutoConfiguration.class, ConnectedCarHealthAutoConfiguration.class,
            MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
            CompositeMeterRegistryAutoConfiguration.class));

    @TempDir
    Path folder;

    @Test
    void byDefaultTheLoginAndTheUsageAreKeptInFilesOfTheUsersHome() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(ConnectedCarAsyncClient.class);
            assertThat(context.getBean(TokenStore.class)).isInstanceOf(FileTokenStore.class)
                .extracting(store -> ((FileTokenStore) store).file())
                .isEqualTo(FileTokenStore.inUserHome().file());
            assertThat(context.getBean(UsageStore.class)).isInstanceOf(FileUsageStore.class)
                .extracting(store -> ((FileUsageStore) store).file())
                .isEqualTo(FileUsageStore.inUserHome().file());
        });
    }

    @Test
    void theFilesTheRegionTheEndpointAndTheBudgetComeFromProperties() {
        Path tokens = folder.resolve("login/tokens.json");
        runner.withPropertyValues("connectedcar.token-store.file=" + tokens, "connectedcar.region=EU",
                "connectedcar.endpoint=http://127.0.0.1:9", "connectedcar.budget.daily-limit=100",
                "connectedcar.account=fleet")
            .run(context -> {
                assertThat(((FileTokenStore) context.getBean(TokenStore.class)).file()).isEqualTo(tokens);
                assertThat(((FileUsageStore) context.getBean(UsageStore.class)).file())
                    .isEqualTo(tokens.resolveSibling("usage.json"));
                ConnectedCarAsyncClient client = context.getBean(ConnectedCarAsyncClient.class);
                assertThat(client.toString()).contains("account=fleet", "region=EUROPE", "http://127.0.0.1:9");
                assertThat(client.metrics().quota().dailyLimit()).isEqualTo(100);
            });
    }

    @Test
    void theBlockingClientIsAViewOfTheReactiveOneWithTheConfiguredTimeout() {
        runner.withPropertyValues("connectedcar.block-timeout=7s").run(context -> {
            ConnectedCarClient blocking = context.getBean(ConnectedCarClient.class);
            assertThat(blocking.async()).as("one login, one budget, one set of streams")
                .isSameAs(context.getBean(ConnectedCarAsyncClient.class));
            assertThat(blocking.blockTimeout()).isEqualTo(Duration.ofSeconds(7));
        });
        runner.run(context -> assertThat(context.getBean(ConnectedCarClient.class).blockTimeout())
            .isEqualTo(ClientOptions.DEFAULT_BLOCK_TIMEOUT));
    }

    @Test
    void memoryStoresAndAnUnlimitedBudgetCanBeChosen() {
        runner.withPropertyValues("connectedcar.token-store.type=memory", "connectedcar.usage-store.type=memory",
                "connectedcar.budget.enabled=false")
            .run(context -> {
                assertThat(context.getBean(TokenStore.class)).isInstanceOf(InMemoryTokenStore.class);
                assertThat(context.getBean(UsageStore.class)).isInstanceOf(InMemoryUsageStore.class);
                assertThat(context.getBean(ConnectedCarAsyncClient.class).metrics().quota().dailyLimit())
                    .isEqualTo(Integer.MAX_VALUE);
            });
    }

    @Test
    void redisStoresComeFromTheRedisModuleWhenItIsOnTheClassPath() {
        runner.withPropertyValues("connectedcar.token-store.type=redis", "connectedcar.usage-store.type=redis",
                "connectedcar.redis.uri=redis://127.0.0.1:1")
            .run(context -> {
                // Lazy: nothing connects before the first call, so no server is needed to build them.
                assertThat(context.getBean(TokenStore.class)).isInstanceOf(RedisTokenStore.class);
                assertThat(context.getBean(UsageStore.class)).isInstanceOf(RedisUsageStore.class);
            });
    }

    @Test
    void redisStoresWithoutTheRedisModuleFailTheStartSayingWhatToAdd() {
        runner.withClassLoader(new FilteredClassLoader("io.github.connectedcar.redis"))
            .withPropertyValues("connectedcar.token-store.type=redis")
            .run(context -> assertThat(context).hasFailed().getFailure()
                .rootCause().hasMessageContaining("connectedcar-redis"));
    }

    @Test
    void everyBeanBacksOffWhenTheApplicationDefinesItsOwn() {
        ConnectedCarAsyncClient own = new ConnectedCarClientBuilder().buildAsyncClient();
        InMemoryTokenStore ownStore = new InMemoryTokenStore();
        runner.withBean(ConnectedCarAsyncClient.class, () -> own)
            .withBean(TokenStore.class, () -> ownStore)
            .run(context -> {
                assertThat(context.getBean(ConnectedCarAsyncClient.class)).isSameAs(own);
                assertThat(context.getBean(TokenStore.class)).isSameAs(ownStore);
                // The binder and the health indicator work on the application's client.
                assertThat(context).hasSingleBean(ConnectedCarMetrics.class)
                    .hasSingleBean(ConnectedCarHealthIndicator.class);
            });
    }

    @Test
    void customizersChangeTheBuilderAfterTheProperties() {
        CommandOptions options = CommandOptions.defaults().withTimeout(Duration.ofMinutes(7));
        runner.withBean(ConnectedCarClientBuilderCustomizer.class,
                () -> builder -> builder.commandOptions(options))
            .run(context -> assertThat(context.getBean(ConnectedCarAsyncClient.class).commandOptions())
                .isEqualTo(options));
    }

    @Test
    void theBinderShowsTheBudgetAndTheCountersTaggedWithTheAccount() {
        runner.withPropertyValues("connectedcar.token-store.type=memory", "connectedcar.usage-store.type=memory",
                "connectedcar.account=fleet", "connectedcar.budget.daily-limit=120")
            .run(context -> {
                MeterRegistry registry = context.getBean(MeterRegistry.class);
                assertThat(registry.get("connectedcar.budget.remaining").tag("account", "fleet").gauge().value())
                    .isEqualTo(120);
                assertThat(registry.get("connectedcar.requests.sent").tag("account", "fleet").functionCounter()
                    .count()).isZero();
                assertThat(registry.get("connectedcar.calls").tag("kind", "read").functionCounters()).hasSize(4);
                assertThat(registry.get("connectedcar.token.renewals").functionCounters()).hasSize(2);
                assertThat(registry.get("connectedcar.status.streams.open").gauge().value()).isZero();
                assertThat(registry.get("connectedcar.status.push.lag").functionTimer().count()).isZero();
            });
    }

    @Test
    void theBinderCanBeTurnedOff() {
        runner.withPropertyValues("connectedcar.metrics.enabled=false")
            .run(context -> assertThat(context).doesNotHaveBean(ConnectedCarMetrics.class));
    }

    @Test
    void healthIsDownWithoutALoginAndSaysWhatToDo() {
        runner.withPropertyValues("connectedcar.token-store.type=memory", "connectedcar.usage-store.type=memory")
            .run(context -> {
                Health health = context.getBean(ConnectedCarHealthIndicator.class).health().block(VERIFY);
                assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                assertThat(health.getDetails()).containsEntry("signedIn", false)
                    .containsEntry("budgetRemaining", 250).containsEntry("lockout", "CLOSED")
                    .containsKey("action");
            });
    }

    @Test
    void healthIsUpWhenSignedInWithTheDaysTheLoginHasLeft() {
        InMemoryTokenStore store = new InMemoryTokenStore();
        Instant now = Instant.now();
        store.save(ConnectedCarClientBuilder.DEFAULT_ACCOUNT, new TokenSet("access", now.plusSeconds(1800),
            "refresh", now.plus(Duration.ofDays(30)).plusSeconds(60))).block(VERIFY);
        runner.withBean(TokenStore.class, () -> store)
            .withPropertyValues("connectedcar.usage-store.type=memory")
            .run(context -> {
                Health health = context.getBean(ConnectedCarHealthIndicator.class).health().block(VERIFY);
                assertThat(health.getStatus()).isEqualTo(Status.UP);
                Map<String, Object> details = health.getDetails();
                assertThat(details).containsEntry("signedIn", true).containsEntry("daysUntilRefreshTokenExpires", 30L)
                    .doesNotContainKey("action");
            });
    }

    @Test
    void healthCanBeTurnedOff() {
        runner.withPropertyValues("management.health.connectedcar.enabled=false")
            .run(context -> assertThat(context).doesNotHaveBean(ConnectedCarHealthIndicator.class));
    }
}
