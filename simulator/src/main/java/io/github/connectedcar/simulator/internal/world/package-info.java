/** All accounts and vehicles under one lock, and notification of vehicle changes. */
package io.github.connectedcar.simulator.internal.world;
