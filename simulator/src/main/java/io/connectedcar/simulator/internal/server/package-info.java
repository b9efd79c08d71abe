/** The Reactor Netty HTTP server in front of the services. */
package io.connectedcar.simulator.internal.server;
