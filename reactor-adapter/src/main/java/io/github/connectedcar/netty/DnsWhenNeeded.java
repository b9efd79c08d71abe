package io.github.connectedcar.netty;

import io.netty.resolver.AbstractAddressResolver;
import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.Supplier;

/**
 * Address resolution that sets up Reactor Netty's DNS resolver only when a host name needs it. Reactor Netty would
 * otherwise make its resolver (a UDP channel, {@code /etc/resolv.conf} and the hosts file read, about a hundred
 * classes) at the first connection even when the host is an IP address, which needs no resolving: a large share of a
 * one-shot command line's start against a local endpoint. Host names go to the very resolver Reactor Netty would have
 * used.
 */
final class DnsWhenNeeded extends AddressResolverGroup<InetSocketAddress> {
    private final Supplier<AddressResolverGroup<?>> dns;

    /** @param dns Reactor Netty's resolver group, asked for only when a host name is resolved */
    DnsWhenNeeded(Supplier<AddressResolverGroup<?>> dns) {
        this.dns = dns;
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new AbstractAddressResolver<>(executor, InetSocketAddress.class) {
            @Override
            protected boolean doIsResolved(InetSocketAddress address) {
                return !address.isUnresolved();
            }

            @Override
            protected void doResolve(InetSocketAddress address, Promise<InetSocketAddress> promise) {
                passOn(dnsFor(executor).resolve(address), promise);
            }

            @Override
            protected void doResolveAll(InetSocketAddress address, Promise<List<InetSocketAddress>> promise) {
                passOn(dnsFor(executor).resolveAll(address), promise);
            }
        };
    }

    @SuppressWarnings("unchecked")
    private AddressResolver<InetSocketAddress> dnsFor(EventExecutor executor) {
        return (AddressResolver<InetSocketAddress>) dns.get().getResolver(executor);
    }

    private static <T> void passOn(Future<? extends T> result, Promise<T> promise) {
        result.addListener(done -> {
            if (done.isSuccess()) {
                promise.trySuccess(result.getNow());
            } else {
                promise.tryFailure(done.cause());
            }
        });
    }
}
