/** The redacted record of received requests. */
package io.connectedcar.simulator.record;
