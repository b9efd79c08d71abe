package io.github.connectedcar.simulator.junit;

import java.util.Objects;
import java.util.function.Consumer;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import io.github.connectedcar.simulator.FordCloudSimulator;
import io.github.connectedcar.simulator.VehicleControl;
import io.github.connectedcar.simulator.clock.SimulatedClock;
import io.github.connectedcar.simulator.fault.FaultInjector;
import io.github.connectedcar.simulator.record.RequestLog;

/**
 * JUnit 5 extension running one {@link FordCloudSimulator} per test class, {@linkplain FordCloudSimulator#reset()
 * reset} before each test (so tests never see each other's tokens, faults, clock or vehicle changes).
 *
 * <pre>{@code
 * @RegisterExtension
 * static FordCloudSimulatorExtension sim = FordCloudSimulatorExtension.configured(b -> b.speed(0));
 *
 * @Test void vehicles() { client(sim.baseUrl())... }
 * }</pre>
 *
 * or {@code @ExtendWith(FordCloudSimulatorExtension.class)} and a {@link FordCloudSimulator} test or lifecycle
 * method parameter. Registered on an instance field instead of a static one, the extension starts a simulator per
 * test and closes it afterwards. Settings made on the simulator inside a test do not outlive it: configure through
 * the builder, or again in {@code @BeforeEach}.
 */
public final class FordCloudSimulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
    AfterEachCallback, ParameterResolver {

    private final Consumer<FordCloudSimulator.Builder> configuration;
    private FordCloudSimulator simulator;
    private int classDepth;
    private boolean perTest;

    /** A simulator with the defaults (used by {@code @ExtendWith}). */
    public FordCloudSimulatorExtension() {
        this(builder -> { });
    }

    private FordCloudSimulatorExtension(Consumer<FordCloudSimulator.Builder> configuration) {
        this.configuration = configuration;
    }

    /** A simulator built with this configuration of the builder. */
    public static FordCloudSimulatorExtension configured(Consumer<FordCloudSimulator.Builder> configuration) {
        return new FordCloudSimulatorExtension(Objects.requireNonNull(configuration, "configuration"));
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (classDepth++ == 0) {
            simulator = newSimulator();
        }
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (--classDepth == 0 && simulator != null) {
            simulator.close();
            simulator = null;
        }
    }

    @Override
    public synchronized void beforeEach(ExtensionContext context) {
        if (simulator == null) {
            simulator = newSimulator();
            perTest = true;
        } else {
            simulator.reset();
        }
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) {
        if (perTest && simulator != null) {
            simulator.close();
            simulator = null;
            perTest = false;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == FordCloudSimulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return simulator();
    }

    private FordCloudSimulator newSimulator() {
        FordCloudSimulator.Builder builder = FordCloudSimulator.builder();
        configuration.accept(builder);
        return builder.build().start();
    }

    /**
     * The running simulator.
     *
     * @throws IllegalStateException outside a test class's lifecycle
     */
    public synchronized FordCloudSimulator simulator() {
        if (simulator == null) {
            throw new IllegalStateException("The simulator runs only while the test class runs");
        }
        return simulator;
    }

    /** {@link FordCloudSimulator#baseUrl()} of the running simulator. */
    public String baseUrl() {
        return simulator().baseUrl();
    }

    public SimulatedClock clock() {
        return simulator().clock();
    }

    public VehicleControl vehicle(String vin) {
        return simulator().vehicle(vin);
    }

    public FaultInjector faults() {
        return simulator().faults();
    }

    public RequestLog requests() {
        return simulator().requests();
    }
}
