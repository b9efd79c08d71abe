/** Autonomic command types, their progress states and timings. */
package io.connectedcar.simulator.command;
