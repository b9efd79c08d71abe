/**
 * A stand-in for Ford's connected-vehicle cloud. Start with {@link io.github.connectedcar.simulator.FordCloudSimulator}
 * (embedded), {@link io.github.connectedcar.simulator.junit.FordCloudSimulatorExtension} (JUnit 5) or
 * {@link io.github.connectedcar.simulator.Main} (standalone); sign in as a person would with
 * {@link io.github.connectedcar.simulator.BrowserLogin}. Not part of connectedcar-core's API, and independent of it.
 *
 * <p>The public sub-packages are what those entry points hand out or take: {@code vehicle} (what a car is),
 * {@code command} (command timings), {@code clock} (simulated time), {@code fault} and {@code record} (test
 * instruments), {@code protocol} (Ford's fixed identifiers). Everything under {@code internal} is the
 * implementation, layered top down: {@code server} (the Netty front end), {@code service} (one class per
 * Ford/Autonomic service), {@code world} (the lock over all cars and accounts), {@code vehicle} (the simulated cars),
 * {@code command}, {@code account} and {@code auth}, {@code http} (protocol-neutral request and response types).
 * Imports only go down; {@code ArchitectureUnitTests} keeps packages free of cycles.
 */
package io.github.connectedcar.simulator;
