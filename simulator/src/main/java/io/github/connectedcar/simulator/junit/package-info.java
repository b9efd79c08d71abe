/** JUnit 5 support. Needs junit-jupiter-api on the test classpath (an optional dependency of this module). */
package io.github.connectedcar.simulator.junit;
