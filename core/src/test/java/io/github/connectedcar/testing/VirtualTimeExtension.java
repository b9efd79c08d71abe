package io.github.connectedcar.testing;

import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * Runs each test of the class in Reactor's virtual time, and injects the {@link VirtualTimeScheduler} into the
 * constructor, {@code @BeforeEach} methods and the test.
 *
 * <p>A client reads its clock from Reactor's schedulers when it is built, so the scheduler is installed before the
 * test instance is constructed: whatever a constructor, a field or a {@code @BeforeEach} method builds runs on
 * virtual time, whichever extension supplies it. The scheduler is reset when the test ends, failed or not.
 */
public final class VirtualTimeExtension implements TestInstancePreConstructCallback, ParameterResolver {
    private static final Namespace NAMESPACE = Namespace.create(VirtualTimeExtension.class);

    @Override
    public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext) {
        return ExtensionContextScope.TEST_METHOD; // one scheduler per test, not per class
    }

    @Override
    public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
        scheduler(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == VirtualTimeScheduler.class;
    }

    @Override
    public VirtualTimeScheduler resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return scheduler(context);
    }

    private static VirtualTimeScheduler scheduler(ExtensionContext context) {
        return context.getStore(NAMESPACE)
            .getOrComputeIfAbsent(Installed.class, key -> new Installed(), Installed.class)
            .scheduler();
    }

    /** The installed scheduler; the test's store closes it, which resets Reactor's schedulers. */
    private record Installed(VirtualTimeScheduler scheduler) implements AutoCloseable {
        Installed() {
            this(VirtualTimeScheduler.getOrSet());
        }

        @Override
        public void close() {
            VirtualTimeScheduler.reset();
        }
    }
}
