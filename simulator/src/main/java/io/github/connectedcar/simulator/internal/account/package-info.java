/** Accounts at run time: quota windows, rejections, disabling. */
package io.github.connectedcar.simulator.internal.account;
