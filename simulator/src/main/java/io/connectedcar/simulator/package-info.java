/**
 * A stand-in for Ford's connected-vehicle cloud. Start with {@link io.connectedcar.simulator.FordCloudSimulator}
 * (embedded), {@link io.connectedcar.simulator.junit.FordCloudSimulatorExtension} (JUnit 5) or
 * {@link io.connectedcar.simulator.Main} (standalone); sign in as a person would with
 * {@link io.connectedcar.simulator.BrowserLogin}. The sub-packages are the implementation: {@code clock} (simulated
 * time), {@code vehicle} and {@code command} (the cars), {@code auth} and {@code account} (credentials, quota),
 * {@code world} (the lock over all of it), {@code service} (one class per Ford/Autonomic service), {@code server}
 * (the Netty front end), {@code fault} and {@code record} (test instruments), {@code http} (protocol-neutral request
 * and response types). Not part of connectedcar-core's API, and independent of it.
 */
package io.connectedcar.simulator;
