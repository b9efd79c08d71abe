package io.github.connectedcar.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.DefaultAddressResolverGroup;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class DnsWhenNeededUnitTests {

    private final AtomicInteger dnsAsked = new AtomicInteger();
    private final DnsWhenNeeded group = new DnsWhenNeeded(() -> {
        dnsAsked.incrementAndGet();
        return DefaultAddressResolverGroup.INSTANCE;
    });

    @Test
    void anIpAddressIsUsedAsItIsWithoutSettingUpTheResolver() throws Exception {
        AddressResolver<InetSocketAddress> resolver = group.getResolver(ImmediateEventExecutor.INSTANCE);
        // How Reactor Netty hands over a URI's IP address: already resolved.
        InetSocketAddress ip = new InetSocketAddress("127.0.0.1", 8080);

        assertThat(resolver.isResolved(ip)).isTrue();
        assertThat(resolver.resolve(ip).get()).isSameAs(ip);
        assertThat(dnsAsked).hasValue(0);
    }

    @Test
    void aHostNameGoesToTheResolverGivenAndComesBackResolved() throws Exception {
        AddressResolver<InetSocketAddress> resolver = group.getResolver(ImmediateEventExecutor.INSTANCE);
        InetSocketAddress name = InetSocketAddress.createUnresolved("localhost", 8080);

        assertThat(resolver.isResolved(name)).isFalse();
        InetSocketAddress resolved = resolver.resolve(name).get();
        assertThat(resolved.isUnresolved()).isFalse();
        assertThat(resolved.getAddress().isLoopbackAddress()).isTrue();
        assertThat(resolved.getPort()).isEqualTo(8080);
        assertThat(resolver.resolveAll(name).get()).isNotEmpty().allMatch(a -> a.getAddress().isLoopbackAddress());
        assertThat(dnsAsked.get()).isPositive();
    }

    @Test
    void aFailedLookupFailsTheResolution() {
        AddressResolverGroup<?> failing = new DnsWhenNeeded(() -> DefaultAddressResolverGroup.INSTANCE);
        @SuppressWarnings("unchecked")
        AddressResolver<InetSocketAddress> resolver =
            (AddressResolver<InetSocketAddress>) failing.getResolver(ImmediateEventExecutor.INSTANCE);

        // .invalid never resolves (RFC 6761).
        var result = resolver.resolve(InetSocketAddress.createUnresolved("no-such-host.invalid", 80)).awaitUninterruptibly();
        assertThat(result.isSuccess()).isFalse();
        assertThat(result.cause()).isNotNull();
    }
}
