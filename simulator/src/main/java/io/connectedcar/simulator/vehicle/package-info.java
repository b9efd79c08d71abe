/** The simulated cars: what they are (specs), how they change over time, and how they report (telemetry). */
package io.connectedcar.simulator.vehicle;
