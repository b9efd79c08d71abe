/** The simulated cars: how they change over simulated time and how they report it (telemetry). */
package io.connectedcar.simulator.internal.vehicle;
