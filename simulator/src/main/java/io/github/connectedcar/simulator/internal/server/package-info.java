/** The Reactor Netty HTTP server in front of the services. */
package io.github.connectedcar.simulator.internal.server;
