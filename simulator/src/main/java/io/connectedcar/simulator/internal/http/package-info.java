/** Protocol-neutral request, response and routing types the services are written against. */
package io.connectedcar.simulator.internal.http;
