package io.github.connectedcar.netty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test a fresh, started {@link MockWebServer} on a free loopback port, as a parameter of the constructor,
 * {@code @BeforeEach} methods or the test (within one test, the same server to each), and closes it when the test
 * ends, failed or not. A fresh server per test keeps one test's queued answers and recorded requests out of the next;
 * a free port keeps tests from colliding with each other or with anything else on the machine.
 */
final class MockWebServerExtension implements ParameterResolver {
    private static final Namespace NAMESPACE = Namespace.create(MockWebServerExtension.class);

    @Override
    public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext) {
        return ExtensionContextScope.TEST_METHOD; // one server per test, not per class
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MockWebServer.class;
    }

    @Override
    public MockWebServer resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(MockWebServer.class, key -> started(),
            MockWebServer.class);
    }

    private static MockWebServer started() {
        MockWebServer server = new MockWebServer();
        try {
            server.start(InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            server.close();
            throw new UncheckedIOException("MockWebServer did not start", e);
        }
        return server;
    }
}
