/** When a command's progress shows, in simulated time. The command machinery itself is internal. */
package io.github.connectedcar.simulator.command;
