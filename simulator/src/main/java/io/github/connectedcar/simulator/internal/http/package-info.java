/** Protocol-neutral request, response and routing types the services are written against. */
package io.github.connectedcar.simulator.internal.http;
