package io.github.connectedcar.service;

/**
 * Present when the service runs on its embedded simulator: the demo account the page may show, as it is no secret.
 *
 * @param username the simulated account's user name
 * @param password the simulated account's password
 */
public record SimulatorMode(String username, String password) {
}
