/** Autonomic command types, the states a command goes through, and the record of one sent command. */
package io.github.connectedcar.simulator.internal.command;
