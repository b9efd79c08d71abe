/**
 * The default transport of connectedcar-java: {@link io.connectedcar.netty.ReactorNettyTransport}, core's
 * {@link io.connectedcar.http.HttpTransport} on Reactor Netty, found through
 * {@link io.connectedcar.netty.ReactorNettyTransportProvider}. Everything here is non-blocking and lazy.
 */
package io.connectedcar.netty;
