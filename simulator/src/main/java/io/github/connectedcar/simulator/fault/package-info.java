/** Injected misbehaviour: latency, error statuses, resets, lost and malformed responses, throttling. */
package io.github.connectedcar.simulator.fault;
