/** All accounts and vehicles under one lock, and notification of vehicle changes. */
package io.connectedcar.simulator.internal.world;
