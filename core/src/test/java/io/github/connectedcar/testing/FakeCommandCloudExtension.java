package io.github.connectedcar.testing;

import io.github.connectedcar.ConnectedCarAsyncClient;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test a fresh {@link FakeCommandCloud} and its default client ({@link FakeCommandCloud#client()}), as
 * parameters of the constructor, {@code @BeforeEach} methods or the test; within one test every parameter gets the
 * same cloud and the same client. The cloud is closed when the test ends, failed or not, and with it every client
 * built on it, the ones the test built itself included.
 *
 * <p>For virtual time add {@link VirtualTimeExtension}: it installs the scheduler before anything here is built.
 */
public final class FakeCommandCloudExtension implements ParameterResolver {
    private static final Namespace NAMESPACE = Namespace.create(FakeCommandCloudExtension.class);

    @Override
    public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext) {
        return ExtensionContextScope.TEST_METHOD; // one cloud per test, not per class
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == FakeCommandCloud.class || type == ConnectedCarAsyncClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Store store = context.getStore(NAMESPACE);
        FakeCommandCloud cloud = store.getOrComputeIfAbsent(FakeCommandCloud.class, key -> new FakeCommandCloud(),
            FakeCommandCloud.class);
        if (parameter.getParameter().getType() == FakeCommandCloud.class) {
            return cloud;
        }
        return store.getOrComputeIfAbsent(ConnectedCarAsyncClient.class, key -> cloud.client(),
            ConnectedCarAsyncClient.class);
    }
}
