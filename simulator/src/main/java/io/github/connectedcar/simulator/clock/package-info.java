/** Simulated time: faster than real time, frozen, or advanced explicitly. */
package io.github.connectedcar.simulator.clock;
