/**
 * One class per simulated service of Ford's cloud, each on Ford's own paths: B2C login, Ford token service,
 * Autonomic token exchange, Ford vehicle/message services, MPS (guard mode, zone lighting), Autonomic telemetry,
 * commands and websocket push. A package-private {@code Guards} holds the checks they share.
 */
package io.github.connectedcar.simulator.internal.service;
