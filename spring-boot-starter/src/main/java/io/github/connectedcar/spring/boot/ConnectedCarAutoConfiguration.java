package io.github.connectedcar.spring.boot;

import io.github.connectedcar.ConnectedCarAsyncClient;
import io.github.connectedcar.ConnectedCarClient;
import io.github.connectedcar.ConnectedCarClientBuilder;
import io.github.connectedcar.auth.FileTokenStore;
import io.github.connectedcar.auth.InMemoryTokenStore;
import io.github.connectedcar.auth.TokenStore;
import io.github.connectedcar.ford.Endpoints;
import io.github.connectedcar.redis.RedisTokenStore;
import io.github.connectedcar.redis.RedisUsageStore;
import io.github.connectedcar.spring.boot.ConnectedCarProperties.StoreType;
import io.github.connectedcar.usage.FileUsageStore;
import io.github.connectedcar.usage.InMemoryUsageStore;
import io.github.connectedcar.usage.UsageStore;
import java.nio.file.Path;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Builds a {@link ConnectedCarAsyncClient} from the {@code connectedcar.*} properties ({@link ConnectedCarProperties}),
 * with its token and usage stores. Each bean backs off when the application defines its own.
 */
@AutoConfiguration
@EnableConfigurationProperties(ConnectedCarProperties.class)
public class ConnectedCarAutoConfiguration implements BeanClassLoaderAware {
    private ClassLoader classLoader = ConnectedCarAutoConfiguration.class.getClassLoader();

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    /** Where the login is kept: {@code connectedcar.token-store.type} (file by default). */
    @Bean
    @ConditionalOnMissingBean
    public TokenStore connectedCarTokenStore(ConnectedCarProperties properties) {
        ConnectedCarProperties.Store store = properties.getTokenStore();
        return switch (store.getType()) {
            case MEMORY -> new InMemoryTokenStore();
            case FILE -> store.getFile() == null ? FileTokenStore.inUserHome() : new FileTokenStore(store.getFile());
            case REDIS -> {
                requireRedisModule("token-store");
                yield RedisStores.tokens(properties.getRedis().getUri());
            }
        };
    }

    /** Where the request counts are kept: {@code connectedcar.usage-store.type} (file by default). */
    @Bean
    @ConditionalOnMissingBean
    public UsageStore connectedCarUsageStore(ConnectedCarProperties properties) {
        ConnectedCarProperties.Store store = properties.getUsageStore();
        return switch (store.getType()) {
            case MEMORY -> new InMemoryUsageStore();
            case FILE -> store.getFile() != null ? new FileUsageStore(store.getFile())
                : FileUsageStore.besideTokenFile(tokenFile(properties));
            case REDIS -> {
                requireRedisModule("usage-store");
                yield RedisStores.usage(properties.getRedis().getUri());
            }
        };
    }

    /** The client of the account; closed with the application context. */
    @Bean
    @ConditionalOnMissingBean
    public ConnectedCarAsyncClient connectedCarAsyncClient(ConnectedCarProperties properties, TokenStore tokenStore,
                                                           UsageStore usageStore,
                                                           ObjectProvider<ConnectedCarClientBuilderCustomizer> customizers) {
        ConnectedCarClientBuilder builder = new ConnectedCarClientBuilder()
            .region(properties.getRegion())
            .account(properties.getAccount())
            .tokenStore(tokenStore)
            .usageStore(usageStore)
            .quota(properties.getBudget().toOptions())
            .statusStreamOptions(properties.getStream().toOptions());
        if (StringUtils.hasText(properties.getEndpoint())) {
            builder.endpoints(Endpoints.allAt(properties.getEndpoint().strip()));
        }
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.buildAsyncClient();
    }

    /**
     * The blocking client, a view of the reactive one (the same login, budget and streams). The reactive bean is
     * closed with the context; this view has nothing of its own to close.
     */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    public ConnectedCarClient connectedCarClient(ConnectedCarAsyncClient client, ConnectedCarProperties properties) {
        return client.blocking(properties.getBlockTimeout());
    }

    /** The token file the FILE usage store sits beside: the configured one, or the default. */
    private static Path tokenFile(ConnectedCarProperties properties) {
        ConnectedCarProperties.Store tokens = properties.getTokenStore();
        return tokens.getType() == StoreType.FILE && tokens.getFile() != null ? tokens.getFile()
            : FileTokenStore.inUserHome().file();
    }

    private void requireRedisModule(String store) {
        if (!ClassUtils.isPresent("io.github.connectedcar.redis.RedisTokenStore", classLoader)) {
            throw new IllegalStateException("connectedcar." + store + ".type=redis needs the Redis stores on the class "
                + "path: add the dependency io.github.connectedcar:connectedcar-redis (or choose file or memory).");
        }
    }

    /** The Redis stores, in a class of their own so that nothing loads Lettuce unless they are asked for. */
    private static final class RedisStores {

        static TokenStore tokens(String uri) {
            return RedisTokenStore.connect(uri);
        }

        static UsageStore usage(String uri) {
            return RedisUsageStore.connect(uri);
        }
    }
}
