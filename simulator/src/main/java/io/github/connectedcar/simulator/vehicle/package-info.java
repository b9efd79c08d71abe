/** What a simulated car is: its spec, doors, windows, wheels, engine type, capabilities and guard-mode states. */
package io.github.connectedcar.simulator.vehicle;
