/** The redacted record of received requests. */
package io.github.connectedcar.simulator.record;
