/**
 * The default transport of connectedcar-java: {@link io.github.connectedcar.netty.ReactorNettyTransport}, core's
 * {@link io.github.connectedcar.http.HttpTransport} on Reactor Netty, found through
 * {@link io.github.connectedcar.netty.ReactorNettyTransportProvider}. Everything here is non-blocking and lazy.
 */
package io.github.connectedcar.netty;
