/** Accounts at run time: quota windows, rejections, disabling. */
package io.connectedcar.simulator.account;
