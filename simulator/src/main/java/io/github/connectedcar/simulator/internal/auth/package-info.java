/** Credentials the simulated cloud issues (codes, B2C, CAT, TMC tokens) and PKCE. */
package io.github.connectedcar.simulator.internal.auth;
