/** The simulated cars: how they change over simulated time and how they report it (telemetry). */
package io.github.connectedcar.simulator.internal.vehicle;
