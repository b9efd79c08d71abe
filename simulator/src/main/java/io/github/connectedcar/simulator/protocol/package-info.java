/**
 * The fixed identifiers of Ford's protocol (B2C tenant, client ids, Application-Ids, recorded headers). The bottom
 * layer: every other package may use it, it uses none of them.
 */
package io.github.connectedcar.simulator.protocol;
