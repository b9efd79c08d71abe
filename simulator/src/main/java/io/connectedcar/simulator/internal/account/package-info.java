/** Accounts at run time: quota windows, rejections, disabling. */
package io.connectedcar.simulator.internal.account;
