/** Injected misbehaviour: latency, error statuses, resets, lost and malformed responses, throttling. */
package io.connectedcar.simulator.fault;
